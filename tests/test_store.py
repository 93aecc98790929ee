"""kg.store round trips and kg.pipeline.add_documents bookkeeping, without the spaCy model."""
from __future__ import annotations

import json

import pytest

import kg.pipeline as pipeline
from kg.model import Document, Extraction, Mention, Relation
from kg.store import Snapshot, StoreError, dump, load


def _doc(doc_id: str, text: str, **kw) -> Document:
    return Document(id=doc_id, text=text, source=f"/tmp/{doc_id}", **kw)


def _extraction(doc: Document) -> Extraction:
    """A stand-in for spaCy: every capitalised word is an Organization; the first two are partners."""
    words = [w.strip(".,") for w in doc.text.split() if w[:1].isupper()]
    mentions = [Mention(w, "Organization", doc.id, 0, len(w)) for w in words]
    relations = []
    if len(words) >= 2:
        relations.append(Relation(words[0], "partnerOf", words[1], doc.id, doc.text, 0, len(doc.text), "fake", qualifiers=(("date", "2024"),)))
    return Extraction(document=doc, mentions=mentions, relations=relations, aliases={"AC": words[0]} if words else {})


@pytest.fixture
def fake_extract(monkeypatch):
    """Replace parsing with `_extraction` and record which documents were parsed."""
    parsed: list[str] = []

    def extract_documents(documents, **kw):
        docs = list(documents)
        parsed.extend(d.id for d in docs)
        return [_extraction(d) for d in docs if d.lang != "xx"], docs, [d for d in docs if d.lang == "xx"]

    monkeypatch.setattr(pipeline, "extract_documents", extract_documents)
    return parsed


def test_round_trip_keeps_every_field(tmp_path):
    a = _doc("a.txt", "Acme teams up with Globex.", title="T", date="2024-01-02", url="https://x", lang="en")
    b = _doc("b.txt", "Texte en français sur Acme.", lang="fr")
    snap = Snapshot([a, b], [_extraction(a)], [b], {"model": "m", "base": "https://e/", "title": "t", "html": True, "max_nodes": None})
    dump(tmp_path / "x.jsonl", snap)
    back = load(tmp_path / "x.jsonl")
    assert back.documents == [a, b]
    assert back.deferred == [b]
    assert back.extractions == snap.extractions
    assert back.extractions[0].relations[0].qualifiers == (("date", "2024"),)
    assert back.settings["model"] == "m" and back.settings["base"] == "https://e/"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ('{"format": "other"}\n', "not a kg-extractions/1 file"),
        ('{"format": "kg-extractions/1"}\n{"document": {"id": "a"}}\n', "x.jsonl:2: damaged"),
        ('{"format": "kg-extractions/1"}\nnot json\n', "x.jsonl:2: damaged"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match=message):
        load(path)


def test_failed_dump_keeps_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "x.jsonl"
    a = _doc("a.txt", "Acme and Globex.")
    dump(path, Snapshot([a], [_extraction(a)], [], {}))
    before = path.read_bytes()
    real_dumps = json.dumps
    calls = {"n": 0}

    def flaky(obj, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk gone")
        return real_dumps(obj, **kw)

    monkeypatch.setattr("kg.store.json.dumps", flaky)
    with pytest.raises(RuntimeError):
        dump(path, Snapshot([a, a], [_extraction(a)], [], {}))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]  # no temp file left behind


def test_add_documents_parses_only_new_or_changed(fake_extract):
    a, b = _doc("a.txt", "Acme and Globex."), _doc("b.txt", "Initech and Umbrella.")
    base = pipeline.add_documents([], [], [], [a, b])
    assert base.added == ["a.txt", "b.txt"] and fake_extract == ["a.txt", "b.txt"]
    prev = base.result
    fake_extract.clear()

    b2 = _doc("b.txt", "Initech and Hooli.")
    c = _doc("c.txt", "Stark and Wayne.")
    up = pipeline.add_documents(prev.documents, prev.extractions, prev.deferred, [a, b2, c])
    assert fake_extract == ["b.txt", "c.txt"]  # a.txt unchanged: not parsed again
    assert (up.added, up.replaced, up.unchanged) == (["c.txt"], ["b.txt"], ["a.txt"])
    assert [d.id for d in up.result.documents] == ["a.txt", "b.txt", "c.txt"]  # replaced in place
    labels = {e.label for e in up.result.resolution.entities}
    assert "Hooli" in labels and "Umbrella" not in labels and "Stark" in labels

    # The same result as building everything at once.
    full = pipeline.add_documents([], [], [], [a, b2, c]).result
    assert set(full.graph) == set(up.result.graph)


def test_add_same_documents_again_changes_nothing(fake_extract):
    a = _doc("a.txt", "Acme and Globex.")
    prev = pipeline.add_documents([], [], [], [a]).result
    fake_extract.clear()
    again = pipeline.add_documents(prev.documents, prev.extractions, prev.deferred, [a])
    assert not again.changed and fake_extract == []
    assert set(again.result.graph) == set(prev.graph)


def test_deferred_documents_are_relinked_after_an_add(fake_extract):
    """A document in another language is linked to names known from the whole corpus, so an
    add that brings a new name must re-link it (as a full build would)."""
    fr = _doc("fr.txt", "Globex signe avec Hooli.", lang="xx")
    a = _doc("a.txt", "Acme and Globex.", lang="en")
    prev = pipeline.add_documents([], [], [], [a, fr]).result
    ent = {e.label: e for e in prev.resolution.entities}
    assert "fr.txt" in ent["Globex"].docs and "Hooli" not in ent
    b = _doc("b.txt", "Hooli and Initech.", lang="en")
    up = pipeline.add_documents(prev.documents, prev.extractions, prev.deferred, [b]).result
    ent = {e.label: e for e in up.resolution.entities}
    assert "fr.txt" in ent["Hooli"].docs
