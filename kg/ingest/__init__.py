"""Read articles from files, folders and stdin into Documents, one per article.

Input kinds: plain text and Markdown (front matter), JSON Lines, web pages (.html), web
archives (.warc, .warc.gz), RSS/Atom feeds, and `-` for stdin (text or JSON Lines).

A document's identity is its text (see `content_key`), not the path it was read by: the same
file named twice is read once, and the same article found in several files is one document
whose other sources are kept (`Document.sources`). Bad input never stops a build: a file or
record that cannot be read is skipped with a warning naming it (and its line).
"""
from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..model import Document
from .common import (
    _REPORT,
    DEFAULT_MAX_CHARS,
    IngestWarning,
    InputError,
    Report,
    content_key,
    decode,
    headline,
    make_document,
    warn,
)
from .paths import STDIN, Source, iter_sources, read_limited

TEXT_LIMIT_BYTES_PER_CHAR = 4  # UTF-8
PAGE_LIMIT_BYTES_PER_CHAR = 8  # markup around the text of a page or feed


def read_documents(
    paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS, report: Report | None = None
) -> Iterator[Document]:
    """All documents under the given paths, in a stable order: one per distinct text.

    A missing path or a URL raises InputError before anything is read.
    """
    report = Report() if report is None else report
    kept: dict[str, Document] = {}  # content key -> document (duplicates merged into it)
    ids: dict[str, int] = {}
    token = _REPORT.set(report)
    try:
        for source in list(iter_sources(paths, report)):
            for doc in _read_source(source, max_chars=max_chars, report=report):
                key = content_key(doc.text)
                if key in kept:
                    kept[key] = _merge(kept[key], doc)
                    report.duplicates.append(doc.source)
                    continue
                if doc.id in ids:  # two different texts under one JSONL "id"
                    ids[doc.id] += 1
                    doc = replace(doc, id=f"{doc.id}#{ids[doc.id]}")
                ids.setdefault(doc.id, 0)
                kept[key] = doc
    finally:
        _REPORT.reset(token)
    yield from kept.values()


def _merge(first: Document, copy: Document) -> Document:
    """`first` with `copy` recorded as another source of the same article."""
    extra = [copy.source] + ([copy.url] if copy.url and copy.url != first.url else [])
    sources = first.sources + tuple(s for s in extra if s not in first.sources)
    locations = first.locations + tuple(loc for loc in copy.locations if loc not in first.locations)
    return replace(
        first,
        sources=sources,
        locations=locations,
        title=first.title or copy.title,
        date=first.date or copy.date,
        url=first.url or copy.url,
        author=first.author or copy.author,
    )


def _read_source(source: Source, *, max_chars: int, report: Report) -> Iterator[Document]:
    """The documents of one file; whatever goes wrong inside it costs only that file."""
    try:
        if source.path == STDIN:
            yield from _read_stdin(max_chars=max_chars, report=report)
        else:
            yield from _read_file(source, max_chars=max_chars, report=report)
    except (OSError, RecursionError, MemoryError, ValueError, LookupError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        warn(source.path, f"skipped: cannot read ({type(exc).__name__}: {reason})"[:300])


def _read_file(source: Source, *, max_chars: int, report: Report) -> Iterator[Document]:
    from .feeds import read_feed
    from .html import read_html
    from .jsonl import read_jsonl
    from .warc import read_warc

    path, kind = source.path, source.kind
    where = {"source": source.path, "location": source.location}
    if kind == "jsonl":
        with open(path, "rb") as fh:
            yield from read_jsonl(fh, **where, max_chars=max_chars, report=report)
        return
    if kind == "warc":
        yield from read_warc(path, location=source.location, max_chars=max_chars, report=report)
        return
    textual = kind in ("text", "markdown")
    per_char = TEXT_LIMIT_BYTES_PER_CHAR if textual else PAGE_LIMIT_BYTES_PER_CHAR
    data, cut = read_limited(path, max_chars * per_char)
    if cut:
        warn(path, f"larger than {max_chars * per_char:,} bytes: only its start is read "
                   f"(--max-chars {max_chars:,})")
    if not data.strip():
        warn(path, "skipped: empty")
        return
    if kind == "html":
        yield from read_html(data, **where, max_chars=max_chars)
    elif kind == "feed":
        yield from read_feed(data, **where, max_chars=max_chars, report=report)
    else:
        yield from _read_text(data, kind, **where, max_chars=max_chars, report=report)


def _read_text(
    data: bytes, kind: str, *, source: str, location: str | None, max_chars: int, report: Report
) -> Iterator[Document]:
    from .text import read_markdown, read_text

    text = decode(data, source=source)
    if text is None:
        return
    reader = read_markdown if kind == "markdown" else read_text
    yield from reader(text, source=source, location=location, max_chars=max_chars)


def _read_stdin(*, max_chars: int, report: Report) -> Iterator[Document]:
    """Standard input: JSON Lines (streamed) when it starts with "{", else one text or page."""
    from .html import read_html
    from .jsonl import read_jsonl

    if getattr(sys.stdin, "isatty", lambda: False)():
        print("reading articles from standard input (end with Ctrl-D)", file=sys.stderr)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # pragma: no cover - stdin replaced by a text-only object
        stream = io.BytesIO(sys.stdin.read(max_chars).encode("utf-8", "surrogatepass"))
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    report.files += 1
    head = stream.peek(4096)[:4096].lstrip()
    if head[:1] == b"{":
        yield from read_jsonl(stream, source="<stdin>", location=None, max_chars=max_chars,
                              report=report)
        return
    data = stream.read(max_chars * PAGE_LIMIT_BYTES_PER_CHAR)
    if head[:1] == b"<" and b"<html" in head.lower():
        yield from read_html(data, source="<stdin>", location=None, max_chars=max_chars)
    else:
        kind = "markdown" if head.startswith(b"---") else "text"
        yield from _read_text(data, kind, source="<stdin>", location=None, max_chars=max_chars,
                              report=report)


def collect(
    paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS
) -> tuple[list[Document], Report]:
    """(documents, report) for the CLI: what `read_documents` found and what it passed over."""
    report = Report()
    return list(read_documents(paths, max_chars=max_chars, report=report)), report


def empty_reason(report: Report) -> str:
    """Why a set of paths gave no document, in one line."""
    if report.unsupported:
        kinds = sorted({Path(p).suffix.lower() or "(no suffix)" for p in report.unsupported})
        return (f"no readable documents in the given paths: {len(report.unsupported)} file(s) of "
                f"kinds kg does not read ({', '.join(kinds)}); it reads .txt, .md, .jsonl, .html, "
                ".htm, .warc, .warc.gz and RSS/Atom feeds (.rss, .atom, .xml)")
    if report.files == 0:
        return "no readable documents in the given paths: no files found"
    return "no readable documents in the given paths (every file was skipped; see the warnings)"


__all__ = [
    "DEFAULT_MAX_CHARS",
    "IngestWarning",
    "InputError",
    "Report",
    "collect",
    "content_key",
    "decode",
    "empty_reason",
    "headline",
    "make_document",
    "read_documents",
]
