"""Articles as they exist on disk: saved web pages, web archives, feeds, Markdown, stdin.

The fixtures in tests/data/ingest are invented articles wrapped in what real pages carry
(navigation, cookie banners, related links, comments, scripts); each test checks the text
and metadata that must come through and the boilerplate that must not.
"""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from typer.testing import CliRunner

from conftest import _model_available, run_kg
from kg.ingest import IngestWarning, InputError, read_documents
from kg.vocab import KG

DATA = Path(__file__).parent / "data" / "ingest"


def read(paths, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(read_documents(paths, **kwargs))
    return docs, [str(w.message) for w in caught if issubclass(w.category, IngestWarning)]


def one(path):
    (doc,), _ = read([path])
    return doc


def test_saved_news_page_keeps_the_article_and_drops_the_page_around_it():
    doc = one(DATA / "saved-article.html")
    assert "Northwind Robotics has acquired Harbor Sensors" in doc.text
    assert "Elena Brandt, the chief executive of Northwind Robotics" in doc.text
    for boilerplate in ("cookie", "Subscribe", "Related stories", "Dock workers strike",
                        "Glowmark", "Quillon", "quayside_pete", "gtag", "dataLayer",
                        "All rights reserved", "Privacy", "<p>", "</h1>"):
        assert boilerplate not in doc.text, boilerplate
    assert doc.title == "Northwind Robotics buys Harbor Sensors"  # not the <title> with the site
    assert doc.date == "2024-03-14"
    assert doc.url == "https://ledger.example/business/2024/03/northwind-harbor"
    assert doc.author == "Marta Kowalczyk"
    assert doc.lang == "en"


def test_json_ld_news_article_metadata():
    doc = one(DATA / "jsonld-article.html")
    assert doc.title == "Corvale Foods opens a plant in Leeds"
    assert doc.date == "2023-11-02"
    assert doc.url == "https://wire.example/2023/11/02/corvale-leeds"
    assert doc.author == "Priya Natarajan"
    assert "Corvale Foods is owned by the investment group Pennant Holdings" in doc.text
    assert "newsletter" not in doc.text and "Sign in" not in doc.text


def test_warc_html_responses_become_articles_and_a_truncated_record_is_reported():
    docs, warns = read([DATA / "news.warc.gz"])
    assert [d.title for d in docs] == ["Ostrava Steelworks hires Lena Hofer",
                                       "Caf\u00e9 Ren\u00e9e opens in Bruges"]
    first, second = docs
    assert first.url == "https://coastline.example/2024/06/10/ostrava-steel"
    assert first.date == "2024-06-10"
    assert "Lena Hofer previously worked at Danube Freight" in first.text
    assert "Caf\u00e9 Ren\u00e9e is based in Lille." in second.text  # ISO-8859-1 page decoded
    for d in docs:
        assert "cookies" not in d.text and "Ferry timetable" not in d.text
    assert not any("Brennmoor" in d.text for d in docs)  # the record cut off mid-way
    assert any("news.warc.gz#5" in w and "truncated" in w for w in warns)
    assert all("logo.png" not in w for w in warns)  # an image is not an article: no noise


def test_uncompressed_warc(tmp_path):
    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    out = tmp_path / "plain.warc"
    with open(DATA / "news.warc.gz", "rb") as src, open(out, "wb") as dst:
        writer = WARCWriter(dst, gzip=False)
        for record in ArchiveIterator(src):
            if record.rec_type == "response" and record.length < 3000:  # not the cut-off one
                writer.write_record(record)
    assert not out.read_bytes().startswith(b"\x1f\x8b")
    docs, warns = read([out])
    assert [d.date for d in docs] == ["2024-06-10", "2024-06-11"] and warns == []


@pytest.mark.parametrize("name", ["feed.atom", "feed.rss"])
def test_feed_entries_are_articles(name):
    docs, _ = read([DATA / name])
    assert len(docs) == 2
    for d in docs:
        assert d.title and d.url and d.url.startswith("https://") and d.date
        assert "<" not in d.text


def test_atom_entry_content_title_link_date():
    first, second = read([DATA / "feed.atom"])[0]
    assert first.title == "Tessaline Energy signs supply deal with Brightwater Ports"
    assert first.url == "https://harbour.example/2024/05/tessaline-brightwater"
    assert first.date == "2024-05-01"  # published, not updated
    assert first.author == "Jonas Lindqvist"
    assert "Brightwater Ports will buy hydrogen" in first.text
    assert second.date == "2024-04-28"  # only <updated>: that date
    assert second.text.startswith("Calder Mills appointed Ruth Abernethy")


def test_rss_prefers_full_content_over_the_teaser_and_drops_scripts():
    first, second = read([DATA / "feed.rss"])[0]
    assert first.date == "2024-07-09"  # RFC 822 pubDate
    assert "Orrin Labs was founded by Amara Kibet in 2019." in first.text
    assert "teaser" not in first.text and "trackView" not in first.text
    assert second.text == "Fenwick Bank opened its first branch in Porto on Monday."


def test_markdown_front_matter_and_markup():
    doc = one(DATA / "site" / "front-matter.md")
    assert doc.title == "Grayline Logistics moves its headquarters to Lyon"
    assert doc.date == "2024-02-20" and doc.url == "https://blog.example/grayline-lyon"
    assert doc.author == "Claire Dumont"
    # hard-wrapped lines are one sentence; link targets, emphasis and images are gone
    assert "from Geneva to Lyon, chief executive Henri Vasseur told staff on Monday." in doc.text
    for markup in ("---", "**", "](", "tags:", "warehouse.jpg", "# "):
        assert markup not in doc.text, markup


def test_bad_front_matter_is_warned_and_the_body_kept(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nKestrel Air flies to Oslo.\n",
                                   encoding="utf-8")
    (doc,), warns = read([tmp_path / "a.md"])
    assert doc.text.strip() == "Kestrel Air flies to Oslo."
    assert any("a.md" in w and "front matter" in w for w in warns)


def test_one_article_in_two_files_is_one_document_with_both_sources(tmp_path):
    body = "Ostrava Steelworks hired Lena Hofer as finance chief.\nShe starts in May.\n"
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "story.txt").write_text(body, encoding="utf-8")
    (tmp_path / "copy-of-story.txt").write_text(body.replace("\n", "\r\n"), encoding="utf-8")
    docs, _ = read([tmp_path])
    assert len(docs) == 1
    doc = docs[0]
    assert doc.source == str(tmp_path / "copy-of-story.txt")
    assert doc.sources == (str(tmp_path / "wire" / "story.txt"),)
    assert len(doc.locations) == 2


