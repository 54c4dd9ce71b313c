//! The story Synoptic ships with, compiled in.
//!
//! The texts and metadata records live in `assets/corpus/` at the top of the
//! repository (see its README); this module embeds them at build time so that
//! the app, the CLI and the tests all read the same bytes. Call
//! [`embedded`] for the parsed articles.
//!
//! ```
//! let articles = synoptic_core::corpus::embedded();
//! assert_eq!(articles.len(), 3);
//! assert_eq!(articles[2].meta.outlet.as_deref(), Some("CGTN"));
//! ```

use crate::article::{Article, Metadata};

/// One embedded file: its id, file name, text and metadata JSON.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedFile {
    /// Short id (`000`).
    pub id: &'static str,
    /// File name in `assets/corpus/`.
    pub file: &'static str,
    /// The text, verbatim.
    pub text: &'static str,
    /// The metadata record, JSON.
    pub meta_json: &'static str,
}

macro_rules! embed {
    ($id:literal, $stem:literal) => {
        EmbeddedFile {
            id: $id,
            file: concat!($stem, ".txt"),
            text: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/corpus/",
                $stem,
                ".txt"
            )),
            meta_json: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../assets/corpus/",
                $stem,
                ".meta.json"
            )),
        }
    };
}

/// The embedded files, in corpus order.
pub const FILES: [EmbeddedFile; 3] = [
    embed!("000", "000_f884a6cb25ec9128"),
    embed!("003", "003_d93d90afaa2a4192"),
    embed!("004", "004_a73895d0e51bd42b"),
];

