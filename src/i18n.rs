//! The interface in Italian and English. Articles are never translated: only
//! the words of the interface around them.
//!
//! Every string the interface shows is a [`Text`] key; [`Lang::t`] gives it in
//! the chosen language. A missing translation is a compile error, not a blank.

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Italiano (the default: the embedded story is Italian).
    #[default]
    It,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// Reads a stored or browser language tag (`it`, `en-GB`, …).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
        }
    }

    /// Month names, for dates in running text.
    pub fn month(self, month: u32) -> &'static str {
        const IT: [&str; 12] = synoptic_core::date::MONTHS_IT;
        const EN: [&str; 12] = synoptic_core::date::MONTHS_EN;
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::It => IT[i],
            Lang::En => EN[i],
        }
    }
}

/// Every string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Text {
    AppTagline,
    SkipToContent,
    MainNav,
    NavOverview,
    LanguageLabel,
    FooterOffline,
    /// The footer where offline use is not available.
    FooterPrivate,
    OverviewTitle,
    OverviewIntro,
    OutletNotNamed,
    AuthorNotNamed,
    DateUnknown,
    Words,
    SourcesCited,
    NoSourcesCited,
    ReadArticle,
    KindBlog,
    KindNewspaper,
    KindAgency,
    KindPressRelease,
    KindOther,
    StateMedia,
    BackToOverview,
    Outlet,
    Date,
    Author,
    Original,
    DistributedBy,
    NoHeadline,
    PageChrome,
    PageChromeHint,
    ArticleNotFound,
    PageNotFound,
    PageNotFoundHint,
    ArticleNav,
    NavCompare,
    NavFigures,
    NavFraming,
    VerdictSame,
    VerdictCompatible,
    VerdictConflict,
    VerdictOnlyHere,
    TotalsTitle,
    TotalsHint,
    OpenView,
    CompareTitle,
    CompareIntro,
    OutletsToCompare,
    DifferencesOnly,
    NotMentioned,
    /// Heading of a run of statements one outlet alone makes each.
    OneOutletEach,
    /// Label of the evidence that linked figures measure one quantity.
    WhyOneQuantity,
    KeyboardHint,
    Statement,
    Inspector,
    InspectorEmpty,
    Measures,
    FiguresTitle,
    FiguresIntro,
    SortBy,
    SortStory,
    SortVerdict,
    SortKind,
    SortMeasure,
    KindFilter,
    AllKinds,
    ExportCsv,
    ExportJson,
    Verdict,
    Explanation,
    NoRows,
    FramingTitle,
    FramingIntro,
    SourcesTitle,
    HedgedTitle,
    Hedged,
    Asserted,
    FramingWords,
    Asserts,
    Denies,
    MarginNotes,
    MarginNote,
    OtherOutlets,
    Minimap,
    MinimapHint,
    Sentence,
    SameFact,
    Hedges,
    Cites,
    RowsShown,
    WordDiff,
    OnlyThisOutlet,
    OfflineUnavailable,
    UpdateReady,
    UpdateNow,
    NavLibrary,
    LoadingStory,
    AnalysingStory,
    AnalysedSoFar,
    OutletsCapped,
    OnlyALink,
    EvictionNote,
    EditStory,
    KindLabel,
    MoveTo,
    SaveChanges,
    StorageFull,
    ExportAnnotations,
    ImportLibrary,
    LibraryImported,
    AlreadyInLibrary,
    AnalysisFailed,
    TryAgain,
    WorkerUnavailable,
    StoryNotFound,
    StoryNotFoundHint,
    StoryRestored,
    StoryDeleted,
    Undo,
    LibraryTitle,
    LibraryIntro,
    StorageUnavailable,
    DamagedTitle,
    ExportRaw,
    EmbeddedStoryName,
    BuiltIn,
    ArticlesWord,
    AddArticles,
    ExportStory,
    DeleteStory,
    NewStory,
    ExportLibrary,
    SaveFailed,
    StoryName,
    PasteHere,
    Address,
    AddArticle,
    ChooseFiles,
    ToAdd,
    NothingToAdd,
    DateInferred,
    Remove,
    SaveStory,
    Cancel,
    StoryIntro,
}

