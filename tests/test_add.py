"""`kg add` end to end: adding documents gives the graph a full build gives."""
from __future__ import annotations

import shutil

import pytest
from rdflib import RDFS, Graph
from typer.testing import CliRunner

from conftest import SEEDS, _model_available, run_kg
from kg.vocab import RELATIONS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _model_available(), reason="spaCy model not installed"),
]


def _facts(path) -> tuple[int, set[str], set[tuple[str, str, str]]]:
    g = Graph().parse(path)
    label = {s: str(o) for s, o in g.subject_objects(RDFS.label)}
    preds = {p: n for n, p in RELATIONS.items()}
    rels = {(label.get(s, str(s)), preds[p], label.get(o, str(o))) for s, p, o in g if p in preds}
    return len(g), set(label.values()), rels


@pytest.fixture(scope="module")
def split_seeds(tmp_path_factory):
    """Seeds in two folders, built as first + add and as one build."""
    root = tmp_path_factory.mktemp("add")
    seeds = sorted(SEEDS.glob("*.txt"))
    (root / "a").mkdir()
    (root / "b").mkdir()
    for f in seeds[:3]:
        shutil.copy(f, root / "a" / f.name)
    for f in seeds[3:]:
        shutil.copy(f, root / "b" / f.name)
    for args in (("build", "a", "--out", "inc", "--no-html"), ("add", "b", "--out", "inc"), ("build", "a", "b", "--out", "full", "--no-html")):
        proc = run_kg(*args, cwd=root)
        assert proc.returncode == 0, proc.stderr
    return root


def test_add_equals_full_build(split_seeds):
    inc, full = _facts(split_seeds / "inc" / "graph.ttl"), _facts(split_seeds / "full" / "graph.ttl")
    assert inc[0] == full[0]
    assert inc[1] == full[1]
    assert inc[2] == full[2] and inc[2]
    assert not (split_seeds / "inc" / "graph.html").exists()  # the build said --no-html


def test_adding_the_same_documents_again_changes_nothing(split_seeds):
    graph = split_seeds / "inc" / "graph.ttl"
    store = split_seeds / "inc" / "extractions.jsonl"
    before = graph.read_bytes(), store.read_bytes()
    proc = run_kg("add", "b", "a", "--out", "inc", cwd=split_seeds)
    assert proc.returncode == 0, proc.stderr
    assert "0 added, 0 replaced, 5 unchanged" in proc.stderr
    assert (graph.read_bytes(), store.read_bytes()) == before


def test_changed_document_replaces_its_facts(tmp_path):
    doc = tmp_path / "in" / "news.txt"
    doc.parent.mkdir()
    doc.write_text("Acme Corporation acquired Widget Industries in March, the companies said on Monday.\n", encoding="utf-8")
    assert run_kg("build", "in", "--out", "out", "--no-html", cwd=tmp_path).returncode == 0
    _, labels, rels = _facts(tmp_path / "out" / "graph.ttl")
    assert any(r[1] == "acquired" and "Widget Industries" in r[2] for r in rels)
    doc.write_text("Acme Corporation partnered with Gadget Labs in March, the companies said on Monday.\n", encoding="utf-8")
    proc = run_kg("add", "in", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 replaced" in proc.stderr
    _, labels, rels = _facts(tmp_path / "out" / "graph.ttl")
    assert "Widget Industries" not in labels
    assert not any(r[1] == "acquired" for r in rels)
    assert any(r[1] == "partnerOf" and "Gadget Labs" in (r[0], r[2]) for r in rels)


def test_failed_add_leaves_graph_intact(split_seeds, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(split_seeds / "inc", out)
    graph, store = out / "graph.ttl", out / "extractions.jsonl"
    before = graph.read_bytes(), store.read_bytes()
    new = tmp_path / "new.txt"
    new.write_text("Globex Corporation hired Jane Doe as chief executive, the company said.\n", encoding="utf-8")

    from kg.cli import app

    def crash(*a, **k):
        raise RuntimeError("simulated crash while parsing")

    monkeypatch.setattr("kg.pipeline.extract", crash)
    result = CliRunner().invoke(app, ["add", str(new), "--out", str(out)])
    assert isinstance(result.exception, RuntimeError)
    assert (graph.read_bytes(), store.read_bytes()) == before

    monkeypatch.undo()

    # The disk fails when a finished file is moved into place: nothing may be half-written.
    monkeypatch.setattr("kg.export._atomic.os.replace", _raise_oserror)
    result = CliRunner().invoke(app, ["add", str(new), "--out", str(out)])
    assert result.exit_code == 1
    assert (graph.read_bytes(), store.read_bytes()) == before
    assert sorted(p.name for p in out.iterdir()) == [".kg", "extractions.jsonl", "graph.ttl"]
    state = [p.name for p in (out / ".kg").iterdir()]
    assert not [n for n in state if n.endswith(".tmp") or n.startswith("stage-")]


def _raise_oserror(*a, **k):
    raise OSError("disk full")


def test_add_without_a_previous_build_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Acme Corporation opened an office in Denver.\n", encoding="utf-8")
    proc = run_kg("add", "a.txt", "--out", "nowhere", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "kg build" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_known_text_read_from_a_new_path_records_that_path(tmp_path):
    from rdflib.namespace import DCTERMS

    text = "Acme Corporation acquired Widget Industries in March, the companies said.\n"
    for folder in ("a", "copies"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.txt").write_text(text, encoding="utf-8")
    assert run_kg("build", "a", "--out", "inc", "--no-html", cwd=tmp_path).returncode == 0
    proc = run_kg("add", "copies", "--out", "inc", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "0 added, 0 replaced, 1 unchanged (1 read from a new path" in proc.stderr
    assert run_kg("build", "a", "copies", "--out", "full", "--no-html", cwd=tmp_path).returncode == 0

    def sources(out):
        return sorted(str(o) for o in Graph().parse(tmp_path / out / "graph.ttl")
                      .objects(None, DCTERMS.source))

    assert any(s.endswith("copies.txt") for s in sources("inc"))
    assert sources("inc") == sources("full")
    again = run_kg("add", "copies", "--out", "inc", cwd=tmp_path)  # now known: nothing to do
    assert "is up to date" in again.stderr
