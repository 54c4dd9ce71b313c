//! A passage of an article with its figures highlighted by verdict. A
//! highlighted figure is focusable; focusing or hovering it makes it the
//! active quantity, which lights up its counterparts everywhere on screen.
//! The lighting is a class set on the marks directly (`dom::mark_active`),
//! so focusing a figure re-renders no passage.

use synoptic_core::text::collapse_whitespace;
use yew::prelude::*;

use crate::components::verdict;
use crate::hooks::use_corpus::Corpus;
use crate::i18n::Lang;

/// The text of bytes `start..end` of article `article` with `<mark>`s;
/// `on_active` is called with a quantity on focus or hover, with `None` on
/// blur. A function of its caller's render (the reader's blocks, the side
/// by side's cells), which re-render only when what they show changes.
pub fn passage(
    lang: Lang,
    corpus: &Corpus,
    article: usize,
    (start, end): (usize, usize),
    on_active: &Callback<Option<AttrValue>>,
) -> Html {
    let story = corpus.story();
    if article >= story.len() {
        return html! {};
    }
    let text = &story.article(article).text;
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let marks = story.marks(article, start, end);
    let mut out: Vec<Html> = Vec::new();
    let mut at = start;
    for m in marks {
        if m.start > at {
            out.push(html! { { collapse_whitespace_keep_edges(&text[at..m.start]) } });
        }
        let q = AttrValue::from(m.quantity.clone());
        let on_active = on_active.clone();
        let focus = {
            let q = q.clone();
            let cb = on_active.clone();
            Callback::from(move |_: FocusEvent| cb.emit(Some(q.clone())))
        };
        let enter = {
            let q = q.clone();
            let cb = on_active.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Some(q.clone())))
        };
        let blur = {
            let cb = on_active.clone();
            Callback::from(move |_: FocusEvent| cb.emit(None))
        };
        let label = lang.verdict(m.verdict);
        out.push(html! {
            <mark class={classes!("fig", format!("v-{}", verdict::code(m.verdict)))}
                  tabindex="0" data-q={q.clone()} data-figure={m.figure.clone()}
                  title={format!("{label}: {}", lang.explain(&m.parts))}
                  onfocus={focus} onblur={blur} onmouseenter={enter}>
                { collapse_whitespace(&text[m.start..m.end]) }
                <span class="vicon" aria-hidden="true">{ verdict::icon(m.verdict) }</span>
                <span class="visually-hidden">{ format!(" ({label})") }</span>
            </mark>
        });
        at = m.end;
    }
    if at < end {
        out.push(html! { { collapse_whitespace_keep_edges(&text[at..end]) } });
    }
    html! { <>{ for out }</> }
}

/// Collapses inner whitespace but keeps one space at either edge, so that
/// the text around a mark stays separated from it.
fn collapse_whitespace_keep_edges(s: &str) -> String {
    let lead = s.starts_with(char::is_whitespace);
    let trail = s.ends_with(char::is_whitespace) && s.trim().len() < s.len();
    let inner = collapse_whitespace(s);
    let mut out = String::new();
    if lead && !inner.is_empty() {
        out.push(' ');
    }
    out.push_str(&inner);
    if trail || (inner.is_empty() && !s.is_empty()) {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::collapse_whitespace_keep_edges as k;

    #[test]
    fn keeps_edges() {
        assert_eq!(k(" a  b "), " a b ");
        assert_eq!(k("a\n\nb"), "a b");
        assert_eq!(k("  "), " ");
        assert_eq!(k(""), "");
    }
}
