#!/usr/bin/env python3
"""Check the gold files of the Italian news evaluation set.

For every ``*.gold.json`` in this folder (or only the files / ids given on the
command line) the script loads the matching ``.txt`` article and verifies that

* every ``text`` of ``figures``, ``not_figures`` and ``chrome_figures`` occurs
  in the article at least ``n`` times (``n`` defaults to 1; occurrences are
  counted at every start position, so overlapping matches count);
* every field has an allowed value (kinds, families, qualifiers, units of
  quantities, ISO days, clocks, IANA zones, notes);
* body figures are listed in text order (a warning, not an error).

It then prints the number of figures per family and per kind.

Usage:  python3 check_gold.py [-v] [FILE_OR_ID_OR_PREFIX ...]
        e.g. python3 check_gold.py t        (only files whose id starts with t)
Exit status is 1 when any error was found.
"""
import datetime
import glob
import json
import os
import re
import sys
from collections import Counter

try:
    import zoneinfo
except ImportError:  # Python < 3.9
    zoneinfo = None

HERE = os.path.dirname(os.path.abspath(__file__))

STYLES = {"agency", "newspaper", "broadcaster", "liveblog", "press_release",
          "aggregator", "blog"}
SPLITS = {"tune", "measure"}
QUANTITY_KINDS = {"amount", "percent", "count", "number", "ordinal",
                  "fraction", "multiplier"}
TIME_KINDS = {"date", "period", "time"}
KINDS = QUANTITY_KINDS | TIME_KINDS
FAMILIES = {"clock", "holiday", "bounded", "period", "weekday", "number",
            "money", "plain"}
QTY_QUALIFIERS = {"over", "at_least", "under", "at_most", "about", "almost",
                  "emphatic", "range"}
DATE_QUALIFIERS = {"before", "after", "since", "until", "by"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "midday",
                "midnight"}
CURRENCIES = {"USD", "EUR", "CNY", "RUB", "GBP", "JPY", "CHF"}
NOTES = {"weekday_mismatch"}

TOP_KEYS = {"id", "style", "split", "reference", "modelled_on", "figures",
            "not_figures", "chrome_figures"}
QTY_KEYS = {"text", "n", "kind", "value", "unit", "qualifier", "change",
            "subject", "period", "family", "note"}
TIME_KEYS = {"text", "n", "kind", "days", "clock", "zone", "qualifier",
             "family", "note"}
ASIDE_KEYS = {"text", "n", "why"}

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HHMM = r"(?:[01]\d|2[0-3]):[0-5]\d"
CLOCK_RE = re.compile(r"^%s(?:-%s)?$" % (HHMM, HHMM))


def occurrences(haystack, needle):
    """Start positions of needle in haystack, overlapping matches included."""
    out, i = [], haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def parse_day(s):
    if not isinstance(s, str) or not DAY_RE.match(s):
        raise ValueError(s)
    return datetime.date.fromisoformat(s)