/// The embedded articles, parsed. A metadata record that fails to read (a
/// bug the tests catch) gives empty metadata rather than a panic.
pub fn embedded() -> Vec<Article> {
    FILES
        .iter()
        .map(|f| {
            let meta = Metadata::from_json(f.meta_json).unwrap_or_default();
            Article::parse(f.id, f.file, f.text, meta)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleKind;
    use crate::chrome::{BlockKind, ChromeKind};
    use crate::text::normalize;

    fn article(id: &str) -> Article {
        embedded().into_iter().find(|a| a.id == id).unwrap()
    }

    /// The chrome blocks of an article as (kind, start of text) pairs.
    fn chrome(a: &Article) -> Vec<(ChromeKind, String)> {
        a.blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Chrome(k) => {
                    Some((k, b.text(&a.text).chars().take(24).collect::<String>()))
                }
                _ => None,
            })
            .collect()
    }

    fn body_starts(a: &Article) -> Vec<String> {
        a.body()
            .map(|b| b.text(&a.text).chars().take(30).collect())
            .collect()
    }

    #[test]
    fn metadata_records_are_valid() {
        for f in FILES {
            Metadata::from_json(f.meta_json).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        }
    }

    #[test]
    fn texts_are_the_scraped_files_verbatim() {
        // Sizes of the files as delivered; a change means the corpus was edited.
        let sizes: Vec<usize> = FILES.iter().map(|f| f.text.len()).collect();
        assert_eq!(sizes, vec![5654, 3912, 7214]);
    }

    /// Forms a day can take in these texts: ISO, `4 febbraio 2026`,
    /// `May 18, 2026`, `Maggio 18, 2026`.
    fn day_spellings(iso: &str) -> Vec<String> {
        const IT: [&str; 12] = crate::date::MONTHS_IT;
        const EN: [&str; 12] = crate::date::MONTHS_EN;
        let y = &iso[0..4];
        let m: usize = iso[5..7].parse().unwrap();
        let d: u32 = iso[8..10].parse().unwrap();
        vec![
            iso.to_string(),
            format!("{d} {} {y}", IT[m - 1]),
            format!("{} {d}, {y}", EN[m - 1]),
            format!("{} {d}, {y}", IT[m - 1]),
        ]
    }

    #[test]
    fn metadata_is_supported_by_the_text() {
        for a in embedded() {
            let text = normalize(&a.text);
            let found = |s: &str| text.contains(&normalize(s));
            let m = &a.meta;
            for s in [&m.outlet, &m.site, &m.url, &m.author]
                .into_iter()
                .flatten()
            {
                assert!(found(s), "{}: {s:?} is not in the text", a.id);
            }
            for c in &m.cites {
                assert!(
                    found(&c.quote),
                    "{}: quote {:?} is not in the text",
                    a.id,
                    c.quote
                );
            }
            let date = m
                .date
                .as_deref()
                .expect("every embedded article has a date");
            assert!(
                day_spellings(date).iter().any(|s| found(s)),
                "{}: date {date} is not in the text",
                a.id
            );
        }
    }

    #[test]
    fn metadata_of_each_article() {
        let a = article("000");
        assert_eq!(a.meta.outlet.as_deref(), Some("Smettere di Lavorare"));
        assert_eq!(a.meta.author.as_deref(), Some("Luca Carlini"));
        assert_eq!(a.meta.kind, ArticleKind::Blog);
        assert_eq!(a.meta.date.as_deref(), Some("2026-02-04"));
        assert_eq!(a.meta.url, None, "the text gives the domain, not the URL");
        let names: Vec<&str> = a.meta.cites.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"TASS") && names.contains(&"Cremlino"));

        let a = article("003");
        assert_eq!(a.meta.outlet, None, "003 does not name its outlet");
        assert_eq!(a.meta.author, None);
        assert_eq!(a.meta.kind, ArticleKind::Newspaper);
        assert_eq!(a.meta.date.as_deref(), Some("2025-12-25"));
        let names: Vec<&str> = a.meta.cites.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"Wall Street Journal"));
        assert!(names.contains(&"South China Morning Post"));

        let a = article("004");
        assert_eq!(a.meta.outlet.as_deref(), Some("CGTN"));
        assert_eq!(a.meta.kind, ArticleKind::PressRelease);
        assert!(a.meta.state_media);
        assert_eq!(a.meta.date.as_deref(), Some("2026-05-18"));
        assert!(a
            .meta
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://news.cgtn.com/"));
    }

    #[test]
    fn chrome_of_000() {
        let a = article("000");
        assert_eq!(
            a.headline(),
            Some("Xi e Russia: un’alleanza per la giustizia internazionale")
        );
        use ChromeKind::*;
        let kinds: Vec<ChromeKind> = chrome(&a).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            vec![
                Navigation,
                SectionLabel,
                Share,
                TitleRepeat,
                TitleRepeat,
                Share,
                Byline,
                Byline,
                AuthorBio,
                SiteInfo,
                Contact,
                Contact,
                Legal,
                Legal
            ]
        );
        let body = body_starts(&a);
        assert_eq!(body.len(), 13);
        assert!(body[0].starts_with("Pechino, 4 febbraio 2026"));
        assert!(body
            .last()
            .unwrap()
            .starts_with("Secondo quanto riportato dalla"));
        // Footer text is chrome, not body.
        let body_text = a.body_text();
        for footer in [
            "P.IVA",
            "14920521003",
            "legge n. 62",
            "Sono un appassionato",
            "Written by",
        ] {
            assert!(!body_text.contains(footer), "{footer} leaked into the body");
            assert!(a.text.contains(footer));
        }
    }

    #[test]
    fn chrome_of_003() {
        let a = article("003");
        assert_eq!(a.headline(), None, "003 has no headline before its body");
        assert_eq!(
            a.display_title(),
            "Si rafforza l'asse tra Russia e Cina (anti Usa)"
        );
        assert_eq!(
            chrome(&a),
            vec![(ChromeKind::Metadata, "date 2025-12-25".to_string())]
        );
        let kinds: Vec<BlockKind> = a.body().map(|b| b.kind).collect();
        use BlockKind::{Heading as H, Paragraph as P};
        assert_eq!(kinds, vec![P, H, P, P, H, P, P, P, P]);
        assert!(a
            .body_text()
            .starts_with("L’asse tra Cina e Russia si sta rafforzando"));
    }

    #[test]
    fn chrome_of_004() {
        let a = article("004");
        assert_eq!(
            a.headline(),
            Some("CGTN: La diplomazia tra capi di Stato rafforza il crescente partenariato tra Cina e Russia")
        );
        use ChromeKind::*;
        let kinds: Vec<ChromeKind> = chrome(&a).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            vec![
                SectionLabel,
                Disclaimer,
                Link,
                Contact,
                Contact,
                Contact,
                Disclaimer,
                Noise,
                Link,
                Taxonomy,
                Taxonomy,
                Taxonomy,
                Taxonomy,
                Metadata,
                Metadata,
                Metadata,
                Metadata
            ]
        );
        let body_text = a.body_text();
        // The paragraph that a blank line broke in the middle is whole again.
        assert!(body_text.contains("ha raggiunto i 227,9 miliardi di dollari nel 2025"));
        assert!(body_text.starts_with("In vista della visita del presidente russo"));
        assert!(body_text.ends_with("in un mondo in continua evoluzione."));
        for chrome_text in [
            "cgtn@cgtn.com",
            "Immediapress",
            "Data di creazione",
            "redazione",
        ] {
            assert!(
                !body_text.contains(chrome_text),
                "{chrome_text} leaked into the body"
            );
        }
        let headings: Vec<&str> = a
            .body()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text(&a.text))
            .collect();
        assert_eq!(
            headings,
            vec![
                "La diplomazia tra capi di Stato fornisce una guida strategica",
                "La cooperazione pratica raggiunge nuove vette"
            ]
        );
    }

    #[test]
    fn word_counts_are_of_the_body() {
        for a in embedded() {
            let all = crate::text::word_count(&a.text);
            let body = a.word_count();
            assert!(body > 400 && body < all, "{}: {body} of {all}", a.id);
        }
    }
}
