//! Badges for the kind of outlet: blog, newspaper, press release, state media.

use synoptic_core::{ArticleKind, Metadata};
use yew::prelude::*;

use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// Props of [`KindBadges`].
#[derive(Properties, PartialEq)]
pub struct KindBadgesProps {
    /// The article's metadata.
    pub meta: Metadata,
}

/// The kind badge, and a state-media badge where it applies.
#[component]
pub fn KindBadges(props: &KindBadgesProps) -> Html {
    let lang = use_lang();
    let kind = props.meta.kind;
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
            if props.meta.state_media {
                <span class="badge badge-state">{ lang.t(Text::StateMedia) }</span>
            }
        </span>
    }
}
