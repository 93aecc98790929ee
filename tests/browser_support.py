"""Headless Chromium for the graph-view tests: the system Chromium through Playwright's Python
package (never `playwright install`), a page session that records every request, console error
and dialog, and measurements of what the page draws (label sizes and overlaps on screen).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # belt and braces: no name resolves
]


def _chromium() -> str | None:
    """KG_CHROMIUM if set (it alone: set it to nothing real to skip these tests), else the system one."""
    if os.environ.get("KG_CHROMIUM"):
        candidates = [os.environ["KG_CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((c for c in candidates if c and Path(c).exists()), None)


_STARTED: list = []  # the one Chromium of the session (see `browser`)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. Each test module that imports this fixture gets its
    own copy of it, and a second Playwright cannot start while the first runs, so later copies
    reuse the browser the first one started (and leave closing it to that one)."""
    if _STARTED:
        yield _STARTED[0]
        return
    try:
        from playwright import sync_api
    except ImportError as exc:  # not installed, or installed without its native parts
        pytest.skip(f"playwright not usable: {exc}")
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    try:
        manager = sync_api.sync_playwright().start()
    except Exception as exc:  # its driver could not start
        pytest.skip(f"playwright not usable: {exc}")
    try:
        try:
            instance = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken or incompatible Chromium is an environment problem
            pytest.skip(f"cannot start chromium: {exc}")
        _STARTED.append(instance)
        yield instance
        instance.close()
    finally:
        _STARTED.clear()
        manager.stop()


class Session:
    """One page plus everything it tried to fetch, said on the console, or popped up."""

    def __init__(self, browser, path: Path, viewport: tuple[int, int] = (1280, 800)):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "assert") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self):
        self.page.goto(self.url)
        # Attribute set by the page when the network is drawn and usable (string predicates for
        # wait_for_function would need 'unsafe-eval', which the page's CSP rightly forbids).
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=20000)
        return self.page

    def assert_clean(self):
        assert self.errors == []
        assert self.dialogs == []
        assert self.blocked == []
        assert set(self.requests) <= {self.url}

    def close(self):
        self.context.close()


@pytest.fixture
def session(browser):
    opened: list[Session] = []

    def make(path: Path, viewport: tuple[int, int] = (1280, 800)) -> Session:
        opened.append(Session(browser, path, viewport))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


def readable_view(page, min_px: float = 10.0) -> dict:
    """Labels drawn on screen: how many are in the graph area, how many read at `min_px` or
    more, and the pairs of labels that overlap by more than 3 pixels both ways."""
    boxes = page.evaluate("() => kg.labelBoxes()")
    area = page.evaluate(
        "() => { const b = document.getElementById('kg-graph').getBoundingClientRect();"
        " return [b.left, b.top, b.right, b.bottom]; }"
    )
    inside = [b for b in boxes if b["right"] > area[0] and b["left"] < area[2] and b["bottom"] > area[1] and b["top"] < area[3]]
    readable = [b for b in inside if b["px"] >= min_px]
    clashes = []
    for i, a in enumerate(inside):
        for b in inside[i + 1 :]:
            w = min(a["right"], b["right"]) - max(a["left"], b["left"])
            h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if w > 3 and h > 3:
                clashes.append((a["label"], b["label"], round(w, 1), round(h, 1)))
    return {"drawn": len(boxes), "in_view": len(inside), "readable": len(readable), "overlaps": clashes,
            "min_px": min((b["px"] for b in inside), default=0.0), "ids": [b["id"] for b in inside]}