def check_days(days):
    """Return None if days is a valid day or inclusive range, else a message."""
    if not isinstance(days, str):
        return "days must be a string"
    parts = days.split("/")
    try:
        if len(parts) == 1:
            parse_day(parts[0])
        elif len(parts) == 2:
            a, b = parse_day(parts[0]), parse_day(parts[1])
            if a > b:
                return "days range is reversed: %s" % days
        else:
            return "bad days: %s" % days
    except ValueError:
        return "bad days: %s" % days
    return None


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Checker:
    def __init__(self, verbose=False):
        self.errors = 0
        self.warnings = 0
        self.verbose = verbose
        self.family = Counter()
        self.kind = Counter()
        self.family_by_split = {}
        self.files = 0
        self.figures = 0

    def err(self, where, msg):
        self.errors += 1
        print("ERROR %s: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings += 1
        print("warning %s: %s" % (where, msg))

    def check_text(self, where, entry, text):
        t = entry.get("text")
        if not isinstance(t, str) or not t:
            self.err(where, "text must be a non-empty string")
            return None
        n = entry.get("n", 1)
        if "n" in entry and (not isinstance(n, int) or isinstance(n, bool)
                             or n < 2):
            self.err(where, "n must be an integer >= 2 when given (got %r)" % (n,))
            return None
        occ = occurrences(text, t)
        if len(occ) < n:
            self.err(where, "text %r occurs %d time(s), n=%d"
                     % (t, len(occ), n))
            return None
        return occ[n - 1]

    def check_quantity(self, where, f):
        for k in f:
            if k not in QTY_KEYS:
                self.err(where, "unknown key %r for a quantity" % k)
        for k in ("value", "unit", "qualifier", "change", "subject"):
            if k not in f:
                self.err(where, "missing %r" % k)
        v = f.get("value")
        if isinstance(v, list):
            if len(v) != 2 or not all(is_number(x) for x in v):
                self.err(where, "a range value must be [lo, hi] numbers")
            elif v[0] > v[1]:
                self.err(where, "range value must be [lo, hi], got %r" % (v,))
        elif not is_number(v):
            self.err(where, "value must be a number or [lo, hi]")
        u = f.get("unit")
        if u is not None and (not isinstance(u, str) or not u):
            self.err(where, "unit must be a non-empty string or null")
        if f.get("kind") == "amount" and u not in CURRENCIES:
            self.err(where, "amount unit must be one of %s" % sorted(CURRENCIES))
        if f.get("kind") == "percent" and u not in ("%", "pp"):
            self.err(where, "percent unit must be %% or pp")
        if f.get("kind") == "multiplier" and u != "×":
            self.err(where, "multiplier unit must be ×")
        q = f.get("qualifier")
        if q is not None and q not in QTY_QUALIFIERS:
            self.err(where, "bad qualifier %r for a quantity" % q)
        if isinstance(v, list) and q != "range":
            self.warn(where, "range value without qualifier 'range'")
        if not isinstance(f.get("change"), bool):
            self.err(where, "change must be true or false")
        s = f.get("subject")
        if not isinstance(s, str) or not s.strip():
            self.err(where, "subject must be a non-empty string")
        if "period" in f and (not isinstance(f["period"], str) or not f["period"]):
            self.err(where, "period must be a non-empty string when given")

    def check_time(self, where, f):
        for k in f:
            if k not in TIME_KEYS:
                self.err(where, "unknown key %r for a %s" % (k, f.get("kind")))
        msg = check_days(f.get("days"))
        if msg:
            self.err(where, msg)
        c = f.get("clock")
        if c is not None:
            if not isinstance(c, str) or not (CLOCK_RE.match(c) or c in PARTS_OF_DAY):
                self.err(where, "bad clock %r" % (c,))
        if f.get("kind") == "time" and c is None:
            self.err(where, "a time needs a clock")
        if f.get("kind") != "time" and c is not None:
            self.err(where, "clock is only for kind time")
        z = f.get("zone")
        if z is not None:
            if c is None:
                self.err(where, "zone without clock")
            if zoneinfo is not None:
                try:
                    zoneinfo.ZoneInfo(z)
                except Exception:
                    self.err(where, "unknown zone %r" % (z,))
        q = f.get("qualifier")
        if q is not None and q not in DATE_QUALIFIERS:
            self.err(where, "bad qualifier %r for a %s" % (q, f.get("kind")))

    def check_file(self, path):
        self.files += 1
        name = os.path.basename(path)
        stem = name[:-len(".gold.json")]
        try:
            with open(path, encoding="utf-8") as fh:
                gold = json.load(fh)
        except Exception as e:  # noqa: BLE001
            self.err(name, "cannot load JSON: %s" % e)
            return
        txt_path = os.path.join(os.path.dirname(path), stem + ".txt")
        try:
            with open(txt_path, encoding="utf-8") as fh:
                text = fh.read()
        except Exception as e:  # noqa: BLE001
            self.err(name, "cannot read %s: %s" % (os.path.basename(txt_path), e))
            return
        for k in gold:
            if k not in TOP_KEYS:
                self.err(name, "unknown top-level key %r" % k)
        for k in TOP_KEYS:
            if k not in gold:
                self.err(name, "missing top-level key %r" % k)
        if gold.get("id") != stem:
            self.err(name, "id %r does not match the file name" % gold.get("id"))
        if gold.get("style") not in STYLES:
            self.err(name, "style %r not in %s" % (gold.get("style"), sorted(STYLES)))
        if gold.get("split") not in SPLITS:
            self.err(name, "split %r not in %s" % (gold.get("split"), sorted(SPLITS)))
        try:
            parse_day(gold.get("reference"))
        except ValueError:
            self.err(name, "reference must be YYYY-MM-DD")
        if not isinstance(gold.get("modelled_on"), str) or not gold.get("modelled_on"):
            self.err(name, "modelled_on must be a non-empty string")

        split = gold.get("split")
        fam_split = self.family_by_split.setdefault(split, Counter())
        last = -1
        figures = gold.get("figures") or []
        for i, f in enumerate(figures):
            where = "%s figure %d (%r)" % (name, i + 1, f.get("text"))
            pos = self.check_text(where, f, text)
            kind, family = f.get("kind"), f.get("family")
            if kind not in KINDS:
                self.err(where, "bad kind %r" % (kind,))
            elif kind in QUANTITY_KINDS:
                self.check_quantity(where, f)
            else:
                self.check_time(where, f)
            if family not in FAMILIES:
                self.err(where, "bad family %r" % (family,))
            if "note" in f and f["note"] not in NOTES:
                self.err(where, "bad note %r" % (f["note"],))
            if pos is not None:
                if pos < last:
                    self.warn(where, "figure listed out of text order")
                last = pos
            self.kind[kind] += 1
            self.family[family] += 1
            fam_split[family] += 1
            self.figures += 1
        for key in ("not_figures", "chrome_figures"):
            entries = gold.get(key)
            if not isinstance(entries, list):
                self.err(name, "%s must be a list" % key)
                continue
            for i, e in enumerate(entries):
                where = "%s %s %d (%r)" % (name, key, i + 1, e.get("text"))
                for k in e:
                    if k not in ASIDE_KEYS:
                        self.err(where, "unknown key %r" % k)
                self.check_text(where, e, text)
                if not isinstance(e.get("why"), str) or not e.get("why"):
                    self.err(where, "why must be a non-empty string")
        if self.verbose:
            print("%s: %d figures, %d not_figures, %d chrome_figures"
                  % (name, len(figures), len(gold.get("not_figures") or []),
                     len(gold.get("chrome_figures") or [])))


def select(args):
    paths = sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    if not args:
        return paths
    out = []
    for a in args:
        if a.endswith(".gold.json") and os.path.exists(a):
            out.append(a)
            continue
        out.extend(p for p in paths if os.path.basename(p).startswith(a))
    return sorted(set(out))


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    paths = select(args)
    if not paths:
        print("no gold files selected")
        return 1
    c = Checker(verbose)
    for p in paths:
        c.check_file(p)
    print("\n%d files, %d figures, %d errors, %d warnings"
          % (c.files, c.figures, c.errors, c.warnings))
    print("\nper family:")
    for k in sorted(FAMILIES):
        print("  %-8s %4d" % (k, c.family[k]))
    print("\nper kind:")
    for k in sorted(KINDS):
        print("  %-10s %4d" % (k, c.kind[k]))
    if len(c.family_by_split) > 1:
        print("\nper family and split:")
        splits = sorted(s for s in c.family_by_split if s is not None)
        print("  %-8s " % "" + " ".join("%8s" % s for s in splits))
        for k in sorted(FAMILIES):
            print("  %-8s " % k + " ".join("%8d" % c.family_by_split[s][k]
                                           for s in splits))
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
