//! Synoptic's analysis core.
//!
//! Everything Synoptic knows about a news article is computed here, from plain
//! text, with no access to the DOM, storage, the network or the clock. The same
//! code runs in the browser (compiled to WebAssembly), in the `synoptic`
//! command-line tool and in native tests.
//!
//! Reach for:
//! - [`Article::parse`] to turn a scraped text into headline, body and page
//!   chrome ([`chrome`] explains the rules);
//! - [`corpus::embedded`] for the story Synoptic ships with.
//!
//! ```
//! use synoptic_core::{Article, Metadata};
//! let text = "Titolo di prova per un articolo\n\nIl corpo dell'articolo dice una cosa.\n\nShare\n";
//! let article = Article::parse("t1", "t1.txt", text, Metadata::default());
//! assert_eq!(article.headline(), Some("Titolo di prova per un articolo"));
//! assert_eq!(article.body_text(), "Il corpo dell'articolo dice una cosa.");
//! assert_eq!(article.chrome().count(), 1);
//! ```
//!
//! The analysis never fails: any input gives a value. `Result` is used only
//! where real input/output or user-supplied metadata can be wrong.
#![warn(missing_docs)]

pub mod analysis;
pub mod article;
pub mod chrome;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod figures;
pub mod lexicon;
pub mod report;
pub mod text;
pub mod token;

pub use article::{Article, ArticleKind, Metadata, MetadataError, Source};
pub use chrome::{Block, BlockKind, ChromeKind};