def test_identity_does_not_depend_on_how_the_path_is_written(tmp_path, monkeypatch):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "sub" / "x.txt").write_text("Brennmoor Rail ordered trains.",
                                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ids = {next(iter(read([p])[0])).id for p in ("a", "a/sub", "a/sub/x.txt", tmp_path / "a",
                                                  "a/./sub/../sub/x.txt")}
    assert len(ids) == 1
    locations = {next(iter(read([p])[0])).locations for p in ("a", "a/sub/x.txt")}
    assert len(locations) == 1


def test_stdin_text_and_jsonl(monkeypatch):
    import io
    import sys

    class Stdin:
        def __init__(self, data: bytes):
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin(b"Kestrel Air opened a route to Oslo.\n"))
    (doc,), _ = read(["-"])
    assert doc.text.startswith("Kestrel Air") and doc.source == "<stdin>"
    lines = (b'{"id": "s1", "text": "Kestrel Air flies to Oslo."}\n'
             b'{"text": "Orrin Labs hired Amara."}\n')
    monkeypatch.setattr(sys, "stdin", Stdin(lines))
    docs, _ = read(["-"])
    assert [d.source for d in docs] == ["<stdin>:1", "<stdin>:2"] and docs[0].id == "s1"


def test_a_url_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="kg reads files only") as err:
        list(read_documents([Path("https://news.example/story.html")]))
    assert "https://news.example/story.html" in str(err.value)  # not "https:/news..."
    from kg.cli import app

    result = CliRunner().invoke(app, ["build", "https://news.example/a", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: https://news.example/a: kg reads files only; save the page or feed and give its "
        "path (the build stays offline)"]


def test_unsupported_files_are_counted_and_named_with_verbose(tmp_path):
    from kg.cli._inputs import read_inputs

    (tmp_path / "a.txt").write_text("Kestrel Air opened a route to Oslo.", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset></urlset>", encoding="utf-8")
    import contextlib
    import io

    for verbose in (False, True):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            docs = read_inputs([tmp_path], verbose=verbose)
        assert len(docs) == 1
        lines = err.getvalue().splitlines()
        assert "3 files of unsupported kinds not read (.csv, .pdf, .xml)" in lines[0]
        named = [line for line in lines if "report.pdf" in line or "data.csv" in line]
        assert len(named) == (2 if verbose else 0)


def test_a_folder_of_only_unsupported_files_says_why(tmp_path):
    from kg.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error: no readable documents") and ".jpg, .pdf" in last
    assert ".html" in last  # says what it does read


def test_graph_records_other_sources_author_and_invalid_dates_plainly():
    from kg.graph import build_graph, mint_iri
    from kg.model import Document

    doc = Document(id="k1", text="t", source="a/x.txt", title="T", date="2024-13-45",
                   url="https://n.example/x", author="Sam Oduya",
                   sources=("b/x-copy.txt", "https://m.example/y"))
    g = build_graph([], [], [doc], base="https://example.org/kg/id/")
    node = mint_iri("https://example.org/kg/id/", "doc", "k1")
    assert (node, RDF.type, KG.Document) in g
    assert {str(o) for o in g.objects(node, DCTERMS.source)} == {
        "https://n.example/x", "b/x-copy.txt", "https://m.example/y"}
    assert set(g.objects(node, DCTERMS.date)) == {Literal("2024-13-45")}  # no invalid xsd:date
    assert set(g.objects(node, DCTERMS.creator)) == {Literal("Sam Oduya")}
    reparsed = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(reparsed) == len(g)
    assert isinstance(node, URIRef)


@pytest.mark.slow
@pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")
def test_a_fact_from_a_saved_page_reaches_the_graph(tmp_path):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    shutil.copy(DATA / "saved-article.html", corpus / "northwind.html")
    shutil.copy(DATA / "saved-article.html", corpus / "northwind-copy.htm")  # syndicated copy
    proc = run_kg("build", "pages", "--out", "out", "--no-html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 duplicate article (the text of another file or record)" in proc.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    docs = list(g.subjects(RDF.type, KG.Document))
    assert len(docs) == 1
    assert str(g.value(docs[0], DCTERMS.title)) == "Northwind Robotics buys Harbor Sensors"
    assert str(g.value(docs[0], DCTERMS.date)) == "2024-03-14"
    labels = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "Harbor Sensors" in labels and "Northwind Robotics" in labels
    assert not labels & {"Glowmark Industries", "Quillon Motors", "Lakeside Ledger Media"}
    acquired = KG.acquired
    assert any("Harbor" in str(g.value(o, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
               for o in g.objects(None, acquired))


@pytest.mark.slow
@pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")
def test_every_input_kind_yields_its_facts(tmp_path):
    """One build of all fixtures: a fact from each kind of input links its two entities."""
    shutil.copytree(DATA, tmp_path / "in", ignore=shutil.ignore_patterns("*.py"))
    proc = run_kg("build", "in", "--out", "out", "--no-html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    rdfs_label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    label = {s: str(o) for s, o in g.subject_objects(rdfs_label)}
    from kg.vocab import RELATIONS

    linked = {frozenset((label.get(s), label.get(o)))
              for s, p, o in g if p in set(RELATIONS.values())}
    for a, b in [("Northwind Robotics", "Harbor Sensors"),  # saved page
                 ("Pennant Holdings", "Corvale Foods"),  # JSON-LD page
                 ("Lena Hofer", "Ostrava Steelworks"),  # WARC record
                 ("Tessaline Energy", "Brightwater Ports"),  # Atom entry
                 ("Orrin Labs", "Meridel Health"),  # RSS item
                 ("Henri Vasseur", "Grayline Logistics")]:  # Markdown
        assert frozenset((a, b)) in linked, (a, b)
    assert not {"Brennmoor Rail", "Glowmark Industries", "Lakeside Ledger Media"} & set(
        label.values())
