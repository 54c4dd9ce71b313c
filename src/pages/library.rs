//! The library: the embedded story (always there, never deleted) and the
//! reader's own stories, kept in the browser's database; a new story from
//! pasted text or chosen files; export; delete with undo.
//!
//! Nothing a reader adds is rendered as markup: texts are shown as text, and
//! only text is read from files.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_lang::use_lang;
use crate::hooks::use_library::{use_library, Library};
use crate::i18n::{Lang, Text};
use crate::library::{self, Given, StoredArticle, StoredStory};
use crate::services::download;
use crate::services::files::Shared;
use crate::services::worker;

/// A message shown after an action.
#[derive(Clone, PartialEq)]
enum Notice {
    /// Something went well.
    Done(String),
    /// Something was refused.
    Refused(String),
    /// A story was deleted: it can come back.
    Deleted(Rc<StoredStory>),
}

/// The library page.
#[component]
pub fn LibraryPage() -> Html {
    let lang = use_lang();
    let Some(library) = use_library() else {
        return html! {};
    };
    let shelf = library.shelf();
    let notice = use_state(|| None::<Notice>);
    let editing = use_state(|| None::<Option<String>>);
    let changing = use_state(|| None::<String>);
    // What another app shared (the share target): a new story's draft.
    let shared = use_state(|| None::<Rc<Vec<Shared>>>);
    {
        let (shared, editing) = (shared.clone(), editing.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let items = crate::services::files::take_shared().await;
                if !items.is_empty() {
                    shared.set(Some(Rc::new(items)));
                    editing.set(Some(None));
                }
            });
        });
    }

    let on_delete = {
        let (library, notice) = (library.clone(), notice.clone());
        let lang = lang.lang();
        Callback::from(move |story: StoredStory| {
            let notice = notice.clone();
            let kept = Rc::new(story.clone());
            library.delete(
                story.id.clone(),
                Callback::from(move |r: Result<(), String>| match r {
                    Ok(()) => notice.set(Some(Notice::Deleted(kept.clone()))),
                    Err(why) => notice.set(Some(Notice::Refused(refused(lang, &why)))),
                }),
            );
        })
    };
    let on_undo = {
        let (library, notice) = (library.clone(), notice.clone());
        let lang = lang.lang();
        Callback::from(move |story: Rc<StoredStory>| {
            let notice = notice.clone();
            let name = story.name.clone();
            library.save(
                (*story).clone(),
                Callback::from(move |r: Result<(), String>| match r {
                    Ok(()) => notice.set(Some(Notice::Done(format!(
                        "{} «{name}»",
                        lang.t(Text::StoryRestored)
                    )))),
                    Err(why) => notice.set(Some(Notice::Refused(refused(lang, &why)))),
                }),
            );
        })
    };
    let export_all = {
        let shelf = shelf.clone();
        Callback::from(move |_: MouseEvent| {
            download::save(
                "synoptic-library.json",
                "application/json",
                &library::export(&shelf.stories),
            )
        })
    };

    let on_import = {
        let (library, notice, shelf) = (library.clone(), notice.clone(), shelf.clone());
        let ui = lang.lang();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = crate::services::files::chosen(&input);
            input.set_value("");
            let (library, notice, shelf) = (library.clone(), notice.clone(), shelf.clone());
            crate::services::files::read_all(files, move |name, result| {
                let italian = ui == Lang::It;
                let text = match result.and_then(|b| {
                    String::from_utf8(b).map_err(|_| {
                        if italian {
                            "il file non è testo UTF-8".to_string()
                        } else {
                            "the file is not UTF-8 text".to_string()
                        }
                    })
                }) {
                    Ok(t) => t,
                    Err(why) => return notice.set(Some(Notice::Refused(format!("{name}: {why}")))),
                };
                let restore = match library::read_export(&text, &shelf.stories) {
                    Ok(r) => r,
                    Err(e) => {
                        return notice.set(Some(Notice::Refused(format!(
                            "{name}: {}",
                            e.message(italian)
                        ))))
                    }
                };
                let names: Vec<String> = restore
                    .add
                    .iter()
                    .map(|s| format!("«{}»", s.name))
                    .collect();
                let present: Vec<String> =
                    restore.present.iter().map(|n| format!("«{n}»")).collect();
                let mut said = Vec::new();
                if !names.is_empty() {
                    said.push(format!(
                        "{} {}",
                        ui.t(Text::LibraryImported),
                        names.join(", ")
                    ));
                }
                if !present.is_empty() {
                    said.push(format!(
                        "{} {}",
                        ui.t(Text::AlreadyInLibrary),
                        present.join(", ")
                    ));
                }
                let said = said.join(". ");
                if restore.add.is_empty() {
                    return notice.set(Some(Notice::Done(said)));
                }
                let notice = notice.clone();
                library.save_all(
                    restore.add,
                    Callback::from(move |r: Result<(), String>| match r {
                        Ok(()) => notice.set(Some(Notice::Done(said.clone()))),
                        Err(why) => notice.set(Some(Notice::Refused(refused(ui, &why)))),
                    }),
                );
            });
        })
    };

    let notice_html = match &*notice {
        None => html! {},
        Some(Notice::Done(text)) => html! { <p class="notice ok" role="status">{ text }</p> },
        Some(Notice::Refused(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
        Some(Notice::Deleted(story)) => {
            let story = story.clone();
            let on_undo = on_undo.clone();
            let name = story.name.clone();
            html! {
                <p class="notice" role="status">
                    { format!("{} «{name}». ", lang.t(Text::StoryDeleted)) }
                    <button type="button" class="button" id="undo-delete"
                        onclick={Callback::from(move |_| on_undo.emit(story.clone()))}>
                        { lang.t(Text::Undo) }
                    </button>
                </p>
            }
        }
    };

    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title" tabindex="-1">{ lang.t(Text::LibraryTitle) }</h1>
            <p class="lede">{ lang.t(Text::LibraryIntro) }</p>
            <p class="muted" id="eviction-note">{ lang.t(Text::EvictionNote) }</p>
            { notice_html }
            if let Some(why) = &shelf.unavailable {
                <p class="notice error" role="alert" id="storage-unavailable">
                    { format!("{} ({why})", lang.t(Text::StorageUnavailable)) }
                </p>
            }
            if !shelf.damaged.is_empty() {
                <section class="damaged" aria-labelledby="damaged-title">
                    <h2 id="damaged-title">{ lang.t(Text::DamagedTitle) }</h2>
                    <ul>
                        { for shelf.damaged.iter().map(|d| {
                            let raw = d.raw.clone();
                            let name = format!("synoptic-damaged-{}.json", d.key);
                            let save = Callback::from(move |_: MouseEvent| {
                                download::save(&name, "application/json", &raw)
                            });
                            html! {
                                <li><code>{ &d.key }</code>{ format!(": {} ", d.why) }
                                    <button type="button" class="button" onclick={save}>{ lang.t(Text::ExportRaw) }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <ul class="stories" role="list">
                <li class="story-item" data-story={library::EMBEDDED}>
                    <Link<Route> to={Route::Overview}>{ lang.t(Text::EmbeddedStoryName) }</Link<Route>>
                    <span class="muted">{ format!(" · {}", lang.t(Text::BuiltIn)) }</span>
                </li>
                { for shelf.stories.iter().map(|s| {
                    let story = s.clone();
                    let on_delete = on_delete.clone();
                    let del = Callback::from(move |_: MouseEvent| on_delete.emit(story.clone()));
                    let one = s.clone();
                    let export = Callback::from(move |_: MouseEvent| {
                        download::save(
                            &format!("synoptic-{}.json", one.id),
                            "application/json",
                            &library::export(std::slice::from_ref(&one)),
                        )
                    });
                    let add = {
                        let (editing, id) = (editing.clone(), s.id.clone());
                        Callback::from(move |_: MouseEvent| editing.set(Some(Some(id.clone()))))
                    };
                    let change = {
                        let (changing, id) = (changing.clone(), s.id.clone());
                        Callback::from(move |_: MouseEvent| changing.set(Some(id.clone())))
                    };
                    html! {
                        <li class="story-item" data-story={s.id.clone()} key={s.id.clone()}>
                            <Link<Route> to={Route::StoryOverview { story: s.id.clone() }}>{ &s.name }</Link<Route>>
                            <span class="muted">{ format!(" · {} {}", s.articles.len(), lang.t(Text::ArticlesWord)) }</span>
                            <span class="story-actions">
                                <button type="button" class="button" onclick={add}
                                    aria-label={format!("{} — {}", lang.t(Text::AddArticles), s.name)}>{ lang.t(Text::AddArticles) }</button>
                                <button type="button" class="button edit-story" onclick={change}
                                    aria-label={format!("{} — {}", lang.t(Text::EditStory), s.name)}>{ lang.t(Text::EditStory) }</button>
                                <button type="button" class="button" onclick={export}
                                    aria-label={format!("{} — {}", lang.t(Text::ExportStory), s.name)}>{ lang.t(Text::ExportStory) }</button>
                                <button type="button" class="button danger" onclick={del}
                                    aria-label={format!("{} — {}", lang.t(Text::DeleteStory), s.name)}>{ lang.t(Text::DeleteStory) }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <p class="library-actions">
                <button type="button" class="button" id="new-story"
                    onclick={ let editing = editing.clone(); Callback::from(move |_| editing.set(Some(None))) }>
                    { lang.t(Text::NewStory) }
                </button>
                if !shelf.stories.is_empty() {
                    <button type="button" class="button" id="export-library" onclick={export_all}>{ lang.t(Text::ExportLibrary) }</button>
                }
            </p>
            <p class="field">
                <label for="import-library">{ lang.t(Text::ImportLibrary) }</label>
                <input id="import-library" type="file" accept=".json,application/json" onchange={on_import} />
            </p>
            if let Some(story) = (*changing).clone().and_then(|id| library.story(&id)) {
                <StoryEditor key={story.id.clone()} story={story.clone()} library={library.clone()}
                    on_close={ let changing = changing.clone(); Callback::from(move |_| changing.set(None)) } />
            }
            if let Some(target) = (*editing).clone() {
                <Editor key={target.clone().unwrap_or_default()} story={target.clone().and_then(|id| library.story(&id))}
                    shared={if target.is_none() { (*shared).clone() } else { None }}
                    library={library.clone()}
                    on_close={ let editing = editing.clone(); Callback::from(move |_| editing.set(None)) } />
            }
        </section>
    }
}

/// The database's refusal, in the reader's words.
fn refused(lang: Lang, why: &str) -> String {
    if why.starts_with(crate::services::db::FULL) {
        return format!(
            "{}: {}",
            lang.t(Text::SaveFailed),
            lang.t(Text::StorageFull)
        );
    }
    format!("{} ({why})", lang.t(Text::SaveFailed))
}

/// Props of [`StoryEditor`].
#[derive(Properties, PartialEq)]
struct StoryEditorProps {
    story: StoredStory,
    library: Library,
    on_close: Callback<()>,
}

/// The kinds an article can be, as stored and in the interface's words.
const KINDS: [(&str, Text); 5] = [
    ("newspaper", Text::KindNewspaper),
    ("agency", Text::KindAgency),
    ("blog", Text::KindBlog),
    ("press-release", Text::KindPressRelease),
    ("other", Text::KindOther),
];

/// A story's name and its articles' metadata, edited; an article moved to
/// another story.
#[component]
fn StoryEditor(props: &StoryEditorProps) -> Html {
    let lang = use_lang();
    let ui = lang.lang();
    let italian = ui == Lang::It;
    let name = use_state(|| props.story.name.clone());
    let fields = use_state(|| {
        props
            .story
            .articles
            .iter()
            .map(|a| {
                let m = &a.meta;
                let text = |v: &Option<String>| v.clone().unwrap_or_default();
                (
                    Given {
                        outlet: text(&m.outlet),
                        date: text(&m.date),
                        url: text(&m.url),
                        author: text(&m.author),
                    },
                    m.kind.as_str().to_string(),
                )
            })
            .collect::<Vec<_>>()
    });
    let said = use_state(|| None::<(bool, String)>);
    let done = {
        let (said, on_close) = (said.clone(), props.on_close.clone());
        Callback::from(move |r: Result<(), String>| match r {
            Ok(()) => on_close.emit(()),
            Err(why) => said.set(Some((false, refused(ui, &why)))),
        })
    };
    let on_save = {
        let (story, library, name, fields, said, done) = (
            props.story.clone(),
            props.library.clone(),
            name.clone(),
            fields.clone(),
            said.clone(),
            done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = story.clone();
            let typed = name.trim();
            if !typed.is_empty() {
                next.name = typed.to_string();
            }
            for (i, (given, kind)) in fields.iter().enumerate() {
                match library::edit_article(&next, i, given, kind) {
                    Ok(s) => next = s,
                    Err(err) => {
                        let which = next
                            .articles
                            .get(i)
                            .map(|a| a.name.clone())
                            .unwrap_or_default();
                        return said
                            .set(Some((false, format!("{which}: {}", err.message(italian)))));
                    }
                }
            }
            library.save(next, done.clone());
        })
    };
    let others: Vec<StoredStory> = props
        .library
        .shelf()
        .stories
        .iter()
        .filter(|s| s.id != props.story.id)
        .cloned()
        .collect();
    let set = |i: usize, f: fn(&mut (Given, String), String)| {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut all = (*fields).clone();
            if let Some(slot) = all.get_mut(i) {
                f(slot, v);
            }
            fields.set(all);
        })
    };
    html! {
        <form class="editor story-editor" aria-labelledby="story-editor-title" onsubmit={on_save}>
            <h2 id="story-editor-title">{ format!("{} — {}", lang.t(Text::EditStory), props.story.name) }</h2>
            <p class="field">
                <label for="edit-name">{ lang.t(Text::StoryName) }</label>
                <input id="edit-name" type="text" value={(*name).clone()} oninput={
                    let name = name.clone();
                    Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
                } />
            </p>
            { for props.story.articles.iter().enumerate().map(|(i, a)| {
                let (given, kind) = fields.get(i).cloned().unwrap_or_default();
                let id = |f: &str| format!("edit-{f}-{i}");
                let move_to = {
                    let (story, library, done, said) = (props.story.clone(), props.library.clone(), done.clone(), said.clone());
                    let others = others.clone();
                    Callback::from(move |e: Event| {
                        let target = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        let Some(to) = others.iter().find(|s| s.id == target) else { return };
                        match library::move_article(&story, i, to) {
                            Ok((from, to)) => library.save_all(vec![from, to], done.clone()),
                            Err(err) => said.set(Some((false, err.message(italian)))),
                        }
                    })
                };
                html! {
                    <fieldset class="edit-article">
                        <legend>{ format!("{} · {}", a.name, a.text.chars().take(60).collect::<String>()) }</legend>
                        <div class="fields">
                            <p class="field"><label for={id("outlet")}>{ lang.t(Text::Outlet) }</label>
                                <input id={id("outlet")} type="text" value={given.outlet.clone()} oninput={set(i, |g, v| g.0.outlet = v)} /></p>
                            <p class="field"><label for={id("date")}>{ lang.t(Text::Date) }
                                if a.inferred.iter().any(|f| f == "date") {
                                    <span class="muted">{ format!(" ({})", lang.t(Text::DateInferred)) }</span>
                                }</label>
                                <input id={id("date")} type="date" value={given.date.clone()} oninput={set(i, |g, v| g.0.date = v)} /></p>
                            <p class="field"><label for={id("url")}>{ lang.t(Text::Address) }</label>
                                <input id={id("url")} type="url" value={given.url.clone()} oninput={set(i, |g, v| g.0.url = v)} /></p>
                            <p class="field"><label for={id("author")}>{ lang.t(Text::Author) }</label>
                                <input id={id("author")} type="text" value={given.author.clone()} oninput={set(i, |g, v| g.0.author = v)} /></p>
                            <p class="field"><label for={id("kind")}>{ lang.t(Text::KindLabel) }</label>
                                <select id={id("kind")} onchange={
                                    let fields = fields.clone();
                                    Callback::from(move |e: Event| {
                                        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                                        let mut all = (*fields).clone();
                                        if let Some(slot) = all.get_mut(i) {
                                            slot.1 = v;
                                        }
                                        fields.set(all);
                                    })
                                }>
                                    { for KINDS.iter().map(|(code, text)| html! {
                                        <option value={*code} selected={kind == *code}>{ lang.t(*text) }</option>
                                    }) }
                                </select></p>
                            if !others.is_empty() {
                                <p class="field"><label for={id("move")}>{ lang.t(Text::MoveTo) }</label>
                                    <select id={id("move")} onchange={move_to}>
                                        <option value="" selected=true>{ "—" }</option>
                                        { for others.iter().map(|o| html! { <option value={o.id.clone()}>{ &o.name }</option> }) }
                                    </select></p>
                            }
                        </div>
                    </fieldset>
                }
            }) }
            if let Some((ok, text)) = &*said {
                <p class={if *ok { "notice ok" } else { "notice error" }} role="alert">{ text }</p>
            }
            <p class="editor-actions">
                <button type="submit" class="button primary" id="save-edits">{ lang.t(Text::SaveChanges) }</button>
                <button type="button" class="button" onclick={ let c = props.on_close.clone(); Callback::from(move |_| c.emit(())) }>
                    { lang.t(Text::Cancel) }
                </button>
            </p>
        </form>
    }
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
struct EditorProps {
    /// The story articles are added to (`None`: a new story).
    story: Option<StoredStory>,
    /// What another app shared, to check into the draft first.
    #[prop_or_default]
    shared: Option<Rc<Vec<Shared>>>,
    library: Library,
    on_close: Callback<()>,
}

/// A new story, or articles added to one: texts pasted or files chosen,
/// each checked as it comes, listed until saved.
#[component]
fn Editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let name = use_state(|| {
        props
            .story
            .as_ref()
            .map(|s| s.name.clone())
            .unwrap_or_default()
    });
    let given = use_state(Given::default);
    let text = use_state(String::new);
    let existing: Rc<Vec<StoredArticle>> = Rc::new(
        props
            .story
            .as_ref()
            .map(|s| s.articles.clone())
            .unwrap_or_default(),
    );
    let draft = {
        let existing = existing.clone();
        use_reducer(move || Draft {
            existing,
            ..Draft::default()
        })
    };
    let saving = use_state(|| false);
    let ui = lang.lang();
    let italian = ui == Lang::It;
    {
        // What was shared goes through the worker like a paste or a file.
        let (draft, name) = (draft.clone(), name.clone());
        let shared = props.shared.clone();
        use_effect_with((), move |_| {
            let Some(items) = shared else { return };
            if name.is_empty() {
                if let Some(title) = items.iter().map(|i| i.title.trim()).find(|t| !t.is_empty()) {
                    name.set(title.to_string());
                }
            }
            for (k, item) in items.iter().enumerate() {
                if item.file {
                    check(
                        &draft,
                        item.name.clone(),
                        Check::File {
                            bytes: item.bytes.clone(),
                        },
                        ui,
                    );
                    continue;
                }
                let label = format!(
                    "{} {}",
                    if italian {
                        "testo condiviso"
                    } else {
                        "shared text"
                    },
                    k + 1
                );
                let body = String::from_utf8_lossy(&item.bytes).into_owned();
                let title = item.title.trim();
                // A title the text does not begin with is its headline.
                let text = if title.is_empty() || body.trim_start().starts_with(title) {
                    body
                } else {
                    format!("{title}\n\n{body}")
                };
                if text.trim() == title || text.trim().is_empty() {
                    draft.dispatch(Action::Say(
                        false,
                        format!("{label}: {}", ui.t(Text::OnlyALink)),
                    ));
                    continue;
                }
                let given = Given {
                    url: item.url.clone(),
                    ..Given::default()
                };
                check(&draft, label, Check::Text { text, given }, ui);
            }
        });
    }

    let on_paste_add = {
        let (text, given, draft) = (text.clone(), given.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = format!(
                "{} {}",
                if italian {
                    "testo incollato"
                } else {
                    "pasted text"
                },
                draft.existing.len() + draft.pending.len() + draft.busy + 1
            );
            let what = Check::Text {
                text: (*text).clone(),
                given: (*given).clone(),
            };
            check(&draft, label, what, ui);
            text.set(String::new());
            given.set(Given::default());
        })
    };

    let on_files = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = crate::services::files::chosen(&input);
            input.set_value("");
            let draft = draft.clone();
            crate::services::files::read_all(files, move |name, result| match result {
                Ok(bytes) => check(&draft, name, Check::File { bytes }, ui),
                Err(why) => draft.dispatch(Action::Say(false, format!("{name}: {why}"))),
            });
        })
    };

    let on_save = {
        let (draft, name, saving) = (draft.clone(), name.clone(), saving.clone());
        let (library, story, on_close) = (
            props.library.clone(),
            props.story.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if draft.pending.is_empty() {
                return;
            }
            let record = match &story {
                Some(s) => {
                    let mut s = s.clone();
                    s.articles.extend(draft.pending.iter().cloned());
                    s
                }
                None => {
                    let shelf = library.shelf();
                    let typed = name.trim();
                    let title = if typed.is_empty() {
                        if italian {
                            "Nuova storia"
                        } else {
                            "New story"
                        }
                    } else {
                        typed
                    };
                    StoredStory {
                        schema: library::SCHEMA,
                        id: library::new_id(title, shelf.stories.iter().map(|s| s.id.as_str())),
                        name: title.to_string(),
                        articles: draft.pending.clone(),
                    }
                }
            };
            saving.set(true);
            let id = record.id.clone();
            let (draft, saving, on_close) = (draft.clone(), saving.clone(), on_close.clone());
            let navigator = navigator.clone();
            library.save(
                record,
                Callback::from(move |r: Result<(), String>| {
                    saving.set(false);
                    match r {
                        Ok(()) => {
                            draft.dispatch(Action::Clear);
                            on_close.emit(());
                            if let Some(nav) = &navigator {
                                nav.push(&Route::StoryOverview { story: id.clone() });
                            }
                        }
                        Err(why) => draft.dispatch(Action::Say(false, refused(ui, &why))),
                    }
                }),
            );
        })
    };

    let field = |id: &'static str,
                 label: Text,
                 kind: &'static str,
                 value: String,
                 set: fn(&mut Given, String)| {
        let given = given.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut g = (*given).clone();
            set(&mut g, v);
            given.set(g);
        });
        html! {
            <p class="field">
                <label for={id}>{ lang.t(label) }</label>
                <input {id} type={kind} value={value} {oninput} />
            </p>
        }
    };

    html! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{
                match &props.story {
                    Some(s) => format!("{} — {}", lang.t(Text::AddArticles), s.name),
                    None => lang.t(Text::NewStory).to_string(),
                }
            }</h2>
            if props.story.is_none() {
                <p class="field">
                    <label for="story-name">{ lang.t(Text::StoryName) }</label>
                    <input id="story-name" type="text" value={(*name).clone()} oninput={
                        let name = name.clone();
                        Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
                    } />
                </p>
            }
            <form class="paste" onsubmit={on_paste_add}>
                <p class="field">
                    <label for="paste-text">{ lang.t(Text::PasteHere) }</label>
                    <textarea id="paste-text" rows="8" value={(*text).clone()} oninput={
                        let text = text.clone();
                        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
                    } />
                </p>
                <div class="fields">
                    { field("paste-outlet", Text::Outlet, "text", given.outlet.clone(), |g, v| g.outlet = v) }
                    { field("paste-date", Text::Date, "date", given.date.clone(), |g, v| g.date = v) }
                    { field("paste-url", Text::Address, "url", given.url.clone(), |g, v| g.url = v) }
                    { field("paste-author", Text::Author, "text", given.author.clone(), |g, v| g.author = v) }
                </div>
                <p><button type="submit" class="button" id="add-pasted">{ lang.t(Text::AddArticle) }</button></p>
            </form>
            <p class="field">
                <label for="choose-files">{ lang.t(Text::ChooseFiles) }</label>
                <input id="choose-files" type="file" multiple=true accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json" onchange={on_files} />
            </p>
            <ul class="messages" aria-live="polite">
                { for draft.messages.iter().map(|(ok, m)| html! {
                    <li class={if *ok { "ok" } else { "error" }} role={if *ok { "status" } else { "alert" }}>{ m }</li>
                }) }
            </ul>
            <h3>{ lang.t(Text::ToAdd) }</h3>
            if draft.pending.is_empty() {
                <p class="muted" id="nothing-pending">{ lang.t(Text::NothingToAdd) }</p>
            } else {
                <ol class="pending" id="pending">
                    { for draft.pending.iter().enumerate().map(|(i, a)| {
                        let remove = {
                            let draft = draft.clone();
                            Callback::from(move |_: MouseEvent| draft.dispatch(Action::Remove(i)))
                        };
                        let start: String = a.text.chars().take(90).collect();
                        html! {
                            <li>
                                <strong>{ a.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string()) }</strong>
                                { format!(" · {}", a.meta.date.clone().unwrap_or_else(|| lang.t(Text::DateUnknown).to_string())) }
                                if a.inferred.iter().any(|f| f == "date") {
                                    <span class="muted">{ format!(" ({})", lang.t(Text::DateInferred)) }</span>
                                }
                                <span class="muted">{ format!(" · {} — ", a.name) }</span>
                                <span lang="it">{ format!("{start}…") }</span>
                                <button type="button" class="button" onclick={remove}>{ lang.t(Text::Remove) }</button>
                            </li>
                        }
                    }) }
                </ol>
            }
            <p class="editor-actions">
                <button type="button" class="button primary" id="save-story" disabled={draft.pending.is_empty() || *saving} onclick={on_save}>
                    { lang.t(Text::SaveStory) }
                </button>
                <button type="button" class="button" onclick={ let c = props.on_close.clone(); Callback::from(move |_| c.emit(())) }>
                    { lang.t(Text::Cancel) }
                </button>
            </p>
        </section>
    }
}

