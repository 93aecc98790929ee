from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import typer

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph from news articles, offline; query, evaluate and export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error and exit."""
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


@contextlib.contextmanager
def out_locked(out: Path) -> Iterator[None]:
    """Hold OUT's lock for a build or add: a second run on the same folder waits (one line on
    stderr says so) instead of overwriting the first one's documents."""
    from ..outputs import OutputError, locked

    def waiting(message: str) -> None:
        print(f"kg: {message}", file=sys.stderr, flush=True)

    try:
        lock = locked(out, on_wait=waiting)
        lock.__enter__()
    except (OutputError, OSError) as exc:
        fail(str(exc) if isinstance(exc, OutputError) else f"cannot lock {out}: {exc.strerror or exc}")
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def base_option(base: str) -> str:
    """--base checked before anything is read or parsed."""
    from ..pipeline import BaseIRIError, check_base

    try:
        return check_base(base)
    except BaseIRIError as exc:
        fail(str(exc))


def write_outputs(out: Path, result, *, model: str, base: str, title: str, html: bool, max_nodes) -> None:
    """Commit a build's outputs as one set (kg.outputs); a failed write is a one-line error."""
    from ..export import ExportError
    from ..outputs import OutputError, OutputSettings, write_build

    settings = OutputSettings(model=model, base=base, title=title, html=html, max_nodes=max_nodes)
    try:
        write_build(out, result, settings)
    except (OSError, ExportError, OutputError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        fail(f"cannot write to {out} (the previous outputs are unchanged): {reason}")


def read_inputs(paths) -> list:
    """The documents under PATHS for build and add: a missing path or nothing readable is a
    one-line error."""
    from ..ingest import InputError, read_documents

    try:
        documents = list(read_documents(paths))
    except InputError as exc:
        fail(str(exc))
    if not documents:
        fail("no readable documents in the given paths")
    return documents
