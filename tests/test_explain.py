"""`kg explain`: the typing cues behind an entity's type and the rules behind its relations,
read from a hand-made graph and extractions.jsonl (no model needed)."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_names_cues import appositive, doc_of
from typer.testing import CliRunner

from kg import store
from kg.cli import app
from kg.explain import ExplainError, explain, format_explanation
from kg.graph import build_graph
from kg.mentions import DocNames
from kg.model import ORG, PERSON, Document, Entity, Extraction, Mention, Relation

DOC = Document(id="d1", text="Kuaishou, a firm, grew. Li works for Kuaishou.", source="d1.txt")


def write_build(out: Path, *, typing: dict | None = None) -> Path:
    """graph.ttl and extractions.jsonl as `kg build` writes them, for a two-entity corpus."""
    kuaishou = Entity(key="Kuaishou", label="Kuaishou", type=ORG, aliases={"Kuaishou Inc."})
    kuaishou.docs = {"d1"}
    li = Entity(key="Li", label="Li", type=PERSON, docs={"d1"})
    rel = Relation("Li", "worksFor", "Kuaishou", "d1", "Li works for Kuaishou.", 24, 46,
                   rule="identity:works-for", confidence=0.8)  # fmt: skip
    graph = build_graph([kuaishou, li], [rel], [DOC])
    graph.serialize(out / "graph.ttl", format="turtle")
    mentions = [
        Mention("Kuaishou", PERSON, "d1", 0, 8, weight=1.0, evidence="ner"),
        Mention("Kuaishou", ORG, "d1", 0, 8, weight=3.0, evidence="context"),
        Mention("Kuaishou", ORG, "d1", 37, 45, weight=0.5, evidence="role"),
    ]
    ex = Extraction(document=DOC, mentions=mentions, relations=[rel], typing=typing or {})
    store.dump(out / store.FILENAME, store.snapshot_of([DOC], [ex], []))
    return out / "graph.ttl"


def recorded_typing() -> dict:
    """What DocNames records for "Kuaishou , a firm , grew ." (a real record, not typed here)."""
    return DocNames(doc_of(appositive("firm"))).typing_record()


def test_typing_record_names_the_cues_that_voted():
    record = recorded_typing()
    assert record["Kuaishou"] == [["described.appositive", ORG, 3.0, 1]]


def test_explain_gives_the_cues_per_document_and_the_rules(tmp_path):
    graph = write_build(tmp_path, typing=recorded_typing())
    [ex] = explain(graph, "kuaishou inc.")  # any case, and by an alternative label
    assert ex.label == "Kuaishou" and ex.types == [ORG] and ex.cues_recorded
    [doc] = ex.typing
    assert doc.document == "d1"  # (no title: its id)
    assert ("described.appositive", ORG, 3.0, 1) in doc.votes
    assert ("ner", PERSON, 1.0, 1) in doc.votes and ("role", ORG, 0.5, 1) in doc.votes
    [rel] = ex.relations
    assert (rel.subject, rel.predicate, rel.object, rel.rule) == (
        "Li", "worksFor", "Kuaishou", "identity:works-for"
    )
    text = format_explanation(ex)
    assert "described.appositive" in text and "[identity:works-for]" in text
    assert "total: Organization 3.5, Person 1" in text


def test_without_recorded_cues_it_still_explains_the_relations(tmp_path):
    graph = write_build(tmp_path)
    (tmp_path / store.FILENAME).unlink()
    [ex] = explain(graph, "Li")
    assert ex.types == [PERSON] and not ex.cues_recorded and ex.typing == []
    assert [r.rule for r in ex.relations] == ["identity:works-for"]
    assert "no typing cues recorded" in format_explanation(ex)


def test_unknown_names_and_missing_graphs_are_one_line_errors(tmp_path):
    graph = write_build(tmp_path)
    with pytest.raises(ExplainError, match="no entity named 'Kuaisho'.*did you mean 'Kuaishou'"):
        explain(graph, "Kuaisho")
    with pytest.raises(ExplainError, match="d1.txt|no entity"):
        explain(graph, "d1")  # a document's label is no entity
    with pytest.raises(ExplainError, match="no such file"):
        explain(tmp_path / "missing.ttl", "Li")


def test_cli(tmp_path):
    graph = write_build(tmp_path, typing=recorded_typing())
    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(graph), "Kuaishou"])
    assert result.exit_code == 0, result.output
    assert "Kuaishou: Organization" in result.output
    assert "described.appositive" in result.output
    result = runner.invoke(app, ["explain", str(graph), "Nobody"])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output