impl Lang {
    /// The interface string `text` in this language.
    pub fn t(self, text: Text) -> &'static str {
        use Text::*;
        match (self, text) {
            (Lang::It, AppTagline) => "più testate, una storia, a confronto",
            (Lang::En, AppTagline) => "several outlets, one story, side by side",
            (Lang::It, SkipToContent) => "Vai al contenuto",
            (Lang::En, SkipToContent) => "Skip to content",
            (Lang::It, MainNav) => "Navigazione principale",
            (Lang::En, MainNav) => "Main navigation",
            (Lang::It, NavOverview) => "Panoramica",
            (Lang::En, NavOverview) => "Overview",
            (Lang::It, LanguageLabel) => "Lingua dell’interfaccia",
            (Lang::En, LanguageLabel) => "Interface language",
            (Lang::It, FooterOffline) => {
                "Synoptic funziona senza connessione: nulla di ciò che leggi lascia il tuo dispositivo."
            }
            (Lang::En, FooterOffline) => {
                "Synoptic works offline: nothing you read leaves your device."
            }
            (Lang::It, FooterPrivate) => "Nulla di ciò che leggi lascia il tuo dispositivo.",
            (Lang::En, FooterPrivate) => "Nothing you read leaves your device.",
            (Lang::It, OverviewTitle) => "La storia, testata per testata",
            (Lang::En, OverviewTitle) => "The story, outlet by outlet",
            (Lang::It, OverviewIntro) => {
                "Tre resoconti delle relazioni tra Cina e Russia, da un blog, un quotidiano e un comunicato stampa. Apri un articolo per leggerlo senza il contorno della pagina."
            }
            (Lang::En, OverviewIntro) => {
                "Three reports on China–Russia relations, from a blog, a daily and a press release. Open an article to read it without the page chrome."
            }
            (Lang::It, OutletNotNamed) => "Testata non indicata",
            (Lang::En, OutletNotNamed) => "Outlet not named",
            (Lang::It, AuthorNotNamed) => "autore non indicato",
            (Lang::En, AuthorNotNamed) => "author not named",
            (Lang::It, DateUnknown) => "data non indicata",
            (Lang::En, DateUnknown) => "date not given",
            (Lang::It, Words) => "parole",
            (Lang::En, Words) => "words",
            (Lang::It, SourcesCited) => "Fonti citate",
            (Lang::En, SourcesCited) => "Sources cited",
            (Lang::It, NoSourcesCited) => "nessuna fonte citata",
            (Lang::En, NoSourcesCited) => "no source cited",
            (Lang::It, ReadArticle) => "Leggi l’articolo",
            (Lang::En, ReadArticle) => "Read the article",
            (Lang::It, KindBlog) => "Blog",
            (Lang::En, KindBlog) => "Blog",
            (Lang::It, KindNewspaper) => "Quotidiano",
            (Lang::En, KindNewspaper) => "Newspaper",
            (Lang::It, KindAgency) => "Agenzia",
            (Lang::En, KindAgency) => "News agency",
            (Lang::It, KindPressRelease) => "Comunicato stampa",
            (Lang::En, KindPressRelease) => "Press release",
            (Lang::It, KindOther) => "Altro",
            (Lang::En, KindOther) => "Other",
            (Lang::It, StateMedia) => "Media statale",
            (Lang::En, StateMedia) => "State media",
            (Lang::It, BackToOverview) => "Torna alla panoramica",
            (Lang::En, BackToOverview) => "Back to the overview",
            (Lang::It, Outlet) => "Testata",
            (Lang::En, Outlet) => "Outlet",
            (Lang::It, Date) => "Data",
            (Lang::En, Date) => "Date",
            (Lang::It, Author) => "Autore",
            (Lang::En, Author) => "Author",
            (Lang::It, Original) => "Originale",
            (Lang::En, Original) => "Original",
            (Lang::It, DistributedBy) => "Diffuso da",
            (Lang::En, DistributedBy) => "Distributed by",
            (Lang::It, NoHeadline) => {
                "Il testo non ha un titolo prima del corpo: qui è mostrato il primo sottotitolo."
            }
            (Lang::En, NoHeadline) => {
                "The text has no headline before its body: its first heading is shown instead."
            }
            (Lang::It, PageChrome) => "Contorno della pagina",
            (Lang::En, PageChrome) => "Page chrome",
            (Lang::It, PageChromeHint) => {
                "Pulsanti, firma, piè di pagina e avvisi copiati con l’articolo: non fanno parte della storia e i loro numeri non sono confrontati."
            }
            (Lang::En, PageChromeHint) => {
                "Buttons, author box, footer and notices copied with the article: they are not part of the story and their numbers are not compared."
            }
            (Lang::It, ArticleNotFound) => "Nessun articolo con questo identificativo.",
            (Lang::En, ArticleNotFound) => "No article has this id.",
            (Lang::It, PageNotFound) => "Pagina non trovata",
            (Lang::En, PageNotFound) => "Page not found",
            (Lang::It, PageNotFoundHint) => "Questo indirizzo non corrisponde a nessuna vista.",
            (Lang::En, PageNotFoundHint) => "This address matches no view.",
            (Lang::It, ArticleNav) => "Altri articoli",
            (Lang::En, ArticleNav) => "Other articles",
            (Lang::It, NavCompare) => "Fianco a fianco",
            (Lang::En, NavCompare) => "Side by side",
            (Lang::It, NavFigures) => "Cifre",
            (Lang::En, NavFigures) => "Figures",
            (Lang::It, NavFraming) => "Fonti e toni",
            (Lang::En, NavFraming) => "Sources and framing",
            (Lang::It, VerdictSame) => "uguale",
            (Lang::En, VerdictSame) => "same",
            (Lang::It, VerdictCompatible) => "compatibile",
            (Lang::En, VerdictCompatible) => "compatible",
            (Lang::It, VerdictConflict) => "in conflitto",
            (Lang::En, VerdictConflict) => "conflict",
            (Lang::It, VerdictOnlyHere) => "solo qui",
            (Lang::En, VerdictOnlyHere) => "only here",
            (Lang::It, TotalsTitle) => "Le cifre a confronto",
            (Lang::En, TotalsTitle) => "The figures compared",
            (Lang::It, TotalsHint) => "Quantità misurate dalle testate: quante coincidono, sono compatibili, sono in conflitto o compaiono in una sola.",
            (Lang::En, TotalsHint) => "Quantities the outlets measure: how many agree, are compatible, conflict or appear in one outlet only.",
            (Lang::It, OpenView) => "Apri",
            (Lang::En, OpenView) => "Open",
            (Lang::It, CompareTitle) => "Fianco a fianco",
            (Lang::En, CompareTitle) => "Side by side",
            (Lang::It, CompareIntro) => "Ogni riga raccoglie le frasi che riportano lo stesso fatto. Le cifre sono evidenziate secondo il confronto: porta il fuoco su una cifra per vedere le corrispondenti nelle altre colonne.",
            (Lang::En, CompareIntro) => "Each row gathers the sentences that report the same fact. Figures are highlighted by how they compare: focus a figure to light up its counterparts in the other columns.",
            (Lang::It, OutletsToCompare) => "Testate da confrontare",
            (Lang::En, OutletsToCompare) => "Outlets to compare",
            (Lang::It, DifferencesOnly) => "Solo le differenze",
            (Lang::En, DifferencesOnly) => "Differences only",
            (Lang::It, NotMentioned) => "Non menzionato",
            (Lang::En, NotMentioned) => "Not mentioned",
            (Lang::It, OneOutletEach) => "Detto da una sola testata",
            (Lang::En, OneOutletEach) => "Said by one outlet only",
            (Lang::It, WhyOneQuantity) => "Perché è la stessa quantità",
            (Lang::En, WhyOneQuantity) => "Why one quantity",
            (Lang::It, KeyboardHint) => "Tastiera: J e K (o frecce su e giù) passano da una riga all’altra.",
            (Lang::En, KeyboardHint) => "Keyboard: J and K (or the up and down arrows) move between rows.",
            (Lang::It, Statement) => "Affermazione",
            (Lang::En, Statement) => "Statement",
            (Lang::It, Inspector) => "Cifra selezionata",
            (Lang::En, Inspector) => "Selected figure",
            (Lang::It, InspectorEmpty) => "Porta il fuoco o il puntatore su una cifra evidenziata per vedere il confronto.",
            (Lang::En, InspectorEmpty) => "Focus or hover a highlighted figure to see how it compares.",
            (Lang::It, Measures) => "Misura",
            (Lang::En, Measures) => "Measures",
            (Lang::It, FiguresTitle) => "Tabella delle cifre",
            (Lang::En, FiguresTitle) => "Figures table",
            (Lang::It, FiguresIntro) => "Una riga per quantità misurata, una colonna per testata, con qualificatore e fonte citata.",
            (Lang::En, FiguresIntro) => "One row per measured quantity, one column per outlet, with qualifier and cited source.",
            (Lang::It, SortBy) => "Ordina per",
            (Lang::En, SortBy) => "Sort by",
            (Lang::It, SortStory) => "ordine nel testo",
            (Lang::En, SortStory) => "story order",
            (Lang::It, SortVerdict) => "esito (conflitti prima)",
            (Lang::En, SortVerdict) => "verdict (conflicts first)",
            (Lang::It, SortKind) => "tipo di cifra",
            (Lang::En, SortKind) => "kind of figure",
            (Lang::It, SortMeasure) => "cosa misura",
            (Lang::En, SortMeasure) => "what it measures",
            (Lang::It, KindFilter) => "Tipo",
            (Lang::En, KindFilter) => "Kind",
            (Lang::It, AllKinds) => "tutti",
            (Lang::En, AllKinds) => "all",
            (Lang::It, ExportCsv) => "Esporta CSV",
            (Lang::En, ExportCsv) => "Export CSV",
            (Lang::It, ExportJson) => "Esporta JSON",
            (Lang::En, ExportJson) => "Export JSON",
            (Lang::It, Verdict) => "Esito",
            (Lang::En, Verdict) => "Verdict",
            (Lang::It, Explanation) => "Spiegazione",
            (Lang::En, Explanation) => "Explanation",
            (Lang::It, NoRows) => "Nessuna riga corrisponde ai filtri.",
            (Lang::En, NoRows) => "No row matches the filters.",
            (Lang::It, FramingTitle) => "Fonti e toni",
            (Lang::En, FramingTitle) => "Sources and framing",
            (Lang::It, FramingIntro) => "Chi cita chi, quanto ogni testata usa il condizionale e le voci non verificate, e le parole con cui inquadra la relazione.",
            (Lang::En, FramingIntro) => "Who cites whom, how much each outlet hedges, and the words with which it frames the relationship.",
            (Lang::It, SourcesTitle) => "Fonti citate",
            (Lang::En, SourcesTitle) => "Sources cited",
            (Lang::It, HedgedTitle) => "Affermazioni prudenti e assertive",
            (Lang::En, HedgedTitle) => "Hedged and asserted statements",
            (Lang::It, Hedged) => "prudenti",
            (Lang::En, Hedged) => "hedged",
            (Lang::It, Asserted) => "assertive",
            (Lang::En, Asserted) => "asserted",
            (Lang::It, FramingWords) => "Parole che inquadrano la relazione",
            (Lang::En, FramingWords) => "Words that frame the relationship",
            (Lang::It, Asserts) => "afferma",
            (Lang::En, Asserts) => "asserts",
            (Lang::It, Denies) => "nega",
            (Lang::En, Denies) => "denies",
            (Lang::It, MarginNotes) => "Note a margine",
            (Lang::En, MarginNotes) => "Margin notes",
            (Lang::It, MarginNote) => "Le altre testate",
            (Lang::En, MarginNote) => "The other outlets",
            (Lang::It, OtherOutlets) => "Altre testate",
            (Lang::En, OtherOutlets) => "Other outlets",
            (Lang::It, Minimap) => "Mappa delle differenze",
            (Lang::En, Minimap) => "Map of differences",
            (Lang::It, MinimapHint) => "Ogni tacca è una frase: più è scura, più le testate divergono. Attivala per andare alla frase.",
            (Lang::En, MinimapHint) => "Each tick is a sentence: the darker, the more the outlets differ. Activate it to go to the sentence.",
            (Lang::It, Sentence) => "Frase",
            (Lang::En, Sentence) => "Sentence",
            (Lang::It, SameFact) => "Lo stesso fatto",
            (Lang::En, SameFact) => "The same fact",
            (Lang::It, Hedges) => "prudente",
            (Lang::En, Hedges) => "hedged",
            (Lang::It, Cites) => "cita",
            (Lang::En, Cites) => "cites",
            (Lang::It, RowsShown) => "righe mostrate",
            (Lang::En, RowsShown) => "rows shown",
            (Lang::It, WordDiff) => "Differenze parola per parola",
            (Lang::En, WordDiff) => "Word-level differences",
            (Lang::It, OfflineUnavailable) => "Qui l’uso senza connessione non è disponibile (file locale, navigazione privata o browser senza service worker): Synoptic funziona, ma serve la rete per riaprirlo.",
            (Lang::En, OfflineUnavailable) => "Offline use is not available here (local file, private browsing or no service workers): Synoptic works, but needs the network to open again.",
            (Lang::It, UpdateReady) => "È pronta una nuova versione di Synoptic.",
            (Lang::En, UpdateReady) => "A new version of Synoptic is ready.",
            (Lang::It, UpdateNow) => "Aggiorna ora",
            (Lang::En, UpdateNow) => "Update now",
            (Lang::It, NavLibrary) => "Storie",
            (Lang::En, NavLibrary) => "Stories",
            (Lang::It, LoadingStory) => "Apertura della storia…",
            (Lang::En, LoadingStory) => "Opening the story…",
            (Lang::It, ImportLibrary) => "Importa una raccolta esportata (JSON)",
            (Lang::En, ImportLibrary) => "Import an exported library (JSON)",
            (Lang::It, LibraryImported) => "Storie importate:",
            (Lang::En, LibraryImported) => "Stories imported:",
            (Lang::It, AlreadyInLibrary) => "Già nella raccolta, invariate:",
            (Lang::En, AlreadyInLibrary) => "Already in the library, unchanged:",
            (Lang::It, ExportAnnotations) => "Annotazioni (W3C)",
            (Lang::En, ExportAnnotations) => "Annotations (W3C)",
            (Lang::It, StorageFull) => "la memoria del browser per questo sito è piena. Esporta e poi elimina le storie che non ti servono qui, o libera spazio nelle impostazioni del browser",
            (Lang::En, StorageFull) => "the browser's storage for this site is full. Export, then delete the stories you do not need here, or free space in the browser's settings",
            (Lang::It, EditStory) => "Modifica",
            (Lang::En, EditStory) => "Edit",
            (Lang::It, KindLabel) => "Tipo",
            (Lang::En, KindLabel) => "Kind",
            (Lang::It, MoveTo) => "Sposta nella storia",
            (Lang::En, MoveTo) => "Move to the story",
            (Lang::It, SaveChanges) => "Salva le modifiche",
            (Lang::En, SaveChanges) => "Save the changes",
            (Lang::It, EvictionNote) => "Il browser può comunque cancellare i dati dei siti poco visitati: Safari lo fa dopo sette giorni senza visite, se Synoptic non è installato sulla schermata Home. Esporta la raccolta per tenerne una copia.",
            (Lang::En, EvictionNote) => "The browser may still clear the data of sites you rarely visit: Safari does after seven days without a visit unless Synoptic is installed on the Home Screen. Export the library to keep a copy.",
            (Lang::It, OnlyALink) => "è arrivato solo un titolo o un link, senza il testo dell’articolo. Synoptic non scarica pagine: condividi o copia il testo, oppure salva la pagina e sceglila qui come file.",
            (Lang::En, OnlyALink) => "only a title or a link arrived, without the article's text. Synoptic downloads no pages: share or copy the text, or save the page and choose it here as a file.",
            (Lang::It, OutletsCapped) => "testate mostrate: le prime della storia. Scegli qui sotto quali confrontare.",
            (Lang::En, OutletsCapped) => "outlets shown: the story's first. Choose below which to compare.",
            (Lang::It, AnalysingStory) => "Analisi della storia in corso…",
            (Lang::En, AnalysingStory) => "Analysing the story…",
            (Lang::It, AnalysedSoFar) => "Articoli già analizzati",
            (Lang::En, AnalysedSoFar) => "Articles analysed so far",
            (Lang::It, AnalysisFailed) => "L’analisi della storia non è riuscita",
            (Lang::En, AnalysisFailed) => "The story could not be analysed",
            (Lang::It, TryAgain) => "Riprova",
            (Lang::En, TryAgain) => "Try again",
            (Lang::It, WorkerUnavailable) => "Qui l’analisi in background non è disponibile: apri Synoptic da un server (o installalo) per analizzare e importare le tue storie. La storia inclusa funziona comunque.",
            (Lang::En, WorkerUnavailable) => "Background analysis is not available here: open Synoptic from a server (or install it) to analyse and import your own stories. The included story works all the same.",
            (Lang::It, StoryNotFound) => "Storia non trovata",
            (Lang::En, StoryNotFound) => "Story not found",
            (Lang::It, StoryNotFoundHint) => "Questa storia non è nella tua raccolta: forse è stata eliminata, o è stata creata in un altro browser (esportala lì e importala qui).",
            (Lang::En, StoryNotFoundHint) => "This story is not in your library: it may have been deleted, or made in another browser (export it there and import it here).",
            (Lang::It, StoryRestored) => "Ripristinata",
            (Lang::En, StoryRestored) => "Restored",
            (Lang::It, StoryDeleted) => "Eliminata",
            (Lang::En, StoryDeleted) => "Deleted",
            (Lang::It, Undo) => "Annulla",
            (Lang::En, Undo) => "Undo",
            (Lang::It, LibraryTitle) => "Le tue storie",
            (Lang::En, LibraryTitle) => "Your stories",
            (Lang::It, LibraryIntro) => "Confronta i resoconti che hai tu: incolla un articolo o scegli dei file (testo, Markdown, pagine web salvate, esportazioni di Synoptic). Restano in questo browser, anche senza connessione; niente viene inviato.",
            (Lang::En, LibraryIntro) => "Compare the reports you have: paste an article or choose files (text, Markdown, saved web pages, Synoptic exports). They stay in this browser, offline too; nothing is sent anywhere.",
            (Lang::It, StorageUnavailable) => "Questo browser non permette di conservare le storie (navigazione privata o memoria rifiutata): la storia inclusa funziona, le tue non possono essere salvate",
            (Lang::En, StorageUnavailable) => "This browser does not let Synoptic keep stories (private browsing, or storage refused): the built-in story works, yours cannot be saved",
            (Lang::It, DamagedTitle) => "Registrazioni danneggiate",
            (Lang::En, DamagedTitle) => "Damaged records",
            (Lang::It, ExportRaw) => "Esporta così com’è",
            (Lang::En, ExportRaw) => "Export as it is",
            (Lang::It, EmbeddedStoryName) => "Cina e Russia: tre resoconti (inclusa)",
            (Lang::En, EmbeddedStoryName) => "China and Russia: three reports (built in)",
            (Lang::It, BuiltIn) => "sempre disponibile, non si elimina",
            (Lang::En, BuiltIn) => "always there, cannot be deleted",
            (Lang::It, ArticlesWord) => "articoli",
            (Lang::En, ArticlesWord) => "articles",
            (Lang::It, AddArticles) => "Aggiungi articoli",
            (Lang::En, AddArticles) => "Add articles",
            (Lang::It, ExportStory) => "Esporta",
            (Lang::En, ExportStory) => "Export",
            (Lang::It, DeleteStory) => "Elimina",
            (Lang::En, DeleteStory) => "Delete",
            (Lang::It, NewStory) => "Nuova storia",
            (Lang::En, NewStory) => "New story",
            (Lang::It, ExportLibrary) => "Esporta tutte le storie (JSON)",
            (Lang::En, ExportLibrary) => "Export every story (JSON)",
            (Lang::It, SaveFailed) => "Non salvato: la raccolta è rimasta com’era",
            (Lang::En, SaveFailed) => "Not saved: the library is as it was",
            (Lang::It, StoryName) => "Nome della storia",
            (Lang::En, StoryName) => "Name of the story",
            (Lang::It, PasteHere) => "Testo dell’articolo (incollalo qui)",
            (Lang::En, PasteHere) => "The article’s text (paste it here)",
            (Lang::It, Address) => "Indirizzo (URL)",
            (Lang::En, Address) => "Address (URL)",
            (Lang::It, AddArticle) => "Aggiungi questo testo",
            (Lang::En, AddArticle) => "Add this text",
            (Lang::It, ChooseFiles) => "Oppure scegli uno o più file (.txt, .md, .html, .json)",
            (Lang::En, ChooseFiles) => "Or choose one or more files (.txt, .md, .html, .json)",
            (Lang::It, ToAdd) => "Da salvare",
            (Lang::En, ToAdd) => "To save",
            (Lang::It, NothingToAdd) => "Ancora nessun articolo: incolla un testo o scegli dei file.",
            (Lang::En, NothingToAdd) => "No article yet: paste a text or choose files.",
            (Lang::It, DateInferred) => "dedotta dal testo",
            (Lang::En, DateInferred) => "read from the text",
            (Lang::It, Remove) => "Togli",
            (Lang::En, Remove) => "Remove",
            (Lang::It, SaveStory) => "Salva la storia",
            (Lang::En, SaveStory) => "Save the story",
            (Lang::It, Cancel) => "Chiudi",
            (Lang::En, Cancel) => "Close",
            (Lang::It, StoryIntro) => "resoconti messi a confronto. Apri un articolo per leggerlo senza il contorno della pagina.",
            (Lang::En, StoryIntro) => "reports compared. Open an article to read it without the page chrome.",
            (Lang::It, OnlyThisOutlet) => "Solo questa testata lo riporta.",
            (Lang::En, OnlyThisOutlet) => "Only this outlet reports it.",
        }
    }
}

