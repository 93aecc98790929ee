"""RSS and Atom feed files (feedparser): each entry an article with its title, link and date.

An entry's full content (content:encoded, Atom content) is preferred over its summary, which
is often a teaser. Feeds are parsed from bytes, never from a URL, so nothing is fetched.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

from ..model import Document
from .common import Report, make_document, warn
from .html import html_to_text


def read_feed(
    data: bytes, *, source: str, location: str | None, max_chars: int, report: Report
) -> Iterator[Document]:
    import feedparser

    feed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    entries = feed.get("entries") or []
    if not entries:
        reason = f" ({feed.get('bozo_exception')})" if feed.get("bozo") else ""
        warn(source, f"skipped: no feed entries found{reason}")
        return
    for number, entry in enumerate(entries, 1):
        where = f"{source}#{number}"
        text = _entry_text(entry)
        if not text.strip():
            warn(where, "skipped: entry has no content or summary")
            continue
        doc = make_document(
            text,
            doc_id=None,
            source=where,
            location=f"{location}#{entry.get('id') or entry.get('link') or number}"
            if location else None,
            title=html_to_text(entry.get("title") or "") or None,
            date=_entry_date(entry),
            url=entry.get("link"),
            author=entry.get("author"),
            lang=(entry.get("language") or feed.feed.get("language") or None),
            max_chars=max_chars,
        )
        if doc is not None:
            yield doc


def _entry_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    body = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    return html_to_text(body if len(body) >= len(summary) else summary)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return entry.get("published") or entry.get("updated")
