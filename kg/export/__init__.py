"""Exporters: a plain dict from format name to a function(graph, path, **options).

Every exporter writes through `atomic_write`, so a failed export leaves the old file intact.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from rdflib import Graph

from ._atomic import atomic_write
from .html import write_html
from .rdf import RDF_FORMATS, write_rdf

Exporter = Callable[..., None]

EXPORTERS: dict[str, Exporter] = {
    **{name: (lambda fmt: lambda graph, path, **kw: write_rdf(graph, path, format=fmt))(name) for name in RDF_FORMATS},
    "html": write_html,
}

SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".trig": "trig",
    ".html": "html",
    ".htm": "html",
}


class ExportError(Exception):
    """Unknown format or unwritable destination: reported in one line."""


def guess_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"{path}: cannot guess the format from '{suffix or 'no extension'}'; use --format")
    return SUFFIXES[suffix]


def export(graph: Graph, path: str | Path, *, format: str | None = None, **options: Any) -> Path:
    """Write `graph` to `path` in `format` (guessed from the extension when omitted)."""
    fmt = format or guess_format(path)
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format '{fmt}'; choose from {', '.join(sorted(EXPORTERS))}")
    EXPORTERS[fmt](graph, Path(path), **options)
    return Path(path)


__all__ = ["EXPORTERS", "ExportError", "atomic_write", "export", "guess_format"]
