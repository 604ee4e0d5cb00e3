"""bench/relevance/baselines.py on a hand-made collection: the SQLite FTS5
runs it writes (order, TREC format, depth) and its errors. The PostgreSQL
engine needs a running server and is exercised by bench/relevance/run.sh only.

    python3 tests/bench/test_baselines.py SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
SCRIPT = os.path.join(SOURCE, "bench", "relevance", "baselines.py")

DOCS = """{"id": "both", "text": "وزير الخارجية يزور عمّان"}
{"id": "one", "text": "وزير الزراعة في الحقل، والحقل واسع والمطر غزير"}
{"id": "none", "text": "مباراة كرة القدم انتهت بالتعادل"}
"""


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


class SqliteFts5(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.docs = self.path("docs.jsonl", DOCS)

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name, content):
        p = os.path.join(self.dir.name, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(content)
        return p

    def search(self, queries, *options):
        run_path = os.path.join(self.dir.name, "run.trec")
        done = run("sqlite-fts5", self.docs, self.path("q.tsv", queries), run_path,
                   "--work", self.dir.name, *options)
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(run_path, encoding="utf-8") as f:
            return [line.split() for line in f]

    def test_words_are_ored_and_ranked_by_bm25(self):
        rows = self.search("q1\tوزير الخارجية؟\n")
        # Both words before one; the article with neither is not found.
        self.assertEqual([r[2] for r in rows], ["both", "one"])
        self.assertEqual([r[0] for r in rows], ["q1", "q1"])
        self.assertEqual([r[1] for r in rows], ["Q0", "Q0"])
        self.assertEqual([r[3] for r in rows], ["1", "2"])
        self.assertGreater(float(rows[0][4]), float(rows[1][4]))
        self.assertEqual({r[5] for r in rows}, {"sqlite-fts5"})

    def test_depth_and_query_punctuation(self):
        # Quotes and parentheses would be FTS5 syntax errors if passed on.
        rows = self.search('q2\t"وزير" (الحقل)\nq3\tكرة\n', "--depth", "1")
        self.assertEqual([(r[0], r[2]) for r in rows], [("q2", "one"), ("q3", "none")])

    def test_index_is_rebuilt_when_the_documents_change(self):
        self.assertEqual([r[2] for r in self.search("q\tمباراة\n")], ["none"])
        self.path("docs.jsonl", DOCS.replace("مباراة", "لقاء"))
        self.assertEqual(self.search("q\tمباراة\n"), [])

    def test_build_only_reports_seconds_and_bytes(self):
        done = run("sqlite-fts5", self.docs, "--build-only", "--work", self.dir.name)
        self.assertEqual(done.returncode, 0, done.stderr)
        seconds, size = done.stdout.split()
        self.assertGreaterEqual(float(seconds), 0)
        self.assertGreater(int(size), 0)
        # The measured index is not left behind.
        self.assertFalse([f for f in os.listdir(self.dir.name) if f.endswith(".sqlite")])

    def test_bad_input_names_file_and_line(self):
        self.path("docs.jsonl", DOCS + "{not json\n")
        done = run("sqlite-fts5", self.docs, self.path("q.tsv", "q\tوزير\n"),
                   os.path.join(self.dir.name, "run.trec"), "--work", self.dir.name)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("docs.jsonl:4:", done.stderr)
        self.path("docs.jsonl", DOCS)
        done = run("sqlite-fts5", self.docs, self.path("q.tsv", "no tab here\n"),
                   os.path.join(self.dir.name, "run.trec"), "--work", self.dir.name)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("q.tsv:1: expected qid<TAB>query", done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
