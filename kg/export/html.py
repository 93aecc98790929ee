"""Self-contained interactive HTML view of the graph (vis-network inlined, no network).

Everything from the graph is untrusted text (names and sentences come from scraped articles).
It reaches the page only as JSON inside a non-executable script block, with `<`, `>` and `&`
escaped, and the page script puts it into the DOM with textContent and createElement, never as
markup; vis-network tooltips get DOM elements, not HTML strings. A Content-Security-Policy
allows exactly the page's own inline scripts and style (by hash) and no network access at all,
so even a mistake cannot load or send anything.

`graph_data` (kg/export/_viewdata.py) is the testable half: plain dicts of what the page draws,
no browser needed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import os
import re
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph

from ._atomic import atomic_write
from ._viewdata import COLOURS, graph_data

VIS_DIR = "templates/lib/vis-9.1.2"  # inside the pyvis package, a declared dependency
APP_SCRIPTS = (
    "view.js",
    "layout.js",
    "focus.js",
    "table.js",
)  # inlined in this order, each hashed in the CSP


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> block or open a comment there: <, > and & escaped."""
    return (
        json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def write_html(
    graph: Graph,
    path: Path,
    *,
    title: str = "Knowledge graph",
    max_nodes: int | None = None,
    built: datetime | date | str | None = None,
    **_options: Any,
) -> None:
    """Write the interactive page; `max_nodes` keeps the N most connected entities.

    Extra keyword options (meant for other exporters) are ignored.
    """
    data = graph_data(graph, max_nodes=max_nodes)
    data["meta"]["title"] = title
    data["meta"]["built"] = _built(built)
    page = render_page(data)
    with atomic_write(path) as handle:
        handle.write(page)


def render_page(data: dict[str, Any]) -> str:
    """The page for `graph_data` output (with meta.title and meta.built added)."""
    meta = data["meta"]
    style = _normalise(_asset_text("vis-network.css") + "\n" + _template("view.css"))
    vis_js = _normalise(_asset_text("vis-network.min.js"))
    apps = [_normalise(_template(name)) for name in APP_SCRIPTS]
    inlined = [("vis-network.css", style, "</style"), ("vis-network.min.js", vis_js, "</script")]
    for name, text, end in inlined + [(n, t, "</script") for n, t in zip(APP_SCRIPTS, apps)]:
        lowered = text.lower()
        if end in lowered or "<!--" in lowered:
            raise ValueError(f"{name} cannot be inlined: it contains {end!r} or '<!--'")
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_hash(text) for text in [vis_js, *apps]),
            f"style-src {_hash(style)}",
            "img-src data:",
            "connect-src 'none'",
            "font-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    notice = ""
    if meta["truncated"]:
        notice = (
            f"Showing the {meta['shown_entities']:,} most connected "
            f"of {meta['entities']:,} entities "
            f"(max_nodes={meta['max_nodes']}); the RDF export has them all."
        )
    values = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(meta.get("title") or "Knowledge graph"),
        "SUMMARY": html.escape(_summary(meta)),
        "NOTICE": f'<p class="kg-notice" id="kg-notice">{html.escape(notice)}</p>'
        if notice
        else "",
        "STYLE": style,
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": "".join(f"<script>{text}</script>\n" for text in apps),
    }
    # One pass: text substituted in is never scanned for placeholders again.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], _template("page.html"))


def _summary(meta: dict) -> str:
    parts = [
        _count(meta["shown_entities"], "entity", "entities"),
        _count(meta["shown_relations"], "relation", "relations"),
    ]
    docs = _count(meta["documents"], "document", "documents")
    if meta.get("dates"):
        first, last = meta["dates"]
        docs += f" ({first})" if first == last else f" ({first} – {last})"
    parts.append(docs)
    if meta.get("built"):
        parts.append(f"built {meta['built']}")
    return " · ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _built(value: datetime | date | str | None) -> str:
    """Build time for the title line; SOURCE_DATE_EPOCH makes it reproducible."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (
        datetime.fromtimestamp(int(epoch), timezone.utc)
        if epoch.isdigit()
        else datetime.now(timezone.utc)
    )
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _hash(text: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        + "'"
    )


def _normalise(text: str) -> str:
    """Newlines as the HTML parser will see them, so the CSP hashes match."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _asset_text(name: str) -> str:
    # find_spec locates pyvis without importing it (its import pulls in jinja2, networkx, IPython)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError(
            "pyvis is not installed: it provides the vis-network script the page inlines"
        )
    return (Path(next(iter(spec.submodule_search_locations))) / VIS_DIR / name).read_text(
        encoding="utf-8"
    )


def _template(name: str) -> str:
    return resources.files(__package__).joinpath(f"templates/{name}").read_text(encoding="utf-8")


__all__ = ["COLOURS", "graph_data", "json_for_script", "render_page", "write_html"]