/// A text or a file for the worker to check into the draft.
enum Check {
    /// A pasted or shared text, with what the reader said of it.
    Text { text: String, given: Given },
    /// A chosen or shared file's bytes.
    File { bytes: Vec<u8> },
}

/// Sends `what` (named `label`) to the worker, checked against the draft as
/// it is now; the answer, when it comes, changes the draft.
fn check(draft: &UseReducerHandle<Draft>, label: String, what: Check, ui: Lang) {
    let record = draft.record();
    let draft = draft.clone();
    draft.dispatch(Action::Begin);
    wasm_bindgen_futures::spawn_local(async move {
        let request = match &what {
            Check::Text { text, given } => worker::Request::Text {
                name: &label,
                text,
                given,
                record: &record,
            },
            Check::File { bytes } => worker::Request::File {
                name: &label,
                bytes,
                record: &record,
            },
        };
        let answer = worker::ask(request, Callback::noop()).await;
        draft.dispatch(Action::answer(&label, answer, ui));
    });
}

/// The articles checked and waiting to be saved, and what was said of each
/// text tried.
#[derive(Default, PartialEq)]
struct Draft {
    /// The story's articles already stored (a new text must differ).
    existing: Rc<Vec<StoredArticle>>,
    pending: Vec<StoredArticle>,
    messages: Vec<(bool, String)>,
    /// Texts and files with the worker, not answered yet.
    busy: usize,
}

