//! The query part of a hash route (`#/figures?sort=verdict&diff=1`): read
//! leniently (anything unknown is ignored), written in a stable order.

/// Value of `key` in a query string (`?a=1&b=2` or `a=1&b=2`).
pub fn get(query: &str, key: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.replace('+', " "))
}

/// True if `key` is `1`, `true` or `yes`.
pub fn flag(query: &str, key: &str) -> bool {
    get(query, key).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"))
}

/// A query string from pairs, leaving out empty values.
pub fn build(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes() {
        assert_eq!(
            get("?sort=verdict&diff=1", "sort").as_deref(),
            Some("verdict")
        );
        assert!(flag("diff=1", "diff"));
        assert!(!flag("?diff=0", "diff"));
        assert_eq!(get("?x", "x"), None);
        assert_eq!(
            build(&[("sort", "kind"), ("diff", ""), ("kind", "amount")]),
            "?sort=kind&kind=amount"
        );
        assert_eq!(build(&[]), "");
    }
}
