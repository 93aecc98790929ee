from __future__ import annotations

import json
import warnings

import pytest

from kg.ingest import IngestWarning, InputError, headline, read_documents
from kg.nlp import chunks


def read(paths):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(read_documents(paths))
    return docs, [str(w.message) for w in caught if issubclass(w.category, IngestWarning)]


def test_bom_crlf_and_date_marker(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf date 2024-11-17 Acme Corp opened.\r\nSecond line.\r\n")
    (doc,), warns = read([tmp_path])
    assert doc.date == "2024-11-17"
    assert doc.text.startswith("Acme Corp opened.\nSecond line.")
    assert "\r" not in doc.text and "date" not in doc.text[:10]
    assert warns == []


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "win.txt").write_bytes("Caf\u00e9 owner said \u201chello\u201d.".encode("cp1252"))
    (doc,), warns = read([tmp_path])
    assert "\u201chello\u201d" in doc.text
    assert len(warns) == 1 and "win.txt" in warns[0] and "cp1252" in warns[0]


@pytest.mark.parametrize(
    "name, data, reason",
    [("empty.txt", b"", "empty"), ("blank.md", b"  \n\t\n", "empty"), ("bin.txt", b"\x00\x01\x02PNG\x00" * 50, "binary")],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text("Acme Corp hired Jane Doe.", encoding="utf-8")
    docs, warns = read([tmp_path])
    assert [d.source for d in docs] == [str(tmp_path / "ok.txt")]
    assert any(name in w and reason in w for w in warns)


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([tmp_path / "nope"]))


def test_folders_are_recursive_each_file_read_once_and_ids_unique(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("One text here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Another text here.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    docs, _ = read([tmp_path, tmp_path / "a.txt"])  # a.txt twice: read once
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids)) == 2
    assert sorted(d.source for d in docs) == [str(tmp_path / "a.txt"), str(tmp_path / "x" / "a.txt")]


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": "Acme Corp hired Jane Doe.", "title": "Hiring", "date": "2024-01-02", "url": "https://example.com/1"}),
        "{not json",
        json.dumps({"id": "n2", "body": "no text field"}),
        json.dumps({"id": "n3", "text": "Second story."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, warns = read([tmp_path / "feed.jsonl"])
    assert [d.id for d in docs] == ["n1", "n3"]
    assert docs[0].title == "Hiring" and docs[0].date == "2024-01-02" and docs[0].url == "https://example.com/1"
    assert any("feed.jsonl:2" in w for w in warns) and any("feed.jsonl:3" in w for w in warns)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Acme Buys Widget Maker\nAcme Corp said on Monday it bought Widgets Ltd.", "Acme Buys Widget Maker"),
        ("Acme Corp said on Monday it bought Widgets Ltd. The deal closed.\nMore.", None),
        ("Single line without a body", None),
    ],
)
def test_headline_becomes_title(text, expected):
    assert headline(text) == expected


def test_chunks_cover_the_text_at_line_breaks():
    text = ("A sentence about Acme Corp.\n" * 40_000)[:1_050_000]
    pieces = list(chunks(text, 100_000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100_000 for _, p in pieces)
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert all(p.endswith("\n") for _, p in pieces[:-1])


def test_an_explicit_file_of_another_kind_is_read_with_a_warning(tmp_path):
    (tmp_path / "notes.log").write_text("Acme Corp hired Jo Bloggs.", encoding="utf-8")
    docs, warns = read([tmp_path / "notes.log"])
    assert [d.text for d in docs] == ["Acme Corp hired Jo Bloggs."]
    assert any("notes.log" in w and "plain text" in w for w in warns)


def test_saved_extractions_in_an_input_folder_are_not_read_as_articles(tmp_path):
    from kg.model import Document, Extraction
    from kg.store import dump, snapshot_of

    (tmp_path / "a.txt").write_text("Acme Corp hired Jane Doe.", encoding="utf-8")
    out = tmp_path / "exports"  # kg build news --out news/exports, then kg build news again
    out.mkdir()
    doc = Document(id="a.txt", text="Acme Corp hired Jane Doe.", source="a.txt")
    dump(out / "extractions.jsonl", snapshot_of([doc], [Extraction(document=doc)], [], model="m", base="https://e/", title="t", html=False, max_nodes=None))
    docs, warns = read([tmp_path])
    assert [d.source for d in docs] == [str(tmp_path / "a.txt")]
    assert len(warns) == 1 and "extractions.jsonl" in warns[0] and "not articles" in warns[0]


def test_parse_batches_are_bounded_in_characters_and_keep_order():
    from kg.nlp import BATCH_CHARS, CHUNK_CHARS, _batches

    long_doc = [("x" * CHUNK_CHARS, ("long", i)) for i in range(40)]  # one long document
    articles = [("y" * 3000, ("short", i)) for i in range(70)]  # ordinary articles
    batches = list(_batches(iter(long_doc + articles), 32))
    assert [p for b in batches for p in b] == long_doc + articles
    assert all(len(b) <= 32 and sum(len(t) for t, _ in b) <= BATCH_CHARS for b in batches)
    assert max(len(b) for b in batches) == 32  # articles still go 32 at a time