impl Draft {
    /// The articles stored and pending, as a record for the worker to check
    /// new texts against.
    fn record(&self) -> String {
        let mut articles: Vec<StoredArticle> = (*self.existing).clone();
        articles.extend(self.pending.iter().cloned());
        library::write_record(&StoredStory {
            schema: library::SCHEMA,
            id: "draft".into(),
            name: String::new(),
            articles,
        })
    }
}

/// What was said of texts (true: good news), in order.
type Messages = Vec<(bool, String)>;

/// A change of the [`Draft`].
enum Action {
    /// A text or file went to the worker.
    Begin,
    /// The worker's answer: the articles it accepted, what it said.
    Accept {
        articles: Vec<StoredArticle>,
        messages: Vec<(bool, String)>,
        italian: bool,
    },
    /// Take the pending article at this index out.
    Remove(usize),
    /// Saved: nothing pending, nothing to say.
    Clear,
    /// A message (true: good news).
    Say(bool, String),
}

impl Action {
    /// What the worker's answer on `name` means for the draft, in the
    /// interface's language `ui`.
    fn answer(name: &str, answer: Result<worker::Reply, String>, ui: Lang) -> Action {
        let answer = answer.and_then(worker::Reply::text);
        let italian = ui == Lang::It;
        let read = |json: &str| -> Option<(Vec<StoredArticle>, Messages)> {
            let v: serde_json::Value = serde_json::from_str(json).ok()?;
            let record = v.get("record")?.as_str()?;
            let story = library::read_record("accepted", record).ok()?;
            let messages = v
                .get("messages")?
                .as_array()?
                .iter()
                .map(|m| {
                    let ok = m
                        .get("ok")
                        .and_then(serde_json::Value::as_bool)
                        .unwrap_or(false);
                    let text = m
                        .get(if italian { "it" } else { "en" })
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default();
                    (ok, text.to_string())
                })
                .collect();
            Some((story.articles, messages))
        };
        match answer {
            Ok(json) => match read(&json) {
                Some((articles, messages)) => Action::Accept {
                    articles,
                    messages,
                    italian,
                },
                None => Action::Accept {
                    articles: Vec::new(),
                    messages: vec![(false, format!("{name}: {}", ui.t(Text::AnalysisFailed)))],
                    italian,
                },
            },
            Err(why) => {
                let why = if why == worker::UNAVAILABLE {
                    ui.t(Text::WorkerUnavailable).to_string()
                } else {
                    why
                };
                Action::Accept {
                    articles: Vec::new(),
                    messages: vec![(false, format!("{name}: {why}"))],
                    italian,
                }
            }
        }
    }
}

impl Reducible for Draft {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Draft {
            existing: self.existing.clone(),
            pending: self.pending.clone(),
            messages: self.messages.clone(),
            busy: self.busy,
        };
        match action {
            Action::Begin => next.busy += 1,
            Action::Accept {
                articles,
                messages,
                italian,
            } => {
                next.busy = next.busy.saturating_sub(1);
                next.messages.extend(messages);
                // Texts checked at the same time were each checked against
                // the draft of their time: check again against this one.
                for article in articles {
                    let mut all: Vec<StoredArticle> = (*self.existing).clone();
                    all.extend(next.pending.iter().cloned());
                    match library::check_text(&article.text, &all) {
                        Ok(_) => next.pending.push(article),
                        Err(e) => next
                            .messages
                            .push((false, format!("{}: {}", article.name, e.message(italian)))),
                    }
                }
            }
            Action::Remove(i) => {
                if i < next.pending.len() {
                    next.pending.remove(i);
                }
            }
            Action::Clear => {
                next.pending.clear();
                next.messages.clear();
            }
            Action::Say(ok, text) => next.messages.push((ok, text)),
        }
        Rc::new(next)
    }
}
