#!/usr/bin/env python3
"""Consistency checker for the hand-made comparison stories.

Usage:
    python3 check_gold.py              # check every story folder next to this file
    python3 check_gold.py t01-foo ...  # check only the named folders

For every story folder it verifies that
  * each article `<id>.txt` has a `<id>.meta.json` with exactly the expected fields;
  * every `text` (with its `n` occurrence) and every `also` entry of gold.json
    occurs byte for byte in the named article;
  * each quantity has at most one member per outlet and lists exactly one pair
    for every cross-outlet couple of its members, with a valid verdict;
  * `planted` only appears on conflicts; distinct pairs and statement clusters
    point at real substrings.
It prints per story the counts of quantities, pairs by verdict, planted
conflicts, distinct pairs and statement clusters, and exits non-zero on errors.
"""

import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

META_FIELDS = {"outlet", "date", "kind", "state_media", "author", "language", "cites"}
META_KINDS = {"agency", "newspaper", "blog", "press-release", "other"}
QUANTITY_KINDS = {"amount", "percent", "count", "ordinal", "fraction", "multiplier", "event"}
VERDICTS = ("same", "compatible", "conflict")
KNOWN_SPLITS = {"tune", "measure"}
OUTLET_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MIN_WORDS, MAX_WORDS = 150, 450
MIN_ARTICLES, MAX_ARTICLES = 3, 6


class Report:
    def __init__(self, story):
        self.story = story
        self.errors = []
        self.warnings = []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def occurrences(haystack, needle):
    """Start offsets of every (possibly overlapping) occurrence of needle."""
    out = []
    if not needle:
        return out
    i = haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def check_meta(rep, art_id, path, text):
    try:
        with open(path, encoding="utf-8") as f:
            meta = json.load(f)
    except FileNotFoundError:
        rep.err(f"{art_id}: missing {art_id}.meta.json")
        return None
    except json.JSONDecodeError as e:
        rep.err(f"{art_id}.meta.json: invalid JSON ({e})")
        return None
    if not isinstance(meta, dict):
        rep.err(f"{art_id}.meta.json: not an object")
        return None
    keys = set(meta)
    if keys != META_FIELDS:
        missing = META_FIELDS - keys
        extra = keys - META_FIELDS
        if missing:
            rep.err(f"{art_id}.meta.json: missing fields {sorted(missing)}")
        if extra:
            rep.err(f"{art_id}.meta.json: unexpected fields {sorted(extra)}")
    if not isinstance(meta.get("outlet"), str) or not meta.get("outlet", "").strip():
        rep.err(f"{art_id}.meta.json: 'outlet' must be a non-empty string")
    date = meta.get("date")
    try:
        if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
        datetime.date.fromisoformat(date)
    except ValueError:
        rep.err(f"{art_id}.meta.json: 'date' must be YYYY-MM-DD, got {date!r}")
    if meta.get("kind") not in META_KINDS:
        rep.err(f"{art_id}.meta.json: 'kind' must be one of {sorted(META_KINDS)}, got {meta.get('kind')!r}")
    if not isinstance(meta.get("state_media"), bool):
        rep.err(f"{art_id}.meta.json: 'state_media' must be true or false")
    author = meta.get("author")
    if author is not None and not (isinstance(author, str) and author.strip()):
        rep.err(f"{art_id}.meta.json: 'author' must be null or a non-empty string")
    if meta.get("language") != "it":
        rep.warn(f"{art_id}.meta.json: language is {meta.get('language')!r}, expected 'it'")
    cites = meta.get("cites")
    if not isinstance(cites, list):
        rep.err(f"{art_id}.meta.json: 'cites' must be a list")
    else:
        for j, c in enumerate(cites):
            if not isinstance(c, dict) or set(c) != {"name", "quote"}:
                rep.err(f"{art_id}.meta.json: cites[{j}] must be {{name, quote}}")
                continue
            if not isinstance(c["name"], str) or not c["name"].strip():
                rep.err(f"{art_id}.meta.json: cites[{j}].name must be a non-empty string")
            if not isinstance(c["quote"], str) or c["quote"] not in text:
                rep.err(f"{art_id}.meta.json: cites[{j}].quote not found in {art_id}.txt: {c.get('quote')!r}")
    return meta


