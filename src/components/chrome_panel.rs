//! The page chrome of an article, kept but collapsed.

use synoptic_core::{Article, BlockKind};
use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// A closed disclosure listing every chrome block, what kind it is and why.
pub fn chrome_panel(lang: Lang, a: &Article) -> Html {
    let blocks: Vec<_> = a.chrome().collect();
    if blocks.is_empty() {
        return html! {};
    }
    html! {
        <details class="chrome-panel">
            <summary>
                { lang.t(Text::PageChrome) }
                <span class="count">{ format!(" ({})", blocks.len()) }</span>
            </summary>
            <p class="hint">{ lang.t(Text::PageChromeHint) }</p>
            <ol class="chrome-list">
                { for blocks.iter().map(|b| {
                    let BlockKind::Chrome(kind) = b.kind else { return html! {} };
                    html! {
                        <li data-chrome={kind.as_str()}>
                            <span class="chrome-kind" title={b.rule.to_string()}>{ lang.chrome_kind(kind) }</span>
                            <span class="chrome-text" lang={a.meta.language.clone()}>{ b.text(&a.text) }</span>
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
