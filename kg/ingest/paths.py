"""Which files the given paths name: folders walked, kinds told apart, each file read once.

Only regular files are ever opened: a FIFO would block forever and /dev/zero never ends, so
both are refused with a warning. Symlinks are followed (a looping or dangling one is warned
about), and a file reached twice (given twice, a folder and a file in it, a symlink to it)
is read once.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .common import InputError, Report, warn

KINDS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
SUPPORTED = ".txt .md .jsonl .html .htm .warc .warc.gz .rss .atom, .xml feeds"
STDIN = "-"
# "https://x" given on the command line arrives as the Path "https:/x".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:/")
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)\b")


@dataclass(frozen=True)
class Source:
    """One file to read: its kind, the path as the user would write it, and its real location."""

    path: str  # as given (or joined from a given folder); "-" for stdin
    kind: str
    location: str | None  # real path: the same for every way of naming the file


def kind_of(path: Path) -> str | None:
    """The reader for a file by its name (a .xml file only when it is a feed)."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    kind = KINDS.get(path.suffix.lower())
    if kind == "feed" and path.suffix.lower() == ".xml" and not _is_feed(path):
        return None
    return kind


def _is_feed(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return bool(_FEED_ROOT.search(head))


def iter_sources(paths: Iterable[str | Path], report: Report) -> Iterator[Source]:
    """The files under `paths`, in order; a missing path or a URL fails before any is read."""
    given = [str(p) for p in paths]
    for p in given:
        if p != STDIN:
            _check_exists(p)
    seen: set[tuple[int, int]] = set()
    stdin_read = False
    for p in given:
        if p == STDIN:
            if stdin_read:
                report.repeated.append(STDIN)
                continue
            stdin_read = True
            yield Source(STDIN, "stdin", None)
        elif os.path.isdir(p):
            yield from _walk(Path(p), seen, report, ancestors=frozenset())
        else:
            src = _given_file(Path(p), seen, report)
            if src:
                yield src


def _check_exists(p: str) -> None:
    try:
        os.stat(p)
    except FileNotFoundError:
        if _URL.match(p) and not os.path.lexists(p):
            url = re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*:)/(?!/)", r"\1//", p)
            raise InputError(f"{url}: kg reads files only; save the page or feed and give "
                             "its path (the build stays offline)") from None
        dangling = " (a dangling symlink)" if os.path.islink(p) else ""
        raise InputError(f"{p}: no such file or directory{dangling}") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None


def _given_file(path: Path, seen: set, report: Report) -> Source | None:
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        warn(path, f"skipped: not a regular file ({_what(st.st_mode)}), never read")
        return None
    if (st.st_dev, st.st_ino) in seen:
        report.repeated.append(str(path))
        return None
    seen.add((st.st_dev, st.st_ino))
    report.files += 1
    kind = kind_of(path)
    if kind is None:
        warn(path, f"not a file kg knows ({SUPPORTED}); reading it as plain text")
        kind = "text"
    return Source(str(path), kind, os.path.realpath(path))


def _walk(folder: Path, seen: set, report: Report, *, ancestors: frozenset) -> Iterator[Source]:
    """Depth-first in name order; hidden files and folders (.git, ...) are not articles."""
    here = os.stat(folder)
    ancestors = ancestors | {(here.st_dev, here.st_ino)}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        warn(folder, f"skipped: cannot list folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        try:
            st = os.stat(child)  # follows symlinks
        except FileNotFoundError:
            warn(child, "skipped: dangling symlink (its target does not exist)")
            continue
        except OSError as exc:
            reason = "symlink loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
            warn(child, f"skipped: {reason}")
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in ancestors:
                warn(child, "skipped: symlink loop (links back to a folder above it)")
                continue
            yield from _walk(child, seen, report, ancestors=ancestors)
        elif not stat.S_ISREG(st.st_mode):
            warn(child, f"skipped: not a regular file ({_what(st.st_mode)}), never read")
        elif (st.st_dev, st.st_ino) in seen:
            report.repeated.append(str(child))
        else:
            seen.add((st.st_dev, st.st_ino))
            kind = kind_of(child)
            if kind is None:
                report.unsupported.append(str(child))
                continue
            report.files += 1
            yield Source(str(child), kind, os.path.realpath(child))


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def read_limited(path: str, limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes of a file, and whether there was more."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) <= limit:
        return data, False
    data = data[:limit]
    newline = data.rfind(b"\n", max(0, limit - 65536))
    return (data[: newline + 1] if newline >= 0 else data), True
