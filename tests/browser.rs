//! The app's browser glue (`services`) in real browsers: the library's
//! database and the stored preferences, run by `wasm-bindgen-test-runner`
//! in Chromium and in Firefox (`cargo xtask test`). Natively this file is
//! empty: the same services do nothing there.
#![cfg(target_arch = "wasm32")]

use synoptic_app::library::{StoredArticle, StoredStory, SCHEMA};
use synoptic_app::services::{db, storage};
use synoptic_core::article::Metadata;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn story(id: &str, texts: &[&str]) -> StoredStory {
    StoredStory {
        schema: SCHEMA,
        id: id.into(),
        name: format!("Storia {id}"),
        articles: texts
            .iter()
            .enumerate()
            .map(|(i, t)| StoredArticle {
                name: format!("a{i}.txt"),
                text: (*t).into(),
                meta: Metadata {
                    outlet: Some(format!("Testata {i}")),
                    date: Some("2026-03-14".into()),
                    ..Metadata::default()
                },
                inferred: vec!["date".into()],
            })
            .collect(),
    }
}

/// Writes `raw` under `key` in the stories' store, as another version of
/// the app might have, through the browser's own API.
async fn put_raw(key: &str, raw: &str) {
    use wasm_bindgen::JsValue;
    let script = web_sys::js_sys::Function::new_with_args(
        "key, raw",
        "return new Promise((ok, no) => { const open = indexedDB.open('synoptic'); \
         open.onerror = () => no(open.error); open.onsuccess = () => { \
         const tx = open.result.transaction('stories', 'readwrite'); \
         tx.objectStore('stories').put(raw, key); \
         tx.oncomplete = () => { open.result.close(); ok(); }; tx.onerror = () => no(tx.error); }; });",
    );
    let promise = script
        .call2(&JsValue::NULL, &key.into(), &raw.into())
        .expect("the script runs")
        .dyn_into::<web_sys::js_sys::Promise>()
        .expect("a promise");
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("written");
}

#[wasm_bindgen_test]
async fn stories_stored_are_read_back_as_they_were() {
    let a = story(
        "prima-wasm",
        &["Il comune ha speso 40.000 euro.", "Spesi 41.000 euro."],
    );
    let b = story(
        "seconda-wasm",
        &["Evacuati 120 lavoratori nel porto di Genova."],
    );
    db::put_all(&[a.clone(), b.clone()]).await.expect("stored");
    let loaded = db::load().await.expect("read");
    assert!(loaded.stories.contains(&a), "{:?}", loaded.stories);
    assert!(loaded.stories.contains(&b));
    // Stored again, changed: one record, the new one.
    let mut a2 = a.clone();
    a2.name = "Rinominata".into();
    db::put_all(&[a2.clone()]).await.expect("stored again");
    let loaded = db::load().await.expect("read");
    let found: Vec<_> = loaded.stories.iter().filter(|s| s.id == a.id).collect();
    assert_eq!(found, vec![&a2]);
    db::delete(&a.id).await.expect("deleted");
    db::delete(&b.id).await.expect("deleted");
    let loaded = db::load().await.expect("read");
    assert!(loaded.stories.iter().all(|s| s.id != a.id && s.id != b.id));
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_reported_and_the_rest_still_read() {
    let good = story("integra-wasm", &["Danni per 3 milioni di euro."]);
    db::put_all(std::slice::from_ref(&good))
        .await
        .expect("stored");
    put_raw(
        "rotta-wasm",
        "{\"schema\": 1, \"id\": \"rotta-wasm\", \"name\": ",
    )
    .await;
    let loaded = db::load().await.expect("read");
    assert!(loaded.stories.contains(&good));
    let damaged: Vec<_> = loaded
        .damaged
        .iter()
        .filter(|d| d.key == "rotta-wasm")
        .collect();
    assert_eq!(damaged.len(), 1, "{:?}", loaded.damaged);
    assert_eq!(
        damaged[0].raw,
        "{\"schema\": 1, \"id\": \"rotta-wasm\", \"name\": "
    );
    assert!(!damaged[0].why.is_empty());
    db::delete("rotta-wasm").await.expect("deleted");
    db::delete(&good.id).await.expect("deleted");
}

#[wasm_bindgen_test]
async fn an_analysis_is_kept_under_its_key_and_forgotten_on_request() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    db::put_analysis("analisi-wasm", "v1:abc", &bytes)
        .await
        .expect("kept");
    assert_eq!(db::analysis("analisi-wasm", "v1:abc").await, Some(bytes));
    // Another key (the worker's version or the articles changed): not it.
    assert_eq!(db::analysis("analisi-wasm", "v2:abc").await, None);
    assert_eq!(db::analysis("nessuna-wasm", "v1:abc").await, None);
    db::forget_analysis("analisi-wasm")
        .await
        .expect("forgotten");
    assert_eq!(db::analysis("analisi-wasm", "v1:abc").await, None);
}

#[wasm_bindgen_test]
fn preferences_are_kept_and_read() {
    storage::set("synoptic.test", "en");
    assert_eq!(storage::get("synoptic.test").as_deref(), Some("en"));
    storage::set("synoptic.test", "it");
    assert_eq!(storage::get("synoptic.test").as_deref(), Some("it"));
    assert_eq!(storage::get("synoptic.absent"), None);
}

#[wasm_bindgen_test]
fn the_workers_word_on_an_article_is_read_or_left_out() {
    use synoptic_app::services::worker::article_done;
    use wasm_bindgen::JsValue;
    let parse = |s: &str| web_sys::js_sys::JSON::parse(s).unwrap();
    let a = article_done(&parse(
        r#"{"id":"002","title":"Titolo","outlet":"ANSA","figures":4,"first":[["amount","3 miliardi"],["date","ieri"]]}"#,
    ))
    .unwrap();
    assert_eq!(
        (a.id.as_str(), a.title.as_str(), a.figures),
        ("002", "Titolo", 4)
    );
    assert_eq!(a.outlet.as_deref(), Some("ANSA"));
    assert_eq!(
        a.first,
        [
            ("amount".to_string(), "3 miliardi".to_string()),
            ("date".to_string(), "ieri".to_string())
        ]
    );
    // No outlet, no figures named: still an article.
    let b = article_done(&parse(
        r#"{"id":"001","title":"T","outlet":null,"figures":0,"first":[]}"#,
    ))
    .unwrap();
    assert_eq!((b.outlet, b.first.len()), (None, 0));
    // What is not an article is left out.
    for bad in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        parse("[1]"),
        parse(r#"{"id":"1"}"#),
    ] {
        assert_eq!(article_done(&bad), None);
    }
}
