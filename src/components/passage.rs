//! A passage of an article with its figures highlighted by verdict. A
//! highlighted figure is focusable; focusing or hovering it makes it the
//! active quantity, which lights up its counterparts everywhere on screen.
//! The lighting is a class set on the marks directly (`dom::mark_active`),
//! so focusing a figure re-renders no passage.

use synoptic_core::text::collapse_whitespace;
use yew::prelude::*;

use crate::components::verdict;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;

/// Props of [`Passage`].
#[derive(Properties, PartialEq)]
pub struct PassageProps {
    /// Article index.
    pub article: usize,
    /// Byte range in the article's text.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// Called with a quantity on focus/hover, with `None` on blur/leave.
    #[prop_or_default]
    pub on_active: Callback<Option<AttrValue>>,
}

/// The passage's text with `<mark>`s.
#[component]
pub fn Passage(props: &PassageProps) -> Html {
    let corpus = use_corpus();
    let lang = use_lang();
    let story = corpus.story();
    if props.article >= story.len() {
        return html! {};
    }
    let text = &story.article(props.article).text;
    let (start, end) = (props.start.min(text.len()), props.end.min(text.len()));
    let marks = story.marks(props.article, start, end);
    let mut out: Vec<Html> = Vec::new();
    let mut at = start;
    for m in marks {
        if m.start > at {
            out.push(html! { { collapse_whitespace_keep_edges(&text[at..m.start]) } });
        }
        let q = AttrValue::from(m.quantity.clone());
        let on_active = props.on_active.clone();
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
        let label = lang.lang().verdict(m.verdict);
        out.push(html! {
            <mark class={classes!("fig", format!("v-{}", verdict::code(m.verdict)))}
                  tabindex="0" data-q={q.clone()} data-figure={m.figure.clone()}
                  title={format!("{label}: {}", lang.lang().explain(&m.parts))}
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