def check_ref(rep, articles, where, art, text, n=None, quiet=False):
    """A reference to the n-th occurrence (1-based) of text in article art."""
    if art not in articles:
        rep.err(f"{where}: unknown article {art!r}")
        return False
    if not isinstance(text, str) or not text:
        rep.err(f"{where}: empty or missing 'text'")
        return False
    occ = occurrences(articles[art], text)
    if n is None:
        n_eff = 1
    elif isinstance(n, int) and not isinstance(n, bool) and n >= 1:
        n_eff = n
    else:
        rep.err(f"{where}: 'n' must be a positive integer, got {n!r}")
        return False
    if not occ:
        rep.err(f"{where}: text not found in {art}.txt: {text!r}")
        return False
    if n_eff > len(occ):
        rep.err(f"{where}: {text!r} occurs {len(occ)} time(s) in {art}.txt, n={n_eff}")
        return False
    if n is None and len(occ) > 1 and not quiet:
        rep.warn(f"{where}: {text!r} occurs {len(occ)} times in {art}.txt; first one assumed (give 'n')")
    return True


def check_story(folder):
    story = os.path.basename(folder.rstrip("/"))
    rep = Report(story)
    articles = {}
    metas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            art_id = name[:-4]
            if not OUTLET_ID.match(art_id):
                rep.err(f"{name}: outlet id should be short and lower case")
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                articles[art_id] = f.read()
    for name in sorted(os.listdir(folder)):
        if name.endswith(".meta.json") and name[: -len(".meta.json")] not in articles:
            rep.err(f"{name}: no matching article")
    if not (MIN_ARTICLES <= len(articles) <= MAX_ARTICLES):
        rep.err(f"{len(articles)} articles, expected {MIN_ARTICLES}-{MAX_ARTICLES}")
    for art_id, text in articles.items():
        metas[art_id] = check_meta(rep, art_id, os.path.join(folder, art_id + ".meta.json"), text)
        words = len(text.split())
        if not (MIN_WORDS <= words <= MAX_WORDS):
            rep.warn(f"{art_id}.txt: {words} words (expected {MIN_WORDS}-{MAX_WORDS})")

    counts = {"quantities": 0, "pairs": {v: 0 for v in VERDICTS}, "planted": 0,
              "distinct": 0, "statements": 0}
    gold_path = os.path.join(folder, "gold.json")
    try:
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
    except FileNotFoundError:
        rep.err("missing gold.json")
        return rep, counts
    except json.JSONDecodeError as e:
        rep.err(f"gold.json: invalid JSON ({e})")
        return rep, counts

    if gold.get("story") != story:
        rep.err(f"gold.json: 'story' is {gold.get('story')!r}, folder is {story!r}")
    split = gold.get("split")
    if not isinstance(split, str) or not split.strip():
        rep.err("gold.json: 'split' must be a non-empty string")
    elif split not in KNOWN_SPLITS:
        rep.warn(f"gold.json: split {split!r} is not one of {sorted(KNOWN_SPLITS)}")
    for key in ("summary", "modelled_on"):
        if not isinstance(gold.get(key), str) or not gold.get(key).strip():
            rep.err(f"gold.json: '{key}' must be a non-empty string")

    quantities = gold.get("quantities", [])
    if not isinstance(quantities, list):
        rep.err("gold.json: 'quantities' must be a list")
        quantities = []
    for qi, q in enumerate(quantities):
        label = f"quantities[{qi}] ({q.get('what', '?')})"
        counts["quantities"] += 1
        if not isinstance(q.get("what"), str) or not q.get("what").strip():
            rep.err(f"{label}: missing 'what'")
        if not isinstance(q.get("kind"), str) or not q.get("kind"):
            rep.err(f"{label}: missing 'kind'")
        elif q.get("kind") not in QUANTITY_KINDS:
            rep.warn(f"{label}: kind {q.get('kind')!r} is not one of {sorted(QUANTITY_KINDS)}")
        members = q.get("members", [])
        if not isinstance(members, list) or len(members) < 2:
            rep.err(f"{label}: needs at least two members")
            members = members if isinstance(members, list) else []
        outlets = []
        for mi, m in enumerate(members):
            where = f"{label} member {mi}"
            art = m.get("article")
            extra = set(m) - {"article", "text", "n", "also"}
            if extra:
                rep.err(f"{where}: unexpected fields {sorted(extra)}")
            if art in outlets:
                rep.err(f"{where}: outlet {art!r} appears twice (use 'also')")
            outlets.append(art)
            also_texts = {a.get("text") for a in (m.get("also") or []) if isinstance(a, dict)}
            check_ref(rep, articles, where, art, m.get("text"), m.get("n"),
                      quiet=m.get("text") in also_texts)
            for ai, a in enumerate(m.get("also", []) or []):
                if not isinstance(a, dict):
                    rep.err(f"{where} also[{ai}]: must be an object")
                    continue
                check_ref(rep, articles, f"{where} also[{ai}]", art, a.get("text"), a.get("n"))
        expected = set()
        for i in range(len(outlets)):
            for j in range(i + 1, len(outlets)):
                if outlets[i] != outlets[j]:
                    expected.add(frozenset((outlets[i], outlets[j])))
        seen = set()
        for pi, p in enumerate(q.get("pairs", [])):
            where = f"{label} pair {pi}"
            a, b = p.get("a"), p.get("b")
            key = frozenset((a, b))
            if a == b:
                rep.err(f"{where}: a and b are the same outlet")
                continue
            if key not in expected:
                rep.err(f"{where}: ({a}, {b}) is not a pair of this quantity's members")
            if key in seen:
                rep.err(f"{where}: ({a}, {b}) listed more than once")
            seen.add(key)
            v = p.get("verdict")
            if v not in VERDICTS:
                rep.err(f"{where}: verdict must be one of {VERDICTS}, got {v!r}")
            else:
                counts["pairs"][v] += 1
            if "planted" in p:
                if p["planted"] is not True:
                    rep.err(f"{where}: 'planted' should be true or absent")
                elif v != "conflict":
                    rep.err(f"{where}: 'planted' is only for conflicts")
                else:
                    counts["planted"] += 1
            if not isinstance(p.get("why"), str) or not p.get("why").strip():
                rep.err(f"{where}: missing 'why'")
        for key in sorted(expected - seen, key=lambda k: sorted(k)):
            rep.err(f"{label}: missing pair {tuple(sorted(key))}")

    for di, d in enumerate(gold.get("distinct", [])):
        where = f"distinct[{di}]"
        counts["distinct"] += 1
        for side in ("a", "b"):
            r = d.get(side) or {}
            check_ref(rep, articles, f"{where}.{side}", r.get("article"), r.get("text"), r.get("n"))
        if not isinstance(d.get("why"), str) or not d.get("why").strip():
            rep.err(f"{where}: missing 'why'")

    for si, s in enumerate(gold.get("statements", [])):
        where = f"statements[{si}] ({s.get('what', '?')})"
        counts["statements"] += 1
        members = s.get("members", [])
        arts = [m.get("article") for m in members]
        if len(set(arts)) < 2:
            rep.err(f"{where}: needs members from at least two outlets")
        for mi, m in enumerate(members):
            check_ref(rep, articles, f"{where} member {mi}", m.get("article"), m.get("text"), m.get("n"))
    return rep, counts


def main(argv):
    names = argv[1:] or sorted(
        d for d in os.listdir(HERE)
        if os.path.isdir(os.path.join(HERE, d)) and not d.startswith((".", "_"))
    )
    total_errors = 0
    for name in names:
        folder = os.path.join(HERE, name)
        if not os.path.isdir(folder):
            print(f"{name}: no such story folder")
            total_errors += 1
            continue
        rep, c = check_story(folder)
        status = "OK" if not rep.errors else f"{len(rep.errors)} ERROR(S)"
        pv = c["pairs"]
        print(f"{rep.story}: {status} | quantities {c['quantities']} | pairs same {pv['same']}, "
              f"compatible {pv['compatible']}, conflict {pv['conflict']} | planted {c['planted']} | "
              f"distinct {c['distinct']} | statements {c['statements']}")
        for e in rep.errors:
            print(f"  ERROR {e}")
        for w in rep.warnings:
            print(f"  warn  {w}")
        total_errors += len(rep.errors)
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
