"""Web archives (.warc, .warc.gz, e.g. Common Crawl's CC-NEWS): each HTML response an article.

Records are streamed (a CC-NEWS file is ~1 GB); requests, metadata and non-HTML responses are
passed over. A record cut short (a truncated download) is warned about by number and the
records before it are kept. The page's own date wins over the crawl date (WARC-Date).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Document
from .common import Report, warn
from .html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: str, *, location: str | None, max_chars: int, report: Report
) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = max_chars * 8  # markup around the text
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh, arc2warc=True)
        number = 0
        while True:
            number += 1
            try:
                record = next(records)
                item = _payload(record, limit)
            except StopIteration:
                return
            except _Truncated as exc:
                warn(f"{path}#{number}", f"skipped: truncated record ({exc})")
                continue
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
                text = str(exc).strip()
                reason = text.splitlines()[0] if text else type(exc).__name__
                warn(f"{path}#{number}", f"skipped: damaged or truncated record ({reason[:200]});"
                                         " no later record can be read")
                return
            if item is None:
                continue
            data, url, date, charset = item
            where = f"{path}#{number}"
            if record.rec_headers.get_header("WARC-Truncated"):
                warn(where, "record marked truncated by the crawler; reading what it holds")
            if len(data) > limit:
                warn(where, f"page longer than {limit:,} bytes; only its start is read")
                data = data[:limit]
            yield from read_html(
                data, source=where, location=f"{location}#{url or number}" if location else None,
                max_chars=max_chars, url=url, date=date, charset=charset,
            )


class _Truncated(Exception):
    """A record the file ends inside of."""


def _payload(record, limit: int) -> tuple[bytes, str | None, str | None, str | None] | None:
    """(body, url, crawl date, charset) of an HTML response record; None for other records."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if not ctype.lower().startswith(_HTML_TYPES):
        return None
    charset = None
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    body = record.content_stream().read(limit + 1)
    missing = getattr(record.raw_stream, "limit", 0) if len(body) <= limit else 0
    if missing:  # the file ends inside the record: what is there is a fragment of the page
        raise _Truncated(f"{missing:,} of its {record.length:,} bytes missing")
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return body, url, date, charset
