"""Peer of `cargo xtask bench`: text2num's `alpha2digit(text, "it")` over the
files (or directories of files) given, timed like Synoptic's
`synoptic-bench extract`: a first run (the warm-up, or the only run when it
takes 5 s or more), then runs for at least 2 s and 3 runs; the median.
Prints one line:
  peer name=text2num version=... bytes=... runs=... median_s=... mb_s=... found=...
(`found` is the number of characters of the rewritten texts).
"""

import importlib.metadata
import os
import sys
import time

from text_to_num import alpha2digit


def files_of(args):
    for p in args:
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                yield os.path.join(p, f)
        else:
            yield p


def main():
    files = list(files_of(sys.argv[1:]))
    texts = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            texts.append(fh.read())
    size = sum(os.path.getsize(f) for f in files)

    def once():
        return sum(len(alpha2digit(t, "it")) for t in texts)

    t = time.perf_counter()
    found = once()
    first = time.perf_counter() - t
    samples = []
    if first >= 5:
        samples.append(first)
    else:
        start = time.perf_counter()
        while time.perf_counter() - start < 2 or len(samples) < 3:
            t = time.perf_counter()
            once()
            samples.append(time.perf_counter() - t)
    samples.sort()
    secs = samples[len(samples) // 2]
    version = importlib.metadata.version("text2num")
    print(
        f"peer name=text2num version={version} bytes={size} runs={len(samples)} "
        f"median_s={secs:.6f} mb_s={size / 1e6 / secs:.3f} found={found}"
    )


main()
