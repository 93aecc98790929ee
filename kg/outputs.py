"""The files a build writes into --out, committed as one set, one run at a time.

Why: graph.ttl, graph.html and extractions.jsonl must always belong to the same run. Each file
being atomic on its own is not enough: a run killed or failing between two renames left a new
graph.ttl beside an old extractions.jsonl, and `kg add` then trusted the mix. And two runs on
the same folder each read the old state and the later one dropped the other's documents.

Layout of OUT (the user-facing names never change):

    OUT/graph.ttl          -> .kg/current/graph.ttl      (symlinks)
    OUT/graph.html         -> .kg/current/graph.html
    OUT/extractions.jsonl  -> .kg/current/extractions.jsonl
    OUT/.kg/current        -> g000042                    (one symlink: the commit point)
    OUT/.kg/g000042/       the files of the last run; the run before is kept for readers
    OUT/.kg/lock           flock'ed for the whole run

A run writes its files into a staging folder (`.kg/stage-*`), fsyncs them, renames the folder
to the next generation and switches `.kg/current` with one rename. Until that rename the
previous set is what every name shows; after it, the new set. A killed run leaves at most a
staging folder and temporaries, removed by the next run on the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

STATE = ".kg"
CURRENT = "current"
LOCK = "lock"
# Every file name a build may publish (used to adopt outputs written before generations).
OUTPUT_NAMES = ("graph.ttl", "graph.html", "extractions.jsonl")
_GEN = re.compile(r"g(\d{6,})")
# Temporaries of kg.export._atomic.atomic_write (mkstemp: 8 random characters) and our links.
_TEMPORARY = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")

Writer = Callable[[Path], None]
"""Writes one output file at the given path (inside the staging folder)."""


class OutputError(Exception):
    """The output folder cannot be used or written: reported in one line."""


@dataclass(frozen=True)
class Committed:
    """What a commit published: the generation folder and the names now pointing into it."""

    generation: Path
    names: tuple[str, ...]


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def locked(out: Path, *, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the exclusive lock of OUT for the block; a second run waits for the first.

    Waiting (rather than failing) is the choice: a scripted `kg add` per incoming batch then
    simply queues. `on_wait` gets a one-line message when the lock is held by another run.
    """
    state = _state_dir(out)
    fd = os.open(state / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                who = f" (pid {holder})" if holder.isdigit() else ""
                on_wait(f"waiting for another kg run on {out}{who} to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        cleanup(out)
        yield
    finally:
        os.close(fd)  # closing releases the flock; the lock file itself stays (see flock(2))


def _state_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    state = out / STATE
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {state}: {exc.strerror or exc}") from None
    return state


# --------------------------------------------------------------------------- reading


def current_dir(out: Path) -> Path:
    """The folder holding the committed set: read every file of one set from here.

    Resolving `.kg/current` once pins one generation even if a commit happens meanwhile;
    OUT itself for an output folder written before generations existed.
    """
    current = out / STATE / CURRENT
    if current.is_symlink() and current.is_dir():
        return out / STATE / os.readlink(current)
    return out


# --------------------------------------------------------------------------- committing


def commit(out: Path, writers: dict[str, Writer]) -> Committed:
    """Write every output into a fresh generation and publish the set in one rename.

    Call while holding `locked(out)`. Any exception before the switch (a writer failing, a full
    disk) leaves the previous set as it was and removes the staging folder.
    """
    state = _state_dir(out)
    for name in writers:
        _check_name(out, name)
    links = _symlinks_work(state)
    if links:
        _adopt_legacy(out)
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=state))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(stage, 0o777 & ~umask)  # mkdtemp makes 0700; outputs are ordinary readable files
    try:
        for name, write in writers.items():
            write(stage / name)
            _fsync_path(stage / name)
        _fsync_path(stage)
        generation = state / f"g{_next_generation(state):06d}"
        os.rename(stage, generation)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _fsync_path(state)
    if not links:
        return _commit_without_links(out, generation, tuple(writers))
    previous = _link_target(state / CURRENT)
    _switch(state / CURRENT, generation.name)  # the commit point
    _publish(out, tuple(writers), previous)
    _prune(state, keep={generation.name, previous})
    return Committed(generation=generation, names=tuple(writers))


def _symlinks_work(state: Path) -> bool:
    """Some filesystems (FAT, some network shares) have no symbolic links."""
    probe = state / f".probe.{secrets.token_hex(4)}.tmp"
    try:
        os.symlink(CURRENT, probe)
    except OSError:
        return False
    probe.unlink()
    return True


def _commit_without_links(out: Path, generation: Path, names: tuple[str, ...]) -> Committed:
    """Fallback without symbolic links: move the files into place one by one.

    Each file is still replaced atomically and a failure before this point leaves the previous
    set, but a kill between two of these renames can leave files of two runs; say so.
    """
    warnings.warn(
        f"{out}: this filesystem has no symbolic links, so the outputs are replaced one by one "
        "(a run killed in that moment can leave files of two runs)",
        stacklevel=2,
    )
    for name in names:
        os.replace(generation / name, out / name)
    _fsync_path(out)
    shutil.rmtree(generation, ignore_errors=True)
    return Committed(generation=out, names=names)


def _check_name(out: Path, name: str) -> None:
    """Refuse before anything is written if a published name is taken by a folder."""
    if "/" in name or name.startswith("."):
        raise OutputError(f"bad output name {name!r}")
    path = out / name
    if path.is_dir() and not path.is_symlink():
        raise OutputError(f"cannot write {path}: it is a folder")


