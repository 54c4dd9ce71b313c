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
        const IT: [&str; 12] = [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
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
        }
    }
}

impl Lang {
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
    fn months() {
        assert_eq!(Lang::It.month(2), "febbraio");
        assert_eq!(Lang::En.month(12), "December");
        assert_eq!(Lang::En.month(0), "January");
    }
}
