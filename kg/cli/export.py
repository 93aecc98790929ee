from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ._app import app, fail

STDOUT = "-"


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"
    rdfxml = "rdfxml"
    trig = "trig"
    nquads = "nquads"
    turtle_star = "turtle-star"
    graphml = "graphml"
    gexf = "gexf"
    html = "html"


@app.command()
def export(
    graph: Path = typer.Argument(
        ..., metavar="GRAPH", help="Graph file to read (.ttl, .nt, .jsonld, .trig, .nq)."
    ),
    out: Optional[str] = typer.Argument(
        None,
        metavar="OUT",
        help="File to write; its extension gives the format unless --format is set; "
        "'-' for standard output.",
    ),
    out_option: Optional[str] = typer.Option(
        None,
        "--out",
        "-o",
        metavar="FILE",
        help="Same as OUT ('-o -' writes to standard output, Turtle unless --format says "
        "otherwise).",
    ),
    format: Optional[ExportFormat] = typer.Option(
        None, "--format", "-f", help="Output format (default: from OUT's extension)."
    ),
    ontology: bool = typer.Option(
        False,
        "--with-ontology",
        help="RDF formats: include the ontology's declarations instead of importing it (one "
        "self-contained file for Protégé or neosemantics).",
    ),
    title: Optional[str] = typer.Option(
        None, "--title", help="html: page title (default: the graph file name)."
    ),
    max_nodes: Optional[int] = typer.Option(
        None, "--max-nodes", min=1, help="html: keep only the N most connected entities."
    ),
) -> None:
    """Convert a graph to Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads, Turtle-star, GraphML,
    GEXF or HTML."""
    from ..export import RDF_EXPORTS, ExportError, guess_format

    if out is not None and out_option is not None:
        fail("give the output once: as OUT or as --out, not both")
    target = out if out is not None else out_option
    if target is None:
        fail("missing output: give OUT or --out FILE ('-' for standard output)")
    try:
        if format:
            fmt = format.value
        elif target == STDOUT:
            fmt = "turtle"
        else:
            fmt = guess_format(target)
    except ExportError as exc:
        fail(str(exc))
    if ontology and fmt not in RDF_EXPORTS:
        formats = ", ".join(sorted(RDF_EXPORTS))
        fail(f"--with-ontology applies to RDF formats ({formats}), not {fmt}")
    options = {}
    if fmt == "html":
        options = {"title": title or f"{graph.stem}: knowledge graph", "max_nodes": max_nodes}
    read, added = convert(graph, target, fmt=fmt, ontology=ontology, options=options)
    where = "standard output" if target == STDOUT else target
    extra = f", {added} ontology triples added" if ontology else ""
    typer.echo(f"{where} ({fmt}, {read} triples read{extra})", err=True)


def convert(
    graph: Path, target: str, *, fmt: str, ontology: bool, options: dict
) -> tuple[int, int]:
    """Read `graph`, write it to `target` ('-': standard output); (triples read, triples added).

    The count reported is the input's: the ontology merged by --with-ontology is counted apart
    (it was once reported as read, 1049 triples for a 688-triple graph).
    """
    from ..export import ExportError, export as write, with_ontology
    from ..query import QueryError, load_graph

    try:
        loaded = load_graph(graph)
        read = len(loaded)
        if ontology:
            loaded = with_ontology(loaded)
        if target == STDOUT:
            _to_stdout(loaded, fmt, options)
        else:
            write(loaded, target, format=fmt, **options)
    except (QueryError, ExportError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    return read, len(loaded) - read


def _to_stdout(graph, fmt: str, options: dict) -> None:
    """Every exporter writes a file (atomically); standard output gets that file's bytes."""
    import shutil
    import sys
    import tempfile

    from ..export import export as write

    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        path = Path(folder) / "out"
        write(graph, path, format=fmt, **options)
        stream = getattr(sys.stdout, "buffer", None)
        with open(path, "rb") as handle:
            if stream is None:  # a text-only stdout (some embedding hosts): decode
                sys.stdout.write(handle.read().decode("utf-8"))
            else:
                sys.stdout.flush()
                shutil.copyfileobj(handle, stream)
                stream.flush()
