//! The figures table: one row per quantity, one column per outlet, sortable,
//! filterable, exportable exactly as shown.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::verdict::verdict_badge;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::hooks::use_progressive::use_progressive;
use crate::i18n::Text;
use crate::model::SortKey;
use crate::query;
use crate::services::download;

const KINDS: &[&str] = &[
    "amount",
    "percent",
    "count",
    "fraction",
    "multiplier",
    "ordinal",
    "date",
    "period",
    "time",
];

/// Rows built in one task (the first screenful, then each slice).
const ROWS_AT_ONCE: usize = 10;

/// The table's state in the URL.
#[derive(Clone, PartialEq, serde::Serialize)]
struct TableQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    sort: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    diff: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    kind: String,
}

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The address's query (`?sort=…&diff=1&kind=…`).
    #[prop_or_default]
    pub query: AttrValue,
}

/// The figures table view.
#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let navigator = use_navigator();
    let q = &props.query;
    let sort = SortKey::from_code(&query::get(q, "sort").unwrap_or_default());
    let differences = query::flag(q, "diff");
    let kind = query::get(q, "kind").filter(|k| KINDS.contains(&k.as_str()));
    let rows = story.table(sort, differences, kind.as_deref(), lang.lang());

    let go = {
        let navigator = navigator.clone();
        let corpus = corpus.clone();
        move |sort: SortKey, diff: bool, kind: Option<String>| {
            if let Some(nav) = &navigator {
                let q = TableQuery {
                    sort: if sort == SortKey::Story {
                        String::new()
                    } else {
                        sort.code().into()
                    },
                    diff: if diff { "1".into() } else { String::new() },
                    kind: kind.unwrap_or_default(),
                };
                let _ = nav.replace_with_query(&corpus.at(Route::Figures), &q);
            }
        }
    };
    let on_sort = {
        let go = go.clone();
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            go(SortKey::from_code(&v), differences, kind.clone());
        })
    };
    let on_kind = {
        let go = go.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            go(sort, differences, (!v.is_empty()).then_some(v));
        })
    };
    let on_diff = {
        let go = go.clone();
        let kind = kind.clone();
        Callback::from(move |_: Event| go(sort, !differences, kind.clone()))
    };
    // The exports are written when asked for, from the rows shown.
    let rows = std::rc::Rc::new(rows);
    let export_csv = {
        let (corpus, rows) = (corpus.clone(), rows.clone());
        Callback::from(move |_: MouseEvent| {
            let csv = corpus.story().table_csv(&rows);
            download::save("synoptic-figures.csv", "text/csv", &csv)
        })
    };
    let export_json = {
        let (corpus, rows) = (corpus.clone(), rows.clone());
        Callback::from(move |_: MouseEvent| {
            let json = corpus.story().table_json(&rows);
            download::save("synoptic-figures.json", "application/json", &json)
        })
    };
    let export_annotations = {
        let (corpus, rows) = (corpus.clone(), rows.clone());
        let ui = lang.lang();
        Callback::from(move |_: MouseEvent| {
            let name = corpus
                .name()
                .map_or_else(|| ui.t(Text::EmbeddedStoryName).to_string(), str::to_string);
            let json = corpus.story().annotations(&rows, &name, ui);
            download::save("synoptic-annotations.jsonld", "application/ld+json", &json)
        })
    };
    // A first screenful of rows at once, the rest a slice per task.
    let built = use_progressive(rows.len(), ROWS_AT_ONCE, ROWS_AT_ONCE);
    let sort_label = |k: SortKey| match k {
        SortKey::Story => Text::SortStory,
        SortKey::Verdict => Text::SortVerdict,
        SortKey::Kind => Text::SortKind,
        SortKey::Measure => Text::SortMeasure,
    };
    html! {
        <section class="figures" aria-labelledby="figures-title">
            <h1 id="figures-title" tabindex="-1">{ lang.t(Text::FiguresTitle) }</h1>
            <p class="lede">{ lang.t(Text::FiguresIntro) }</p>
            <form class="controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ lang.t(Text::SortBy) }{ " " }
                    <select id="sort" onchange={on_sort}>
                        { for SortKey::ALL.iter().map(|k| html! {
                            <option value={k.code()} selected={*k == sort}>{ lang.t(sort_label(*k)) }</option>
                        }) }
                    </select>
                </label>
                <label>{ lang.t(Text::KindFilter) }{ " " }
                    <select id="kind" onchange={on_kind}>
                        <option value="" selected={kind.is_none()}>{ lang.t(Text::AllKinds) }</option>
                        { for KINDS.iter().map(|k| html! {
                            <option value={*k} selected={kind.as_deref() == Some(*k)}>{ *k }</option>
                        }) }
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" id="figures-differences-only" checked={differences} onchange={on_diff} />
                    { lang.t(Text::DifferencesOnly) }
                </label>
                <span class="exports">
                    <button type="button" class="button" id="export-csv" onclick={export_csv}>{ lang.t(Text::ExportCsv) }</button>
                    <button type="button" class="button" id="export-json" onclick={export_json}>{ lang.t(Text::ExportJson) }</button>
                    <button type="button" class="button" id="export-annotations" onclick={export_annotations}>{ lang.t(Text::ExportAnnotations) }</button>
                </span>
            </form>
            <p class="hint" role="status">{ format!("{} {}", rows.len(), lang.t(Text::RowsShown)) }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-title">
                <table class="figures-table">
                    <caption class="visually-hidden">{ lang.t(Text::FiguresTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t(Text::Measures) }</th>
                            { for story.articles().map(|a| html! {
                                <th scope="col">{ a.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string()) }<span class="muted">{ format!(" · {}", a.id) }</span></th>
                            }) }
                            <th scope="col">{ lang.t(Text::Verdict) }</th>
                            <th scope="col">{ lang.t(Text::Explanation) }</th>
                        </tr>
                    </thead>
                    <tbody aria-busy={(built < rows.len()).to_string()}>
                        if rows.is_empty() {
                            <tr><td colspan={(story.len() + 3).to_string()}>{ lang.t(Text::NoRows) }</td></tr>
                        }
                        { for rows.iter().take(built).map(|r| html! {
                            <tr class={format!("v-{}", r.verdict.as_str())} data-quantity={r.quantity.clone()}>
                                <th scope="row">{ &r.measures }<span class="muted">{ format!(" · {}", r.kind) }</span></th>
                                { for r.cells.iter().enumerate().map(|(ai, cells)| html! {
                                    <td data-outlet={story.article(ai).id.clone()}>
                                        if cells.is_empty() {
                                            <span class="not-mentioned">{ "—" }<span class="visually-hidden">{ lang.t(Text::NotMentioned) }</span></span>
                                        }
                                        { for cells.iter().map(|c| html! {
                                            <div class="cell-fig">
                                                <span lang="it">{ &c.text }</span>
                                                if let Some(q) = &c.qualifier { <span class="qual">{ format!(" [{q}]") }</span> }
                                                if let Some(s) = &c.source { <span class="cites">{ format!(" — {s}") }</span> }
                                            </div>
                                        }) }
                                    </td>
                                }) }
                                <td>{ verdict_badge(lang.lang(), r.verdict) }</td>
                                <td class="why">{ &r.explanation }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="view-links">
                <Link<Route> to={corpus.at(Route::CompareAll)}>{ lang.t(Text::NavCompare) }</Link<Route>>
            </p>
        </section>
    }
}
