"""Web pages: the article's main text and metadata, without navigation, banners or comments.

trafilatura finds the main text (boilerplate removal) and the title, author, date (htmldate)
and canonical URL, from <meta> tags and JSON-LD alike; it works offline on the page as saved.
The page's declared language (<html lang>) and a JSON-LD url fill what it leaves out.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..model import Document
from .common import make_document, warn

_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?",
                        re.IGNORECASE)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>",
                      re.IGNORECASE | re.DOTALL)
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "pre", "ul", "ol", "table", "figure", "header", "footer"}


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """Bytes of a page as text: BOM, then the declared charset, then UTF-8, then cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    m = _CHARSET.search(data[:4096])
    declared = charset or (m.group(1).decode("ascii") if m else None)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1252", errors="replace")


def read_html(
    data: bytes,
    *,
    source: str,
    location: str | None,
    max_chars: int,
    url: str | None = None,
    date: str | None = None,
    charset: str | None = None,
) -> Iterator[Document]:
    """One document from one page (`url`, `date`: a WARC record's, for a page that has none)."""
    page = decode_html(data, charset=charset)
    found = extract_page(page)
    if found is None or not (found.get("text") or "").strip():
        warn(source, "skipped: no article text found in the page")
        return
    lang = m.group(1).decode("ascii").lower() if (m := _HTML_LANG.search(data[:4096])) else None
    doc = make_document(
        found["text"],
        doc_id=None,
        source=source,
        location=location,
        title=found.get("title") or "",
        date=found.get("date") or date,
        url=found.get("url") or _json_ld_url(page) or url,
        author=found.get("author"),
        lang=found.get("language") or lang,
        max_chars=max_chars,
    )
    if doc is not None:
        yield doc


def extract_page(page: str) -> dict | None:
    """trafilatura's main text and metadata of a page, as a plain dict (None: nothing found)."""
    import trafilatura

    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        # the page's own date (meta tags, JSON-LD, URL), never a guess from "today"
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _json_ld_url(page: str) -> str | None:
    """The url/mainEntityOfPage of a JSON-LD NewsArticle (trafilatura reads the rest of it)."""
    for block in _JSON_LD.findall(page[:200_000]):
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            for key in ("url", "mainEntityOfPage"):
                value = item.get(key)
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return None


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one line per block element."""
    import lxml.html
    from lxml import etree

    fragment = fragment.strip()
    if not fragment:
        return ""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
