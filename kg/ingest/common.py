"""What every input kind shares: warnings, decoding, sanitising, dates, the size cap, Documents.

Bad input never stops a build: an unreadable file or record is skipped with a warning naming
it (file and line), so one broken record cannot cost the facts of the others.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
import warnings
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document

# A 10 MB article took minutes and gigabytes; no news article comes near a million characters
# (long reads are ~50k), so the default cap only ever stops accidents: logs, dumps, books.
DEFAULT_MAX_CHARS = 1_000_000

# Seed files begin with " date 2024-11-17"; that is metadata, not article text.
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;,]$")
# Lone surrogates cannot be encoded at all (the tokenizer and json.dump fail on them); other C0
# controls and non-characters break XML outputs and mean nothing in an article.
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


class IngestWarning(UserWarning):
    """A file or record was skipped or read with a fallback; the message names it and why."""


class InputError(Exception):
    """A user error about the inputs (missing path, URL): reported in one line by the CLI."""


def warn(where: Path | str, reason: str) -> None:
    if reason.startswith("skipped") and (report := _REPORT.get()) is not None:
        report.skipped += 1
    warnings.warn(f"{where}: {reason}", IngestWarning, stacklevel=3)


@dataclass
class Report:
    """What reading found besides documents, for the build summary and --verbose."""

    files: int = 0
    unsupported: list[str] = field(default_factory=list)  # files of kinds kg does not read
    repeated: list[str] = field(default_factory=list)  # paths already read under another name
    duplicates: list[str] = field(default_factory=list)  # sources whose text was already read
    skipped: int = 0  # files or records skipped with a warning (counted by `warn`)

    def lines(self, *, verbose: bool = False) -> list[str]:
        """One summary line (when there is something to say), plus names with `verbose`."""
        parts = []
        if self.unsupported:
            kinds = sorted({Path(p).suffix.lower() or "(no suffix)" for p in self.unsupported})
            parts.append(f"{_n(len(self.unsupported), 'file')} of unsupported kinds not read "
                         f"({', '.join(kinds)})")
        if self.repeated:
            parts.append(f"{_n(len(self.repeated), 'path')} given more than once read once")
        if self.duplicates:
            parts.append(f"{_n(len(self.duplicates), 'duplicate article')} (the text of another"
                         " file or record) kept as extra sources of one document")
        if self.skipped:
            parts.append(f"{_n(self.skipped, 'file or record', 'files or records')} skipped "
                         "(see warnings)")
        out = [f"read {_n(self.files, 'file')}: " + "; ".join(parts)] if parts else []
        if verbose:
            out += [f"  unsupported: {p}" for p in self.unsupported]
            out += [f"  read once: {p}" for p in self.repeated]
            out += [f"  duplicate: {p}" for p in self.duplicates]
        if parts and not verbose and (self.unsupported or self.repeated or self.duplicates):
            out[0] += " (--verbose names them)"
        return out


# The report of the read in progress: every "skipped" warning counts in its summary.
_REPORT: ContextVar[Report | None] = ContextVar("kg_ingest_report", default=None)


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def decode(data: bytes, *, source: str = "<bytes>") -> str | None:
    """UTF-8 (BOM or not), UTF-16/32 (BOM or NUL pattern); else cp1252/latin-1 with a warning."""
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                          (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding, source)
    if b"\x00" in data[:8192]:
        encoding = _utf16_by_nul_pattern(data[:8192])
        if encoding:
            return _decode_as(data, encoding, source)
        warn(source, "skipped: looks binary (NUL bytes)")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):  # latin-1 decodes any bytes
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warn(source, f"not valid UTF-8, decoded as {encoding}")
        return text
    return None  # pragma: no cover


def _decode_as(data: bytes, encoding: str, source: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        warn(source, f"skipped: looks like {encoding.upper()} but does not decode")
        return None


def _utf16_by_nul_pattern(sample: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte, on one side."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = len(even)
    if odd.count(0) > 0.4 * n and even.count(0) < 0.05 * n:
        return "utf-16-le"
    if even.count(0) > 0.4 * n and odd.count(0) < 0.05 * n:
        return "utf-16-be"
    return None


def sanitise(text: str) -> str:
    """Text every later stage can encode: lone surrogates -> U+FFFD, control characters dropped."""
    text = _UNENCODABLE.sub("\ufffd", text)
    return _CONTROL.sub("", text)


def content_key(text: str) -> str:
    """The identity of an article: its text, whatever file, path or line it was read from.

    Line endings, runs of whitespace and Unicode normalisation do not count, so a syndicated
    story saved twice is one document.
    """
    norm = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control / len(sample) > 0.05


def normalise_date(value: object, *, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) when the value is one; else the text, warned.

    A datetime keeps its day; an impossible date ("2024-13-45") is kept as plain text, never
    passed on as if valid, so the graph writes it as a plain literal.
    """
    if value in (None, ""):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?",
                     text)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            _dt.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            m = None
        else:
            return text[: 10 if day else 7 if month else 4]
    parsed = _parse_written_date(text)
    if parsed:
        return parsed
    warn(where, f"date {text!r} is not a valid date; kept as plain text")
    return sanitise(text)


def _parse_written_date(text: str) -> str | None:
    """Dates as feeds and front matter write them: RFC 2822, "14 March 2024", "March 14, 2024"."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def cap(text: str, *, max_chars: int, where: str) -> str:
    """At most `max_chars` characters, cut at a paragraph, line or sentence end, with a warning."""
    if len(text) <= max_chars:
        return text
    window = text[:max_chars]
    cut = max(window.rfind("\n\n"), window.rfind("\n"))
    if cut < max_chars // 2:
        cut = window.rfind(". ")
    cut = cut + 1 if cut >= max_chars // 2 else max_chars
    warn(where, f"truncated to {cut:,} of {len(text):,} characters (--max-chars {max_chars:,})")
    return text[:cut]


def make_document(
    text: str,
    *,
    doc_id: str | None,
    source: str,
    location: str | None = None,
    title: object = None,
    date: object = None,
    url: object = None,
    author: object = None,
    lang: object = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document | None:
    """Normalise text and metadata; the id is the text's content key unless the input gave one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    match = _DATE_MARKER.match(text)
    if match:
        date = date or match.group(1)
        text = text[match.end():]
    if not text.strip():
        warn(source, "skipped: empty")
        return None
    if _looks_binary(text):
        warn(source, "skipped: looks binary (control characters)")
        return None
    text = cap(sanitise(text), max_chars=max_chars, where=source)
    title = _meta(title)
    return Document(
        id=sanitise(doc_id) if doc_id else content_key(text),
        text=text,
        source=sanitise(source),
        title=title if title is not None else headline(text),
        date=normalise_date(date, where=source),
        url=_meta(url),
        lang=_meta(lang),
        author=_meta(author),
        locations=(location,) if location else (),
    )


def _meta(value: object) -> str | None:
    """A metadata value as one clean line of text, or None."""
    if isinstance(value, (list, tuple)):  # authors: [A, B]
        value = ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if value is None or isinstance(value, dict):
        return None
    text = _SPACES.sub(" ", sanitise(str(value))).strip()
    return text[:1000] or None


def headline(text: str) -> str | None:
    """The first line, when it reads like a headline: short, alone on its line, unpunctuated."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > 200:
        return None
    if _SENTENCE_END.search(first) or len(first.split()) < 2:
        return None
    return first
