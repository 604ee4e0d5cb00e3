#!/usr/bin/env python3
"""Runs of the issue's stock baselines, SQLite FTS5 and PostgreSQL full-text
search, on the same documents and queries as Akhbar's runs, in TREC format.

    baselines.py ENGINE DOCS.jsonl QUERIES.tsv RUN.trec [--work DIR] [--depth N]
    baselines.py ENGINE DOCS.jsonl --build-only [--work DIR]

With --build-only it builds a fresh index of DOCS and prints the seconds it
took and the index's bytes (bench/index_baselines.sh).

ENGINE is `sqlite-fts5` or `postgresql`. DOCS is the JSON Lines file that
akhbar-bench-prepare writes (`id`, `text`), QUERIES the `qid<TAB>query` file
given to `akhbar-search --batch`. Each engine is used as shipped, with its best
stock setting for Arabic and no Arabic-specific help from us:

- SQLite FTS5 (Python's sqlite3 module): tokenizer `unicode61 remove_diacritics
  2` (no Arabic stemmer or normalizer exists for it), ranked by `bm25()`.
- PostgreSQL: the `arabic` text search configuration (Snowball's Arabic
  stemmer, no stopword list), ranked by `ts_rank_cd`; run through `psql` as the
  `postgres` user on a running local server (pg_ctlcluster).

A query is its words ORed, as Akhbar's default is: FTS5 phrases `"w1" OR "w2"`,
PostgreSQL `websearch_to_tsquery('arabic', 'w1 or w2')`. Indexes are kept in
--work (SQLite) or in a database named after the documents (PostgreSQL) and
rebuilt when the documents change. Standard library only.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

# Punctuation the query words are stripped of (FTS5 would reject quotes, and
# both engines' tokenizers drop the rest anyway).
PUNCTUATION = re.compile(r'["«»“”()\[\]{}؟?!.,،؛;:*^+\-]')


def query_words(text):
    return [w for w in (PUNCTUATION.sub(" ", text).split()) if w]


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            qid, sep, text = line.partition("\t")
            if not sep:
                sys.exit(f"{path}:{number}: expected qid<TAB>query, got {line!r}")
            yield qid, text


def read_docs(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            try:
                doc = json.loads(line)
                yield doc["id"], doc.get("text", "")
            except (ValueError, KeyError) as e:
                sys.exit(f"{path}:{number}: not a document: {e}")


def fingerprint(path):
    """Identifies a documents file, so that a stale index is rebuilt."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def write_run(out, qid, ranked, tag):
    for rank, (doc, score) in enumerate(ranked, 1):
        out.write(f"{qid} Q0 {doc} {rank} {score:.6f} {tag}\n")


def sqlite_build(docs, path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", read_docs(docs))
    db.commit()
    db.close()


def sqlite_fts5(args, out):
    os.makedirs(args.work, exist_ok=True)
    name = os.path.splitext(os.path.basename(args.docs))[0]
    if args.build_only:
        path = os.path.join(args.work, f"fts5-{name}-build.sqlite")
        start = time.monotonic()
        sqlite_build(args.docs, path)
        print(f"{time.monotonic() - start:.1f} {os.path.getsize(path)}")
        os.remove(path)
        return
    db_path = os.path.join(args.work, f"fts5-{name}-{fingerprint(args.docs)}.sqlite")
    if not os.path.exists(db_path):
        sqlite_build(args.docs, db_path + ".tmp")
        os.replace(db_path + ".tmp", db_path)
    db = sqlite3.connect(db_path)
    for qid, text in read_queries(args.queries):
        words = query_words(text)
        if not words:
            continue
        match = " OR ".join('"' + w + '"' for w in words)
        # bm25() is lower for better matches; the run reports -bm25.
        rows = db.execute("SELECT id, -bm25(docs) FROM docs WHERE docs MATCH ? "
                          "ORDER BY bm25(docs) LIMIT ?", (match, args.depth)).fetchall()
        write_run(out, qid, rows, "sqlite-fts5")


def psql(database, sql, data=None):
    """Runs `sql` (read by psql from standard input, so it may be long), or
    with `data` one `sql` command whose COPY FROM STDIN reads `data`."""
    command = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database]
    if data is None:
        data = sql
    else:
        command += ["-c", sql]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    done = subprocess.run(command, input=data, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"psql: {done.stderr.strip()}")
    return done.stdout


def tsv_field(s):
    # COPY's text format: backslash, tab and line ends escaped.
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def postgresql(args, out):
    if shutil.which("psql") is None:
        sys.exit("postgresql: psql not found (apt-get install postgresql)")
    name = os.path.splitext(os.path.basename(args.docs))[0]
    database = "akhbar_bench_" + re.sub(r"[^a-z0-9]", "_", name.lower())
    if args.build_only:
        database += "_build"
    stamp = fingerprint(args.docs)
    exists = psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{database}'").strip()
    fresh = exists and not args.build_only and psql(database, "SELECT stamp FROM built").strip() == stamp
    if not fresh:
        if exists:
            psql("postgres", f"DROP DATABASE {database}")
        psql("postgres", f"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0")
        rows = "".join(f"{tsv_field(i)}\t{tsv_field(t)}\n" for i, t in read_docs(args.docs))
        # Timed from the empty table: loading, analyzing and indexing.
        start = time.monotonic()
        psql(database, "CREATE TABLE docs (id text PRIMARY KEY, text text, tsv tsvector "
                       "GENERATED ALWAYS AS (to_tsvector('arabic', text)) STORED)")
        psql(database, "COPY docs (id, text) FROM STDIN", data=rows)
        psql(database, "CREATE INDEX docs_tsv ON docs USING gin (tsv)")
        seconds = time.monotonic() - start
        if args.build_only:
            # The table with its TOAST data (the text) and both indexes.
            size = psql(database, "SELECT pg_total_relation_size('docs')").strip()
            psql("postgres", f"DROP DATABASE {database}")
            print(f"{seconds:.1f} {size}")
            return
        psql(database, f"CREATE TABLE built AS SELECT '{stamp}'::text AS stamp")
    # One psql call for every query: a set-returning statement per query,
    # each row tagged with its qid.
    statements = []
    for qid, text in read_queries(args.queries):
        words = query_words(text)
        if not words:
            continue
        literal = " or ".join(words).replace("'", "''")
        qid_literal = qid.replace("'", "''")
        statements.append(
            f"SELECT '{qid_literal}', id, ts_rank_cd(tsv, q) FROM docs, "
            f"websearch_to_tsquery('arabic', '{literal}') q WHERE tsv @@ q "
            f"ORDER BY 3 DESC, id LIMIT {args.depth};")
    output = psql(database, "\n".join(statements)) if statements else ""
    ranked = {}
    for line in output.splitlines():
        qid, doc, score = line.split("|")
        ranked.setdefault(qid, []).append((doc, float(score)))
    for qid, rows in ranked.items():
        write_run(out, qid, rows, "postgresql")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("engine", choices=["sqlite-fts5", "postgresql"])
    parser.add_argument("docs")
    parser.add_argument("queries", nargs="?")
    parser.add_argument("run", nargs="?")
    parser.add_argument("--work", default=".")
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    engine = sqlite_fts5 if args.engine == "sqlite-fts5" else postgresql
    if args.build_only:
        engine(args, None)
        return
    if args.run is None:
        parser.error("QUERIES and RUN are needed unless --build-only")
    with open(args.run, "w", encoding="utf-8") as out:
        engine(args, out)


if __name__ == "__main__":
    main()
