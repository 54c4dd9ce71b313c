//! Badges for the kind of outlet: blog, newspaper, press release, state media.

use synoptic_core::{ArticleKind, Metadata};
use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// The kind badge, and a state-media badge where it applies.
pub fn kind_badges(lang: Lang, meta: &Metadata) -> Html {
    let kind = meta.kind;
    let label = match kind {
        ArticleKind::Blog => Text::KindBlog,
        ArticleKind::Newspaper => Text::KindNewspaper,
        ArticleKind::Agency => Text::KindAgency,
        ArticleKind::PressRelease => Text::KindPressRelease,
        ArticleKind::Other => Text::KindOther,
    };
    html! {
        <span class="badges">
            <span class={classes!("badge", format!("badge-{}", kind.as_str()))}>{ lang.t(label) }</span>
            if meta.state_media {
                <span class="badge badge-state">{ lang.t(Text::StateMedia) }</span>
            }
        </span>
    }
}
