//! Side by side: outlets as columns, aligned statements as rows.

use std::rc::Rc;

use synoptic_core::compare::{statements, Verdict};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::inspector::Inspector;
use crate::components::passage::passage;
use crate::components::verdict::verdict_badge;
use crate::hooks::use_active::use_active_quantity;
use crate::hooks::use_corpus::{use_corpus, Corpus};
use crate::hooks::use_lang::use_lang;
use crate::hooks::use_progressive::use_progressive;
use crate::i18n::{Lang, Text};
use crate::query;
use crate::services::dom;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Selected article ids joined by `~` (`000~004`; `+` and `,` are read too); empty for all.
    #[prop_or_default]
    pub outlets: AttrValue,
    /// The address's query (`?diff=1`).
    #[prop_or_default]
    pub query: AttrValue,
}

/// `?diff=1`.
#[derive(Clone, PartialEq, serde::Serialize)]
struct DiffQuery {
    diff: u8,
}

/// The side-by-side view.
/// How many outlets the side by side shows when the address chooses none.
pub const DEFAULT_OUTLETS: usize = 6;

#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let navigator = use_navigator();
    let (active, on_active) = use_active_quantity();
    let differences = query::flag(&props.query, "diff");
    let mut selected: Vec<usize> = props
        .outlets
        .split(['+', ',', ' ', '~'])
        .filter_map(|id| story.index_of(id))
        .collect();
    selected.sort_unstable();
    selected.dedup();
    // With no choice in the address, the first outlets (all of a story
    // of a few; a large one's side by side would be unreadable and slow).
    let capped = selected.is_empty() && story.len() > DEFAULT_OUTLETS;
    if selected.is_empty() {
        selected = (0..story.len().min(DEFAULT_OUTLETS)).collect();
    }
    // Every fact group stays in the page, the ones not shown hidden, in an
    // order that keeps the shown ones in reading order: switching outlets
    // or the filter shows and hides rows instead of building, dropping or
    // moving them.
    let mut order = story.row_order(&selected, differences);
    let groups = &story.comparison.statements.groups;
    // A story of a few outlets builds every outlet's cell and hides those
    // not selected by the container's classes (`hide-c3`), so rows whose
    // verdict and explanation stay the same do not re-render. A larger one
    // (hundreds of outlets) builds only the selected outlets' cells and the
    // rows shown: hidden cells and rows would cost more than rebuilding.
    let large = story.len() > CSS_COLUMNS;
    let hide_classes: Classes = (0..story.len().min(CSS_COLUMNS))
        .filter(|i| !selected.contains(i))
        .map(|i| format!("hide-c{i}"))
        .collect();
    let columns: Rc<[usize]> = if large {
        order.retain(|&(_, shown)| shown);
        selected.iter().copied().collect()
    } else {
        (0..story.len()).collect()
    };

    let go = {
        let navigator = navigator.clone();
        let corpus = corpus.clone();
        move |ids: Vec<String>, diff: bool| {
            if let Some(nav) = &navigator {
                let route = corpus.at(Route::Compare {
                    outlets: ids.join("~"),
                });
                if diff {
                    let _ = nav.push_with_query(&route, &DiffQuery { diff: 1 });
                } else {
                    nav.push(&route);
                }
            }
        }
    };
    let ids_of = |sel: &[usize]| -> Vec<String> {
        sel.iter().map(|&i| story.article(i).id.clone()).collect()
    };

    // A first screenful at once, the rest a slice per task.
    let built = use_progressive(order.len(), ROWS_AT_ONCE, ROWS_AT_ONCE);
    // Statements only one of the shown outlets makes, one after another,
    // share one row: each flows in its outlet's column, and the rows that
    // align stand close together.
    let items = items_of(&order, |gi| {
        story.verdict_among(&groups[gi], &selected) == Verdict::OnlyHere
    });
    let row_count = items
        .iter()
        .filter(|i| matches!(i, Item::Row(_, true) | Item::Run(_)))
        .count();
    // The rows built so far: those whose first group is among the first
    // `built` of the order (a run comes whole).
    let mut position = vec![usize::MAX; groups.len()];
    for (k, &(gi, _)) in order.iter().enumerate() {
        if let Some(p) = position.get_mut(gi) {
            *p = k;
        }
    }
    let first_at = |item: &Item| match item {
        Item::Row(gi, _) => position.get(*gi).copied(),
        Item::Run(gis) => gis.first().and_then(|gi| position.get(*gi).copied()),
    };
    // j/k and the arrows move between the rows shown.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let step: i32 = match e.key().as_str() {
            "j" | "ArrowDown" => 1,
            "k" | "ArrowUp" => -1,
            _ => return,
        };
        if row_count > 0 {
            e.prevent_default();
            dom::focus_next_row(step);
        }
    });
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">{ lang.t(Text::CompareTitle) }</h1>
            <p class="lede">{ lang.t(Text::CompareIntro) }</p>
            if capped {
                <p class="notice" id="outlets-capped" role="status">{ format!("{DEFAULT_OUTLETS} / {} — {}", story.len(), lang.t(Text::OutletsCapped)) }</p>
            }
            <form class="controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset>
                    <legend>{ lang.t(Text::OutletsToCompare) }</legend>
                    { for (0..story.len()).map(|i| {
                        let a = story.article(i);
                        let checked = selected.contains(&i);
                        let mut next: Vec<usize> = if checked {
                            selected.iter().copied().filter(|x| *x != i).collect()
                        } else {
                            let mut v = selected.clone();
                            v.push(i);
                            v.sort_unstable();
                            v
                        };
                        if next.is_empty() {
                            next = vec![i];
                        }
                        let ids = ids_of(&next);
                        let go = go.clone();
                        let onchange = Callback::from(move |_: Event| go(ids.clone(), differences));
                        let name = a.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string());
                        html! {
                            <label class="check">
                                <input type="checkbox" checked={checked} {onchange} data-outlet={a.id.clone()} />
                                { format!("{name} ({})", a.id) }
                            </label>
                        }
                    }) }
                </fieldset>
                <label class="check">
                    <input type="checkbox" id="differences-only" checked={differences}
                        onchange={{
                            let go = go.clone();
                            let ids = ids_of(&selected);
                            Callback::from(move |_: Event| go(ids.clone(), !differences))
                        }} />
                    { lang.t(Text::DifferencesOnly) }
                </label>
            </form>
            <p class="hint">{ lang.t(Text::KeyboardHint) }{ format!(" {} {}.", row_count, lang.t(Text::RowsShown)) }</p>
            <div class="compare-layout">
                <div class={classes!("sbs", hide_classes)} {onkeydown}>
                    <div class="sbs-head" aria-hidden="true">
                        { for selected.iter().map(|&i| {
                            let a = story.article(i);
                            html! { <div class="sbs-col-head">{ a.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string()) }{ format!(" · {}", a.id) }</div> }
                        }) }
                    </div>
                    <ol class="sbs-rows" role="list" aria-busy={(built < order.len()).to_string()}>
                        { for items.iter().filter(|item| first_at(item).is_some_and(|k| k < built)).map(|item| match item {
                            Item::Row(gi, shown) => {
                                let (gi, shown) = (*gi, *shown);
                                let g = &groups[gi];
                                let verdict = story.verdict_among(g, &selected);
                                // Why the verdict, about the selected outlets only.
                                let why = (shown && verdict != Verdict::OnlyHere)
                                    .then(|| AttrValue::from(lang.lang().explain(&story.parts_among(g, &selected))));
                                html! {
                                    <SbsRow key={gi} {gi} {shown} {verdict} {why}
                                        columns={columns.clone()} on_active={on_active.clone()} />
                                }
                            }
                            Item::Run(gis) => html! {
                                <SoloRun key={format!("run-{}", gis[0])} gis={gis.clone()}
                                    columns={columns.clone()} on_active={on_active.clone()} />
                            },
                        }) }
                    </ol>
                </div>
                <Inspector active={(*active).clone()} heading="compare-inspector-title" />
            </div>
            <p class="view-links">
                <Link<Route> to={corpus.at(Route::Figures)}>{ lang.t(Text::NavFigures) }</Link<Route>>
                { " · " }
                <Link<Route> to={corpus.at(Route::Framing)}>{ lang.t(Text::NavFraming) }</Link<Route>>
            </p>
        </section>
    }
}

