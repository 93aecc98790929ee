"""Per-document extractions saved next to the graph, so `kg add` re-parses only what is new.

Parsing is nearly all of a build's time, while resolution and graph building are cheap and
must see the whole corpus. So `kg build` saves what each document contributed (its
Extraction) in OUT/extractions.jsonl, and `kg add` loads it, parses only new or changed
documents, and re-runs resolution over everything: the same graph as building all at once.

File format (JSON lines): a header object {"format": "kg-extractions/1", "kg_version",
"model", "base", "title", "max_nodes"}, then one object per document in corpus order:
{"document": {...}, "sha256": text hash, "deferred": true when the language had no pipeline,
"mentions": [...], "relations": [...], "aliases": {...}, "typing": {name: [[cue id, type,
weight, count], ...]}}. Mentions and relations are their dataclass fields without `doc_id` (it is
the document's); "typing" (the typing cues that voted, for `kg explain`) may be missing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .export._atomic import atomic_write
from .model import Document, Extraction, Mention, Relation

FORMAT = "kg-extractions/1"
FILENAME = "extractions.jsonl"


class StoreError(Exception):
    """The extractions file is missing, unreadable or from an incompatible version."""


@dataclass
class Snapshot:
    """A corpus as `kg add` sees it: documents in order, their extractions, build settings."""

    documents: list[Document]
    extractions: list[Extraction]  # one per parsed document (not the deferred ones)
    deferred: list[Document]  # languages with no pipeline: linked to known names at build time
    settings: dict[str, Any] = field(default_factory=dict)  # model, base, title, html, max_nodes


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record(obj: Any) -> dict:
    # Mentions and relations are flat (their only nested field is a tuple of string pairs), so a
    # shallow copy does what dataclasses.asdict does, minus its deep-copying: 6x faster at 10k
    # articles.
    data = {f.name: getattr(obj, f.name) for f in _fields(type(obj)) if f.name != "doc_id"}
    if "qualifiers" in data:
        data["qualifiers"] = [list(pair) for pair in data["qualifiers"]]
    return data


_FIELDS: dict[type, tuple] = {}


def _fields(cls: type) -> tuple:
    if cls not in _FIELDS:
        _FIELDS[cls] = dataclasses.fields(cls)
    return _FIELDS[cls]


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _restore(cls: type, data: dict, doc_id: str) -> Any:
    """Rebuild a Mention/Relation; JSON lists go back to tuples where the field is a tuple."""
    kwargs = dict(data)
    if "doc_id" in {f.name for f in dataclasses.fields(cls)}:
        kwargs["doc_id"] = doc_id
    for f in dataclasses.fields(cls):
        if f.name in kwargs and str(f.type).startswith("tuple"):
            kwargs[f.name] = _tuples(kwargs[f.name])
    return cls(**kwargs)


def dump(path: str | Path, snapshot: Snapshot) -> None:
    """Write the snapshot atomically: a failed write leaves the previous file as it was."""
    by_id = {ex.document.id: ex for ex in snapshot.extractions}
    deferred = {d.id for d in snapshot.deferred}
    header = {"format": FORMAT, "kg_version": __version__, **snapshot.settings}
    with atomic_write(path) as fh:
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for doc in snapshot.documents:
            ex = by_id.get(doc.id) or Extraction(document=doc)
            record = {
                "document": dataclasses.asdict(doc),
                "sha256": text_hash(doc.text),
                "deferred": doc.id in deferred,
                "mentions": [_record(m) for m in ex.mentions],
                "relations": [_record(r) for r in ex.relations],
                "aliases": ex.aliases,
                "typing": ex.typing,
            }
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def load(path: str | Path) -> Snapshot:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{path}: cannot read ({exc})") from None
    try:
        header = json.loads(lines[0]) if lines else {}
    except json.JSONDecodeError:
        header = {}
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise StoreError(f"{path}: not a {FORMAT} file")
    settings = {k: v for k, v in header.items() if k not in ("format",)}
    documents: list[Document] = []
    extractions: list[Extraction] = []
    deferred: list[Document] = []
    for lineno, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            doc = _document(rec["document"])
            mentions = [_restore(Mention, m, doc.id) for m in rec["mentions"]]
            relations = [_restore(Relation, r, doc.id) for r in rec["relations"]]
            aliases = dict(rec.get("aliases") or {})
            typing = dict(rec.get("typing") or {})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise StoreError(
                f"{path}:{lineno}: damaged or written by another kg version "
                f"({type(exc).__name__}: {exc}); rebuild with kg build"
            ) from None
        documents.append(doc)
        if rec.get("deferred"):
            deferred.append(doc)
        else:
            extractions.append(
                Extraction(
                    doc, mentions=mentions, relations=relations, aliases=aliases, typing=typing
                )
            )
    return Snapshot(
        documents=documents, extractions=extractions, deferred=deferred, settings=settings
    )


def _document(data: dict) -> Document:
    """A stored document; lists back to tuples (files of older versions have no sources)."""
    data = dict(data)
    for name in ("sources", "locations"):
        if name in data:
            data[name] = tuple(data[name] or ())
    return Document(**data)


def reconcile(
    previous: list[Document], documents: list[Document]
) -> tuple[list[Document], list[Document]]:
    """(previous, documents) with new documents matched to stored ones by what they are.

    How the user names a path must not matter: an article whose text is already stored is
    that document (unchanged), whichever path or file name it is read by now; a file read
    from a stored location whose text changed replaces the document read from there (the
    stored one takes the new id, so the update goes in place). Anything else is new.
    """
    from .ingest import content_key

    by_key = {content_key(d.text): d for d in previous}
    by_location: dict[str, Document] = {}
    for d in previous:
        if len(d.locations) == 1:  # a file with copies elsewhere: the copies keep that text
            by_location[d.locations[0]] = d
    known_ids = {d.id for d in previous}
    renamed: dict[str, str] = {}
    matched: list[Document] = []
    for doc in documents:
        old = by_key.get(content_key(doc.text))
        if old is not None:
            doc = dataclasses.replace(doc, id=renamed.get(old.id, old.id), text=old.text)
        elif doc.id not in known_ids:
            old = next((by_location[loc] for loc in doc.locations if loc in by_location), None)
            if old is not None and old.id not in renamed:
                renamed[old.id] = doc.id
        matched.append(doc)
    if renamed:
        previous = [dataclasses.replace(d, id=renamed.get(d.id, d.id)) for d in previous]
    return previous, matched


def snapshot_of(
    documents: Iterable[Document],
    extractions: Iterable[Extraction],
    deferred: Iterable[Document],
    **settings: Any,
) -> Snapshot:
    return Snapshot(list(documents), list(extractions), list(deferred), dict(settings))


__all__ = [
    "FILENAME",
    "FORMAT",
    "Snapshot",
    "StoreError",
    "dump",
    "load",
    "reconcile",
    "snapshot_of",
    "text_hash",
]
