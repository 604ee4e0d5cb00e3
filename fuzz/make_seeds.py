#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into OUTDIR, from the committed
seeds (fuzz/corpus/TARGET/) and from the project's test data, so that the
repository keeps only small hand-written files and reproducers.

usage: make_seeds.py TARGET OUTDIR
"""
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# C++ string literals of a test file (plain ones: enough for seeds).
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def literals(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    for m in LITERAL.finditer(text):
        s = m.group(1)
        if s and "\\" not in s:
            yield s.encode("utf-8")


def lines(path, limit=None):
    data = (ROOT / path).read_bytes().split(b"\n")
    return [line for line in data if line.strip()][:limit]


def generated(target):
    articles = sorted((ROOT / "corpus").glob("*.txt"))
    if target == "analyzer":
        for a in articles:
            yield from lines(a.relative_to(ROOT))
        for tsv in sorted((ROOT / "tests/data").glob("lucene_*.tsv")):
            for line in lines(tsv.relative_to(ROOT)):
                if not line.startswith(b"#"):
                    yield line.split(b"\t")[0]
        yield from literals("tests/common/test_analyzer.cpp")
    elif target == "dates":
        yield from literals("tests/common/test_dates.cpp")
        for a in articles:
            yield from lines(a.relative_to(ROOT), 8)
    elif target == "plain_text":
        for a in articles:
            yield a.read_bytes()
        yield from literals("tests/indexer/test_plain_text.cpp")
    elif target == "jsonl":
        sample = lines("tests/data/ant_sample.jsonl", 12)
        yield from sample
        yield b"\n".join(sample[:3]) + b"\n"
        yield from literals("tests/indexer/test_sources.cpp")
    elif target == "query_parser":
        yield from literals("tests/searcher/test_searcher.cpp")
        # Issue #15, defect 1 (stack overflow on nesting): made here, 40 KB.
        yield b"(" * 20000 + "اتفاق".encode("utf-8") + b")" * 20000
    else:
        sys.exit(f"make_seeds.py: unknown target {target!r}")


def main():
    target, outdir = sys.argv[1], pathlib.Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    count = 0
    seeds = list(generated(target))
    committed = ROOT / "fuzz/corpus" / target
    if committed.is_dir():
        seeds += [p.read_bytes() for p in sorted(committed.iterdir()) if p.is_file()]
    for seed in seeds:
        # Named by content, as libFuzzer names corpus files: duplicates merge.
        (outdir / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        count += 1
    print(f"{target}: {count} seeds in {outdir}")


if __name__ == "__main__":
    main()
