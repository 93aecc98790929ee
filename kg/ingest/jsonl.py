"""JSON Lines: one `{"id"?, "text", "title"?, "date"?, "url"?, "author"?}` object per line.

Lines are what JSON Lines defines them to be: split on "\\n" only. U+2028, U+2029 and U+0085
are legal inside a JSON string, and `str.splitlines()` would cut a record there (losing it and
shifting every later line number). Each line is parsed on its own: a bad line (invalid JSON,
nesting too deep to parse, not an object) is skipped with a warning naming file and line.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import Document
from .common import Report, decode, make_document, warn

# JSON spends up to six bytes on a character ("\\u00e9"), plus the other fields of the record.
_BYTES_PER_CHAR = 6
_SLACK = 1 << 20


def line_limit(max_chars: int) -> int:
    return max_chars * _BYTES_PER_CHAR + _SLACK


def read_jsonl(
    fh, *, source: str, location: str | None, max_chars: int, report: Report
) -> Iterator[Document]:
    """Records of a buffered binary stream, a line at a time (memory stays flat)."""
    head = fh.peek(4)[:4]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) == 4 and b"\x00" in head):
        text = decode(fh.read(line_limit(max_chars)), source=source)  # UTF-16/32: rare
        if text is not None:
            lines = ((line + "\n").encode("utf-8") for line in text.split("\n"))
            yield from _records(lines, source, location, max_chars, report)
        return
    yield from _records(_lines(fh, max_chars), source, location, max_chars, report)


def _lines(fh, max_chars: int) -> Iterator[bytes | None]:
    """Lines split on b"\\n"; None for a line past the limit (read through, never kept)."""
    limit = line_limit(max_chars)
    while line := fh.readline(limit):
        if len(line) >= limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _records(
    lines: Iterable[bytes | None], source: str, location: str | None, max_chars: int, report: Report
) -> Iterator[Document]:
    warned_encoding = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        if raw is None:
            warn(where, f"skipped: record longer than {line_limit(max_chars):,} bytes "
                        f"(--max-chars {max_chars:,})")
            continue
        if not raw.strip():
            continue
        line = _decode_line(raw, where, quiet=warned_encoding)
        warned_encoding = warned_encoding or not _is_utf8(raw)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(where, f"skipped: invalid JSON ({exc.msg})")
            continue
        except RecursionError:
            warn(where, "skipped: JSON nested too deeply to read")
            continue
        if lineno == 1 and isinstance(record, dict) and str(record.get("format", "")).startswith(
            "kg-extractions/"
        ):  # OUT/extractions.jsonl of an earlier build (e.g. --out inside the input folder)
            warn(source, "skipped: extractions saved by kg build, not articles")
            return
        doc = _document(record, where, location, lineno, max_chars)
        if doc is not None:
            yield doc


def _document(
    record: object, where: str, location: str | None, lineno: int, max_chars: int
) -> Document | None:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        warn(where, 'skipped: expected an object with a "text" string')
        return None
    doc_id = record.get("id")
    return make_document(
        record["text"],
        doc_id=str(doc_id) if isinstance(doc_id, (str, int)) and str(doc_id) else None,
        source=where,
        location=f"{location}:{lineno}" if location else None,
        title=record.get("title"),
        date=record.get("date"),
        url=record.get("url"),
        author=record.get("author"),
        lang=record.get("lang") or record.get("language"),
        max_chars=max_chars,
    )


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_line(raw: bytes, where: str, *, quiet: bool) -> str:
    try:
        return raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        if not quiet:
            warn(where, "not valid UTF-8, decoded as cp1252 (or latin-1)")
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
