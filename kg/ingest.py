"""Read articles from files, folders and JSONL into Documents.

Bad input never stops a build: unreadable, empty or binary files are skipped with a
warning naming the file, so one broken file cannot cost the facts of the others.
"""
from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}

# Seed files begin with " date 2024-11-17"; that is metadata, not article text.
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;,]$")


class IngestWarning(UserWarning):
    """A file was skipped or read with a fallback; the message names it and why."""


class InputError(Exception):
    """A user error about the inputs (missing path): reported in one line by the CLI."""


def _warn(path: Path | str, reason: str) -> None:
    warnings.warn(f"{path}: {reason}", IngestWarning, stacklevel=3)


def decode(data: bytes, *, source: str = "<bytes>") -> str | None:
    """UTF-8 (with or without BOM) first; else cp1252, else latin-1, with a warning."""
    if b"\x00" in data[:8192]:
        _warn(source, "skipped: looks binary (NUL bytes)")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _warn(source, f"not valid UTF-8, decoded as {encoding}")
        return text
    return None  # pragma: no cover - latin-1 decodes any bytes


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control / len(sample) > 0.05


def make_document(
    text: str,
    *,
    doc_id: str,
    source: str,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
) -> Document | None:
    """Normalise text and pull out the metadata that seed-style files carry inline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    match = _DATE_MARKER.match(text)
    if match:
        date = date or match.group(1)
        text = text[match.end():]
    if not text.strip():
        _warn(source, "skipped: empty")
        return None
    if _looks_binary(text):
        _warn(source, "skipped: looks binary (control characters)")
        return None
    if title is None:
        title = headline(text)
    return Document(id=doc_id, text=text, source=source, title=title, date=date, url=url)


def headline(text: str) -> str | None:
    """The first line, when it reads like a headline: short, alone on its line, unpunctuated."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > 200:
        return None
    if _SENTENCE_END.search(first) or len(first.split()) < 2:
        return None
    return first


def read_file(path: Path, *, root: Path | None = None) -> Iterator[Document]:
    """Documents in one file: one for text, one per line for JSONL."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        _warn(path, f"skipped: cannot read ({exc.strerror or exc})")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data)
        return
    if not data.strip():
        _warn(path, "skipped: empty")
        return
    text = decode(data, source=str(path))
    if text is None:
        return
    doc_id = path.name if root is None else path.relative_to(root).as_posix()
    doc = make_document(text, doc_id=doc_id, source=str(path))
    if doc is not None:
        yield doc


def _read_jsonl(path: Path, data: bytes) -> Iterator[Document]:
    text = decode(data, source=str(path))
    if text is None:
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _warn(where, f"skipped: invalid JSON ({exc.msg})")
            continue
        if lineno == 1 and isinstance(record, dict) and str(record.get("format", "")).startswith("kg-extractions/"):
            # OUT/extractions.jsonl of an earlier build (e.g. --out inside the input folder)
            _warn(path, "skipped: extractions saved by kg build, not articles")
            return
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            _warn(where, 'skipped: expected an object with a "text" string')
            continue
        doc_id = str(record.get("id") or hashlib.sha1(line.encode()).hexdigest()[:12])
        doc = make_document(
            record["text"],
            doc_id=doc_id,
            source=where,
            title=_opt_str(record.get("title")),
            date=_opt_str(record.get("date")),
            url=_opt_str(record.get("url")),
        )
        if doc is not None:
            yield doc


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None]]:
    """(file, root) pairs; a missing path is an InputError before anything is read."""
    resolved = [Path(p) for p in paths]
    for p in resolved:
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
    for p in resolved:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                        yield child, p
        else:
            if p.suffix.lower() not in TEXT_SUFFIXES | JSONL_SUFFIXES:
                _warn(p, "not a .txt, .md or .jsonl file; reading it as plain text")
            yield p, None


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """All documents under the given files and folders, in a stable order, ids unique."""
    seen: dict[str, int] = {}
    for path, root in list(iter_files(paths)):
        for doc in read_file(path, root=root):
            if doc.id in seen:
                seen[doc.id] += 1
                doc = Document(**{**doc.__dict__, "id": f"{doc.id}#{seen[doc.id]}"})
            else:
                seen[doc.id] = 0
            yield doc