/// What the side by side shows: a statement group's row (and whether it
/// is shown), or a run of groups only one shown outlet has each.
#[derive(Debug, PartialEq)]
enum Item {
    Row(usize, bool),
    Run(Rc<[usize]>),
}

/// The rows of `order`, runs of two or more consecutive shown groups that
/// `solo` says one outlet alone has made one [`Item::Run`]; hidden rows
/// stay in the page as they are.
fn items_of(order: &[(usize, bool)], solo: impl Fn(usize) -> bool) -> Vec<Item> {
    let mut out = Vec::with_capacity(order.len());
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Item>| match run.len() {
        0 => {}
        1 => out.push(Item::Row(run[0], true)),
        _ => out.push(Item::Run(run.drain(..).collect())),
    };
    for &(gi, shown) in order {
        if !shown {
            out.push(Item::Row(gi, false));
        } else if solo(gi) {
            run.push(gi);
        } else {
            flush(&mut run, &mut out);
            run.clear();
            out.push(Item::Row(gi, true));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Props of [`SoloRun`].
#[derive(Properties, PartialEq)]
struct SoloRunProps {
    /// The statement groups of the run, in reading order.
    gis: Rc<[usize]>,
    /// The outlets whose cells are built, in order.
    columns: Rc<[usize]>,
    /// Figure focus/hover.
    on_active: Callback<Option<AttrValue>>,
}

/// Consecutive statements that one shown outlet alone makes each: one row,
/// each outlet's sentences in its column, in reading order.
#[component]
fn SoloRun(props: &SoloRunProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let groups = &story.comparison.statements.groups;
    let sentences = &story.comparison.statements.sentences;
    let Some(&first) = props.gis.first() else {
        return html! {};
    };
    let id = format!("run-{first}");
    let title_id = AttrValue::from(format!("{id}-title"));
    html! {
        <li class={classes!("sbs-row", "sbs-run", "v-only_here")} {id} tabindex="-1"
            aria-labelledby={title_id.clone()}>
            <div class="sbs-row-head">
                <h2 id={title_id} class="sbs-topic">
                    { format!("{} ({})", lang.t(Text::OneOutletEach), props.gis.len()) }
                </h2>
                { verdict_badge(lang.lang(), Verdict::OnlyHere) }
            </div>
            <div class="sbs-cells">
                { for props.columns.iter().map(|&ai| {
                    let a = story.article(ai);
                    let outlet = a.meta.outlet.clone()
                        .unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string());
                    let own: Vec<usize> = props.gis.iter()
                        .filter_map(|&gi| groups.get(gi))
                        .flat_map(|g| g.members.iter().filter(|m| m.article == ai).map(|m| m.sentence))
                        .collect();
                    html! {
                        <div key={ai} class={classes!("cell", format!("c{ai}"), own.is_empty().then_some("empty"))}
                            data-outlet={a.id.clone()}>
                            <p class="cell-outlet">{ format!("{outlet} · {}", a.id) }</p>
                            if own.is_empty() {
                                <p class="not-mentioned">{ "—" }<span class="visually-hidden">{ lang.t(Text::NotMentioned) }</span></p>
                            }
                            { for own.iter().map(|&si| {
                                cell_sentence(lang.lang(), &corpus, ai, a.meta.language.clone(), &sentences[si], &props.on_active)
                            }) }
                        </div>
                    }
                }) }
            </div>
        </li>
    }
}

/// Rows built in one task (the first screenful, then each slice).
const ROWS_AT_ONCE: usize = 6;

/// Outlets whose cells the stylesheet can hide by column (`.hide-c3 .c3`):
/// a story of more builds only the selected outlets' cells.
const CSS_COLUMNS: usize = 16;

/// Props of [`SbsRow`].
#[derive(Properties, PartialEq)]
struct SbsRowProps {
    /// Statement group.
    gi: usize,
    /// Shown (among the selected outlets, and through the filter).
    shown: bool,
    /// The group's verdict among the selected outlets.
    verdict: Verdict,
    /// Why the verdict (none for a hidden row or one outlet's statement).
    why: Option<AttrValue>,
    /// The outlets whose cells are built, in order.
    columns: Rc<[usize]>,
    /// Figure focus/hover.
    on_active: Callback<Option<AttrValue>>,
}

/// One aligned statement group, a cell per outlet of `columns`: in a story
/// of a few outlets every outlet's, those not selected hidden by the
/// container's classes, so switching outlets re-renders only the rows
/// whose verdict, explanation or visibility change.
/// Its id is the group's, the same whichever outlets are shown.
#[component]
fn SbsRow(props: &SbsRowProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let Some(g) = story.comparison.statements.groups.get(props.gi) else {
        return html! {};
    };
    let verdict = props.verdict;
    let id = format!("row-{}", props.gi);
    let title_id = AttrValue::from(format!("{id}-title"));
    html! {
        <li class={classes!("sbs-row", format!("v-{}", verdict.as_str()))} {id} tabindex="-1"
            aria-labelledby={title_id.clone()} hidden={!props.shown}>
            <RowHead gi={props.gi} {verdict} {title_id} why={props.why.clone()} />
            <div class="sbs-cells">
                { for props.columns.iter().map(|&ai| html! {
                    <SbsCell key={ai} gi={props.gi} {ai} on_active={props.on_active.clone()} />
                }) }
            </div>
            if let Some(d) = &g.diff {
                { word_diff(lang.lang(), d) }
            }
        </li>
    }
}

/// Props of [`SbsCell`].
#[derive(Properties, PartialEq)]
struct SbsCellProps {
    /// Statement group.
    gi: usize,
    /// Article index.
    ai: usize,
    /// Figure focus/hover.
    on_active: Callback<Option<AttrValue>>,
}

/// What one outlet says in a statement group, or an explicit "not mentioned".
#[component]
fn SbsCell(props: &SbsCellProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let Some(g) = story.comparison.statements.groups.get(props.gi) else {
        return html! {};
    };
    if props.ai >= story.len() {
        return html! {};
    }
    let ai = props.ai;
    let a = story.article(ai);
    let sentences = &story.comparison.statements.sentences;
    let members: Vec<_> = g.members.iter().filter(|m| m.article == ai).collect();
    let outlet = a
        .meta
        .outlet
        .clone()
        .unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string());
    html! {
        <div class={classes!("cell", format!("c{ai}"), members.is_empty().then_some("empty"))}
            data-outlet={a.id.clone()}>
            <p class="cell-outlet">{ format!("{outlet} · {}", a.id) }</p>
            if members.is_empty() {
                <p class="not-mentioned">{ lang.t(Text::NotMentioned) }</p>
            } else {
                { for members.iter().map(|m| {
                    cell_sentence(lang.lang(), &corpus, ai, a.meta.language.clone(), &sentences[m.sentence], &props.on_active)
                }) }
            }
        </div>
    }
}

/// One sentence of an outlet's cell: its passage with figures, whether it
/// hedges, whom it cites.
fn cell_sentence(
    lang: Lang,
    corpus: &Corpus,
    ai: usize,
    language: String,
    s: &statements::Sentence,
    on_active: &Callback<Option<AttrValue>>,
) -> Html {
    html! {
        <p class="cell-text" lang={language}>
            { passage(lang, corpus, ai, (s.start, s.end), on_active) }
            if let Some(h) = &s.hedge {
                <span class="hedge">{ format!(" ⚠ {} ({h})", lang.t(Text::Hedges)) }</span>
            }
            if let Some(src) = &s.source {
                <span class="cites">{ format!(" — {} {src}", lang.t(Text::Cites)) }</span>
            }
        </p>
    }
}

/// Props of [`RowHead`].
#[derive(Properties, PartialEq)]
struct RowHeadProps {
    gi: usize,
    verdict: Verdict,
    title_id: AttrValue,
    /// Why the verdict (none for a statement only one outlet makes).
    why: Option<AttrValue>,
}

/// A row's topic, verdict and why (re-rendered only when they change).
#[component]
fn RowHead(props: &RowHeadProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let Some(g) = corpus.story().comparison.statements.groups.get(props.gi) else {
        return html! {};
    };
    let verdict = props.verdict;
    html! {
        <div class="sbs-row-head">
            <h2 id={props.title_id.clone()} class="sbs-topic">
                <span class="visually-hidden">{ format!("{}: ", lang.t(Text::Statement)) }</span>
                { &g.topic }
            </h2>
            { verdict_badge(lang.lang(), verdict) }
            if let Some(why) = &props.why {
                <p class="sbs-why">{ why.clone() }</p>
            }
        </div>
    }
}

/// The word-level differences inside a group of near-identical sentences.
fn word_diff(lang: Lang, d: &statements::WordDiff) -> Html {
    html! {
        <details class="word-diff">
            <summary>{ lang.t(Text::WordDiff) }</summary>
            <p lang="it">
                { for d.ops.iter().map(|(op, words)| match op.as_str() {
                    "delete" => html! { <del>{ words }</del> },
                    "insert" => html! { <ins>{ words }</ins> },
                    _ => html! { <span>{ words }</span> },
                }) }
            </p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_gather_consecutive_statements_of_one_outlet() {
        let solo = |gi: usize| [1, 2, 4, 6, 7].contains(&gi);
        let order = [
            (1, true),
            (2, true),
            (3, false),
            (4, true),
            (5, true),
            (6, true),
            (7, true),
        ];
        assert_eq!(
            items_of(&order, solo),
            vec![
                Item::Row(3, false),
                Item::Run(Rc::from(vec![1, 2, 4])),
                Item::Row(5, true),
                Item::Run(Rc::from(vec![6, 7])),
            ]
        );
        // A lone statement of one outlet keeps its row.
        assert_eq!(
            items_of(&[(1, true), (5, true)], solo),
            vec![Item::Row(1, true), Item::Row(5, true)]
        );
    }
}
