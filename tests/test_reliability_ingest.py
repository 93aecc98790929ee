"""Ingest under accident and attack: one bad record, file or path never costs the others.

Reproduces the ingest cases of the reliability audit: bad JSONL lines (deep nesting, lone
surrogates, U+2028 inside strings), FIFOs and devices, duplicate paths, UTF-16, broken
symlinks, a huge document, invalid dates.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from conftest import _model_available, run_kg
from kg.ingest import IngestWarning, read_documents

GOOD = "Kestrel Air opened a route to Oslo, the airline said."


def read(paths, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(read_documents(paths, **kwargs))
    return docs, [str(w.message) for w in caught if issubclass(w.category, IngestWarning)]


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
    return path


def test_bad_jsonl_lines_are_skipped_with_file_and_line_and_the_rest_is_read(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "deep", "text": "x", "extra": ' + deep + "}",  # RecursionError in json
        deep,
        "{broken",
        json.dumps({"id": "b", "text": "Orrin Labs hired Amara Kibet."}),
    ]
    docs, warns = read([_jsonl(tmp_path / "in.jsonl", lines)])
    assert [d.id for d in docs] == ["a", "b"]
    for lineno in (2, 3, 4):
        where = f"{tmp_path / 'in.jsonl'}:{lineno}: skipped"
        assert any(w.startswith(where) for w in warns), lineno


def test_lone_surrogates_are_sanitised_in_text_and_title(tmp_path):
    from kg.model import Extraction
    from kg.store import dump, load, snapshot_of

    lines = [
        '{"id": "s1", "text": "Orrin Labs \\ud800 hired Amara Kibet.",'
        ' "title": "Bad \\udfff title"}',
        json.dumps({"id": "s2", "text": GOOD}),
    ]
    docs, _ = read([_jsonl(tmp_path / "s.jsonl", lines)])
    assert [d.id for d in docs] == ["s1", "s2"]
    for d in docs:
        (d.text + (d.title or "")).encode("utf-8")  # raises on a lone surrogate
    assert "\ufffd" in docs[0].text and docs[0].title == "Bad \ufffd title"
    # what crashed store.dump after graph.ttl was already replaced
    dump(tmp_path / "x.jsonl", snapshot_of(docs, [Extraction(document=d) for d in docs], [],
                                           model="m", base="https://e/", title="t", html=False,
                                           max_nodes=None))
    assert [d.title for d in load(tmp_path / "x.jsonl").documents] == [docs[0].title, None]


def test_jsonl_lines_are_split_on_newline_only(tmp_path):
    lines = [json.dumps({"id": f"r{sep}", "text": f"Orrin Labs hired Amara{ch}Kibet in {sep}."},
                        ensure_ascii=False) for sep, ch in
             (("2028", "\u2028"), ("2029", "\u2029"), ("0085", "\u0085"), ("000c", "\x0c"))]
    lines.append("{not json")
    docs, warns = read([_jsonl(tmp_path / "u.jsonl", lines)])
    assert [d.id for d in docs] == ["r2028", "r2029", "r0085", "r000c"]
    assert [w.split(": ")[0] for w in warns] == [f"{tmp_path / 'u.jsonl'}:5"]  # line number right


def test_crlf_jsonl_and_a_cp1252_line(tmp_path):
    data = (json.dumps({"id": "a", "text": GOOD}).encode() + b"\r\n"
            + '{"id": "b", "text": "Caf\u00e9 Ren\u00e9e opened in Bruges."}'.encode("cp1252"))
    (tmp_path / "c.jsonl").write_bytes(data)
    docs, warns = read([tmp_path / "c.jsonl"])
    assert [d.id for d in docs] == ["a", "b"] and docs[1].text.startswith("Caf\u00e9 Ren\u00e9e")
    assert any("c.jsonl:2" in w and "cp1252" in w for w in warns)


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", True), ("utf-16-be", True),
                                           ("utf-16-le", False), ("utf-16-be", False)])
def test_utf16_text_is_decoded(tmp_path, encoding, bom):
    text = "Caf\u00e9 Ren\u00e9e opened a shop in Bruges, its owner said.\n"
    data = ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)
    (tmp_path / "u16.txt").write_bytes(data)
    (doc,), warns = read([tmp_path])
    assert doc.text == text and warns == []


def test_utf16_jsonl_is_decoded(tmp_path):
    line = json.dumps({"id": "w", "text": GOOD}) + "\n"
    (tmp_path / "w.jsonl").write_bytes(("\ufeff" + line * 2).encode("utf-16-le"))
    docs, _ = read([tmp_path / "w.jsonl"])
    assert [d.id for d in docs] == ["w"]  # the same text twice is one document


def _read_in_child(paths: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """read_documents in a child with a deadline: a FIFO that is opened would block forever."""
    code = ("import sys, warnings; from kg.ingest import read_documents\n"
            "warnings.formatwarning = lambda m, *a, **k: f'warning: {m}\\n'\n"
            "print(len(list(read_documents(sys.argv[1:]))))")
    return subprocess.run([sys.executable, "-c", code, *paths], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_devices_are_refused_never_read(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    os.mkfifo(tmp_path / "given.txt")
    proc = _read_in_child(["in", "given.txt", "/dev/zero"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1"
    assert "in/pipe.txt: skipped: not a regular file (a FIFO)" in proc.stderr
    assert "given.txt: skipped: not a regular file (a FIFO)" in proc.stderr
    assert "/dev/zero: skipped: not a regular file (a device)" in proc.stderr
    # the command line: nothing readable left is a one-line error, not a hang or MemoryError
    proc = run_kg("build", "given.txt", "/dev/zero", "--out", "out", cwd=tmp_path, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1].startswith("error: no readable documents")
    assert not (tmp_path / "out").exists()


def test_the_same_file_named_several_ways_is_read_once(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "sub" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "a" / "sub" / "good.txt", tmp_path / "a" / "link.txt")
    paths = [tmp_path / "a", tmp_path / "a" / "sub" / "good.txt", tmp_path / "a" / "sub",
             tmp_path / "a" / "sub" / ".." / "sub" / "good.txt"]
    from kg.ingest import Report

    report = Report()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning either
        docs = list(read_documents(paths, report=report))
    assert len(docs) == 1 and docs[0].sources == ()
    assert report.files == 1 and len(report.repeated) == 4


def test_dangling_and_looping_symlinks_in_a_folder_are_warned(tmp_path):
    (tmp_path / "in" / "deeper").mkdir(parents=True)
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "in" / "dangling.txt")
    os.symlink(tmp_path / "in" / "loop1.txt", tmp_path / "in" / "loop2.txt")
    os.symlink(tmp_path / "in" / "loop2.txt", tmp_path / "in" / "loop1.txt")
    os.symlink(tmp_path / "in", tmp_path / "in" / "deeper" / "up")  # a folder loop
    docs, warns = read([tmp_path / "in"])
    assert len(docs) == 1
    assert any("dangling.txt: skipped: dangling symlink" in w for w in warns)
    assert any("loop1.txt: skipped: symlink loop" in w for w in warns)
    assert any("loop2.txt: skipped: symlink loop" in w for w in warns)
    assert any("deeper/up: skipped: symlink loop" in w for w in warns)


def test_a_huge_document_is_capped_with_a_warning(tmp_path):
    words = "cargo " * 200_000  # 1.2 MB in one line: no sentence or line break to cut at
    (tmp_path / "huge.txt").write_text("Kestrel Air opened a route to Oslo. " + words,
                                       encoding="utf-8")
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    docs, warns = read([tmp_path], max_chars=50_000)
    huge = next(d for d in docs if d.source.endswith("huge.txt"))
    assert len(huge.text) <= 50_000 and huge.text.startswith("Kestrel Air")
    assert any("huge.txt" in w and "--max-chars" in w for w in warns)
    assert len(docs) == 2


def test_a_huge_jsonl_record_is_skipped_and_the_next_line_read(tmp_path):
    big = json.dumps({"id": "big", "text": "x " * 2_000_000})
    lines = [big, json.dumps({"id": "ok", "text": GOOD})]
    docs, warns = read([_jsonl(tmp_path / "big.jsonl", lines)], max_chars=100_000)
    assert [d.id for d in docs] == ["ok"]
    assert any("big.jsonl:1: skipped: record longer than" in w for w in warns)


def test_a_big_file_is_read_only_up_to_the_cap(tmp_path):
    """A 20 MB single line: reading stops at the cap instead of loading all of it."""
    import tracemalloc

    path = tmp_path / "line.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(200):
            fh.write("Kestrel Air flies to Oslo " * 4000)  # ~20 MB, no newline
    tracemalloc.start()
    docs, warns = read([path], max_chars=100_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(docs[0].text) <= 100_000 and any("only its start is read" in w for w in warns)
    assert peak < 5_000_000  # bytes: a bounded prefix of the file was read, not 20 MB


def test_invalid_dates_are_warned_and_kept_as_plain_text(tmp_path):
    lines = [json.dumps({"id": "d1", "text": GOOD, "date": "2024-13-45"}),
             json.dumps({"id": "d2", "text": "Orrin Labs hired Amara.",
                         "date": "2024-02-29T10:00Z"})]
    docs, warns = read([_jsonl(tmp_path / "d.jsonl", lines)])
    assert [d.date for d in docs] == ["2024-13-45", "2024-02-29"]
    assert any("d.jsonl:1" in w and "2024-13-45" in w for w in warns)
    (tmp_path / "f.md").write_text('---\ndate: "2024-13-45"\n---\n' + GOOD, encoding="utf-8")
    (doc,), warns = read([tmp_path / "f.md"])
    assert doc.date == "2024-13-45" and any("f.md" in w for w in warns)


def test_a_record_that_breaks_a_reader_costs_only_that_file(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")

    def broken(*a, **k):
        raise ValueError("parser exploded")

    monkeypatch.setattr("kg.ingest.html.extract_page", broken)
    docs, warns = read([tmp_path])
    assert [d.text for d in docs] == [GOOD]
    assert any("a.html: skipped: cannot read (ValueError: parser exploded)" in w for w in warns)


def test_kg_add_recognises_documents_whatever_the_path():
    """store.reconcile: the same text is unchanged; a changed file replaces its old version."""
    from kg.model import Document
    from kg.store import reconcile

    old = [Document(id="k1", text="One.", source="a/sub/x.txt", locations=("/r/a/sub/x.txt",)),
           Document(id="k2", text="Two.", source="a/y.txt", locations=("/r/a/y.txt",))]
    new = [Document(id="k1", text="One.", source="sub/x.txt", locations=("/r/a/sub/x.txt",)),
           Document(id="k9", text="Two, edited.", source="y.txt", locations=("/r/a/y.txt",)),
           Document(id="k3", text="Three.", source="z.txt", locations=("/r/a/z.txt",))]
    previous, matched = reconcile(old, new)
    assert [d.id for d in previous] == ["k1", "k9"]  # k2 is now the place of its new text
    assert previous[1].text == "Two."  # ...and still holds the old text, so it is "replaced"
    assert [d.id for d in matched] == ["k1", "k9", "k3"]


@pytest.mark.slow
@pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")
def test_build_then_add_a_subfolder_adds_nothing_twice(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "top.txt").write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "a" / "sub" / "news.txt").write_text(
        "Orrin Labs partnered with Meridel Health in Nairobi, the companies said.\n",
        encoding="utf-8")
    (tmp_path / "a" / "sub" / "same.txt").write_text(GOOD + "\n", encoding="utf-8")
    proc = run_kg("build", "a", "--out", "out", "--no-html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    graph = (tmp_path / "out" / "graph.ttl").read_bytes()
    proc = run_kg("add", "a/sub/", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "0 added, 0 replaced, 2 unchanged" in proc.stderr
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == graph
    proc = run_kg("add", str(tmp_path / "a" / "sub" / "news.txt"), "--out", "out", cwd=tmp_path)
    assert "0 added, 0 replaced, 1 unchanged" in proc.stderr


@pytest.mark.slow
@pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")
def test_hostile_jsonl_builds_end_to_end(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": GOOD, "date": "2024-13-45"}),
        "[" * 50_000,
        '{"id": "s", "text": "Orrin Labs \\ud800 hired Amara Kibet.", "title": "T \\ud800"}',
        json.dumps({"id": "u", "text": "Meridel Health\u2028opened a clinic in Nairobi."},
                   ensure_ascii=False),
    ]
    _jsonl(tmp_path / "in.jsonl", lines)
    proc = run_kg("build", "in.jsonl", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "in.jsonl:2: skipped" in proc.stderr
    from rdflib import Graph, Literal
    from rdflib.namespace import DCTERMS

    from kg.vocab import KG

    g = Graph().parse(tmp_path / "out" / "graph.ttl")  # parses: no surrogate, no bad xsd:date
    assert {str(o) for o in g.objects(None, KG.sourcePath)} == {"in.jsonl:1", "in.jsonl:3",
                                                                 "in.jsonl:4"}
    assert set(g.objects(None, DCTERMS.date)) == {Literal("2024-13-45")}
    assert Literal("T \ufffd") in set(g.objects(None, DCTERMS.title))


@pytest.mark.slow
@pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")
def test_a_long_single_line_document_builds(tmp_path):
    (tmp_path / "long.txt").write_text("Kestrel Air opened a route to Oslo " * 30_000,
                                       encoding="utf-8")  # ~1 MB, one line, no sentence end
    proc = run_kg("build", "long.txt", "--out", "out", "--no-html", "--max-chars", "400000",
                  cwd=tmp_path, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert "long.txt: truncated to" in proc.stderr or "only its start is read" in proc.stderr