/// Italian names of qualifiers.
fn qualifier_it(q: &Option<synoptic_core::figures::Qualifier>) -> &'static str {
    use synoptic_core::figures::Qualifier::*;
    match q {
        None => "nessuno",
        Some(Over) => "oltre",
        Some(AtLeast) => "almeno",
        Some(Under) => "meno di",
        Some(AtMost) => "al massimo",
        Some(About) => "circa",
        Some(Almost) => "quasi",
        Some(Emphatic) => "enfatico",
        Some(Range) => "intervallo",
    }
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("«{w}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Lang {
    /// An explanation of a verdict, part by part, in this language.
    pub fn explain(self, parts: &[synoptic_core::compare::explain::Part]) -> String {
        use synoptic_core::compare::explain::Part::*;
        if self == Lang::En {
            return synoptic_core::compare::explain::english(parts);
        }
        let it = |p: &synoptic_core::compare::explain::Part| -> String {
            match p {
                Identity { score, evidence } => {
                    use synoptic_core::compare::explain::Evidence as E;
                    let shown: Vec<String> = evidence
                        .iter()
                        .map(|e| match e {
                            E::Subject { words } => format!("stesso soggetto: {}", words.join(", ")),
                            E::Context { words } => format!("contesto comune: {}", words.join(", ")),
                            E::Entities { names } => format!("stesse entità: {}", names.join(", ")),
                            E::Period => "stesso periodo".into(),
                            E::Value => "stesso valore e unità".into(),
                            E::Event { event } => format!("stesso evento: {event}"),
                        })
                        .collect();
                    if shown.is_empty() {
                        format!("identità {score}%")
                    } else {
                        format!("identità {score}% ({})", shown.join(", "))
                    }
                }
                TimesDiffer {
                    a,
                    b,
                    name_a,
                    name_b,
                } => format!("orari diversi: {a} ({name_a}) contro {b} ({name_b})"),
                ZoneShift {
                    a,
                    b,
                    name_a,
                    name_b,
                } => format!("lo stesso orario in fusi diversi: {a} ({name_a}), {b} ({name_b})"),
                YearInferred {
                    a,
                    b,
                    name_a,
                    name_b,
                } => format!("lo stesso giorno dell’anno, l’anno dedotto: {a} ({name_a}), {b} ({name_b})"),
                Updated {
                    earlier,
                    later,
                    name_earlier,
                    name_later,
                } => format!("aggiornato: {earlier} ({name_earlier}), poi {later} ({name_later}), riportato dopo"),
                SameValue { a, b } => format!("stesso valore ({a} / {b})"),
                Units { a, b } => format!("confrontate convertendo {b} in {a}"),
                SameQualifier => "stesso qualificatore".into(),
                SamePeriod { period } => format!("stesso periodo ({period})"),
                Precision {
                    a,
                    b,
                    name_a,
                    name_b,
                    more_precise,
                } => {
                    format!("precisione: {a} ({name_a}) contro {b} ({name_b}); {more_precise} è più preciso")
                }
                Value {
                    a,
                    b,
                    name_a,
                    name_b,
                } => format!("valore: {a} ({name_a}) contro {b} ({name_b})"),
                Qualifier {
                    a,
                    b,
                    name_a,
                    name_b,
                } => format!(
                    "qualificatore: {} ({name_a}) contro {} ({name_b})",
                    qualifier_it(a),
                    qualifier_it(b)
                ),
                Period {
                    a,
                    b,
                    name_a,
                    name_b,
                } => match (a, b) {
                    (Some(x), Some(y)) => format!("periodo: {x} ({name_a}) contro {y} ({name_b})"),
                    (Some(x), None) => format!("periodo: {x} ({name_a}), non indicato ({name_b})"),
                    (None, Some(y)) => format!("periodo: non indicato ({name_a}), {y} ({name_b})"),
                    (None, None) => "periodo non indicato".into(),
                },
                Source {
                    a,
                    b,
                    name_a,
                    name_b,
                } => match (a, b) {
                    (Some(x), Some(y)) => {
                        format!("fonte citata: {x} ({name_a}) contro {y} ({name_b})")
                    }
                    (Some(x), None) => format!("fonte citata: {x} ({name_a}), nessuna ({name_b})"),
                    (None, Some(y)) => format!("fonte citata: nessuna ({name_a}), {y} ({name_b})"),
                    (None, None) => "nessuna fonte citata".into(),
                },
                Disjoint {
                    a,
                    b,
                    name_a,
                    name_b,
                } => {
                    format!("i valori non possono essere entrambi veri: {a} ({name_a}) contro {b} ({name_b})")
                }
                Incomparable => "valori non confrontabili".into(),
                SameDay {
                    day,
                    a,
                    b,
                    name_a,
                    name_b,
                } => {
                    format!("stesso giorno: {day} ({name_a}: {a}; {name_b}: {b})")
                }
                OverlappingDates {
                    a,
                    b,
                    name_a,
                    name_b,
                } => {
                    format!("date sovrapposte: {a} ({name_a}) e {b} ({name_b}); una è più precisa")
                }
                DatedDifferently {
                    a,
                    b,
                    name_a,
                    name_b,
                } => {
                    format!(
                        "lo stesso evento ha date diverse: {a} ({name_a}) contro {b} ({name_b})"
                    )
                }
                Unresolved => "una delle date non si risolve senza la data dell’articolo".into(),
                OnlyHere { outlet } => format!("solo {outlet} lo riporta"),
                Negates { who, term, other } => format!("{who} nega «{term}», che {other} afferma"),
                NearIdentical => "formulazione quasi identica".into(),
                SameFact { topic } => format!("lo stesso fatto con parole diverse ({topic})"),
                Hedges { outlet, hedge } => format!("{outlet} è prudente ({hedge})"),
                Cites { outlet, source } => format!("{outlet} cita {source}"),
                Silent { outlets } => format!("in silenzio: {}", outlets.join(", ")),
                FramingOpposed {
                    frame,
                    asserting,
                    assert_words,
                    denying,
                    deny_words,
                } => format!(
                    "«{frame}» inquadrato in modi opposti: {} lo affermano ({}), {} lo negano ({})",
                    asserting.join(", "),
                    quoted(assert_words),
                    denying.join(", "),
                    quoted(deny_words)
                ),
                FramingAligned { frame, outlets } => {
                    format!(
                        "«{frame}» inquadrato allo stesso modo da {}",
                        outlets.join(", ")
                    )
                }
            }
        };
        parts.iter().map(it).collect::<Vec<_>>().join("; ")
    }

    /// A verdict's label.
    /// `n` figures, counted in words (`1 cifra`, `12 figures`).
    pub fn figures_word(self, n: usize) -> String {
        let word = match (self, n) {
            (Lang::It, 1) => "cifra",
            (Lang::It, _) => "cifre",
            (Lang::En, 1) => "figure",
            (Lang::En, _) => "figures",
        };
        format!("{} {word}", crate::format::count(n, self))
    }

    /// `figures` figures found in `articles` articles so far.
    pub fn figures_in_articles(self, figures: usize, articles: usize) -> String {
        let (n, a) = (
            self.figures_word(figures),
            crate::format::count(articles, self),
        );
        match (self, articles) {
            (Lang::It, 1) => format!("{n} in 1 articolo finora"),
            (Lang::It, _) => format!("{n} in {a} articoli finora"),
            (Lang::En, 1) => format!("{n} in 1 article so far"),
            (Lang::En, _) => format!("{n} in {a} articles so far"),
        }
    }

    pub fn verdict(self, v: synoptic_core::compare::Verdict) -> &'static str {
        use synoptic_core::compare::Verdict::*;
        self.t(match v {
            Same => Text::VerdictSame,
            Compatible => Text::VerdictCompatible,
            Conflict => Text::VerdictConflict,
            OnlyHere => Text::VerdictOnlyHere,
        })
    }

    /// What a kind of page chrome is called.
    pub fn chrome_kind(self, kind: synoptic_core::ChromeKind) -> &'static str {
        use synoptic_core::ChromeKind::*;
        let (it, en) = match kind {
            Navigation => ("navigazione", "navigation"),
            Share => ("condivisione", "share button"),
            TitleRepeat => ("titolo ripetuto", "repeated title"),
            SectionLabel => ("etichetta", "label"),
            Metadata => ("metadati", "metadata"),
            Byline => ("firma", "byline"),
            AuthorBio => ("biografia dell’autore", "author bio"),
            SiteInfo => ("descrizione del sito", "about the site"),
            Contact => ("contatti", "contacts"),
            Legal => ("note legali", "legal notice"),
            Disclaimer => ("avvertenza", "disclaimer"),
            Taxonomy => ("categorie e tag", "categories and tags"),
            Link => ("collegamento", "link"),
            Noise => ("rumore", "noise"),
            Related => ("altri articoli", "related articles"),
        };
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("it-IT"), Some(Lang::It));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
    }

    #[test]
    fn figures_counted_in_words() {
        assert_eq!(Lang::It.figures_word(1), "1 cifra");
        assert_eq!(Lang::It.figures_word(1200), "1.200 cifre");
        assert_eq!(Lang::En.figures_word(0), "0 figures");
        assert_eq!(
            Lang::It.figures_in_articles(7, 1),
            "7 cifre in 1 articolo finora"
        );
        assert_eq!(
            Lang::En.figures_in_articles(1, 3),
            "1 figure in 3 articles so far"
        );
    }

    #[test]
    fn months() {
        assert_eq!(Lang::It.month(2), "febbraio");
        assert_eq!(Lang::En.month(12), "December");
        assert_eq!(Lang::En.month(0), "January");
    }
}