def _next_generation(state: Path) -> int:
    numbers = [int(m.group(1)) for p in state.iterdir() if (m := _GEN.fullmatch(p.name))]
    return max(numbers, default=0) + 1


def _link_target(link: Path) -> str | None:
    try:
        return os.readlink(link)
    except OSError:
        return None


def _switch(link: Path, target: str) -> None:
    """Point `link` at `target` atomically (a symlink renamed over the old one)."""
    tmp = link.parent / f".{link.name}.{secrets.token_hex(4)}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    os.symlink(target, tmp)
    try:
        if link.is_dir() and not link.is_symlink():  # a copied tree turned the link into a folder
            shutil.rmtree(link)
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_path(link.parent)


def _publish(out: Path, names: tuple[str, ...], previous: str | None) -> None:
    """Make each user-facing name a link into `.kg/current`; drop names the new set lacks."""
    for name in names:
        target = f"{STATE}/{CURRENT}/{name}"
        if _link_target(out / name) != target:
            _switch(out / name, target)
    if previous is not None:
        for name in OUTPUT_NAMES:
            path = out / name
            if name not in names and _link_target(path) == f"{STATE}/{CURRENT}/{name}":
                path.unlink()  # e.g. graph.html after a --no-html run: no stale page
    _fsync_path(out)


def _adopt_legacy(out: Path) -> None:
    """Outputs written as plain files (before generations, or copied with symlinks followed)
    become a generation first, so switching the names over never shows a mix of runs."""
    state = out / STATE
    current = state / CURRENT
    if current.is_symlink() and current.is_dir():
        return
    plain = [n for n in OUTPUT_NAMES if (out / n).is_file() and not (out / n).is_symlink()]
    if not plain:
        return
    generation = state / f"g{_next_generation(state):06d}"
    generation.mkdir()
    for name in plain:
        try:
            os.link(out / name, generation / name)
        except OSError:
            shutil.copy2(out / name, generation / name)
    _fsync_path(generation)
    _switch(current, generation.name)
    _publish(out, tuple(plain), None)


def _prune(state: Path, keep: set[str | None]) -> None:
    """Remove generations but the current and the previous one (a reader may still be on it)."""
    for path in state.iterdir():
        if _GEN.fullmatch(path.name) and path.name not in keep and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def cleanup(out: Path) -> list[Path]:
    """Remove what killed runs left behind: staging folders, temporaries, unused generations.

    Call while holding the lock (`locked` does): another run's staging folder is live.
    """
    removed: list[Path] = []
    state = out / STATE
    candidates = list(out.iterdir()) + (list(state.iterdir()) if state.is_dir() else [])
    for path in candidates:
        if _leftover(path, state):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            removed.append(path)
    if state.is_dir() and (current := _link_target(state / CURRENT)) is not None:
        _prune(state, keep={current, _previous_generation(state, current)})
    return removed


def _leftover(path: Path, state: Path) -> bool:
    """Ours and unfinished: in .kg any temporary or staging folder; beside the outputs only
    temporaries of an output name (OUT may be a folder holding the user's own files)."""
    match = _TEMPORARY.fullmatch(path.name)
    if path.parent == state:
        return bool(match) or path.name.startswith("stage-")
    return bool(match) and match.group(1) in OUTPUT_NAMES


def _previous_generation(state: Path, current: str) -> str | None:
    m = _GEN.fullmatch(current)
    if not m:
        return None
    older = [
        p.name
        for p in state.iterdir()
        if (g := _GEN.fullmatch(p.name)) and int(g.group(1)) < int(m.group(1))
    ]
    return max(older, key=lambda n: int(n[1:]), default=None)


def _fsync_path(path: Path) -> None:
    """fsync a file or folder: data first, then the rename that publishes it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        if exc.errno in (errno.EISDIR, errno.EACCES):
            return
        raise
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:  # some filesystems cannot fsync a folder
            raise
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- a build's outputs


@dataclass(frozen=True)
class OutputSettings:
    """How a build writes its outputs; saved in extractions.jsonl so `kg add` writes alike."""

    model: str
    base: str
    title: str
    html: bool = True
    max_nodes: int | None = None


def write_build(out: Path, result, settings: OutputSettings) -> Committed:
    """Commit graph.ttl, graph.html (unless settings.html is off) and extractions.jsonl as one
    set. `result` is a kg.pipeline.BuildResult. Call while holding `locked(out)`."""
    from .export import export
    from .store import dump, snapshot_of

    snapshot = snapshot_of(
        result.documents,
        result.extractions,
        result.deferred,
        model=settings.model,
        base=settings.base,
        title=settings.title,
        html=settings.html,
        max_nodes=settings.max_nodes,
    )
    writers: dict[str, Writer] = {"graph.ttl": lambda p: export(result.graph, p, format="turtle")}
    if settings.html:
        writers["graph.html"] = lambda p: export(
            result.graph, p, format="html", title=settings.title, max_nodes=settings.max_nodes
        )
    writers["extractions.jsonl"] = lambda p: dump(p, snapshot)  # what `kg add` starts from
    return commit(out, writers)


__all__ = [
    "Committed",
    "OutputSettings",
    "write_build",
    "OUTPUT_NAMES",
    "OutputError",
    "cleanup",
    "commit",
    "current_dir",
    "locked",
]
