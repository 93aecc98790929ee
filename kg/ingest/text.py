"""Plain text and Markdown files; Markdown front matter (YAML) gives title, date, url, author.

Markdown syntax is reduced to its text (heading marks, emphasis, link targets, images and
code fences go), so the parser sees sentences rather than `**Lyon**` or `[name](https://..)`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Document
from .common import make_document, warn

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)]|\|)\s")
_URL_KEYS = ("url", "canonical_url", "canonical", "link", "permalink", "source")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "date_published")


def read_text(
    text: str, *, source: str, location: str | None, max_chars: int
) -> Iterator[Document]:
    doc = make_document(text, doc_id=None, source=source, location=location, max_chars=max_chars)
    if doc is not None:
        yield doc


def read_markdown(
    text: str, *, source: str, location: str | None, max_chars: int
) -> Iterator[Document]:
    meta, body = front_matter(text, source=source)
    doc = make_document(
        markdown_to_text(body),
        doc_id=None,
        source=source,
        location=location,
        title=meta.get("title"),
        date=_first(meta, _DATE_KEYS),
        url=_first(meta, _URL_KEYS),
        author=_first(meta, ("author", "authors", "byline")),
        lang=_first(meta, ("lang", "language")),
        max_chars=max_chars,
    )
    if doc is not None:
        yield doc


def front_matter(text: str, *, source: str) -> tuple[dict, str]:
    """(metadata, body): YAML between leading `---` lines; bad YAML is warned and dropped."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return {}, text
    import yaml

    body = text.replace("\r\n", "\n")[match.end():]
    try:
        meta = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        warn(source, f"front matter is not valid YAML, ignored ({reason})")
        return {}, body
    if not isinstance(meta, dict):
        return {}, body
    return {str(k).lower(): v for k, v in meta.items()}, body


def markdown_to_text(text: str) -> str:
    """The prose of a Markdown document: what a reader sees, not the markup."""
    text = _COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_DEF.sub("", text)
    text = _HEADING.sub(r"\1", text)
    text = _BLOCKQUOTE.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    return "\n\n".join(_unwrap(b) for b in re.split(r"\n\s*\n", text) if b.strip()) + "\n"


def _unwrap(block: str) -> str:
    """A paragraph's hard-wrapped lines joined (in Markdown a single newline is a space; kg
    ends a sentence at every line break); list items and table rows stay one per line."""
    lines = [line.strip() for line in block.strip().split("\n")]
    if any(_LIST_ITEM.match(line) for line in lines):
        return "\n".join(lines)
    return " ".join(lines)


def _first(meta: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if meta.get(key) not in (None, ""):
            return meta[key]
    return None
