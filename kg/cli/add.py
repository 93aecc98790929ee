"""`kg add`: add or update documents in a built graph without re-parsing the whole corpus."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .. import DEFAULT_MODEL, __version__
from ..store import FILENAME, Snapshot, StoreError, load, reconcile
from ..vocab import DEFAULT_BASE
from ._app import app, fail, out_locked, write_outputs
from ._inputs import MAX_CHARS_HELP, PATHS_HELP, VERBOSE_HELP, read_inputs


@app.command()
def add(
    paths: List[Path] = typer.Argument(..., help=PATHS_HELP),
    out: Path = typer.Option(
        Path("exports"),
        "--out",
        "-o",
        help="Folder of a previous kg build (graph.ttl, extractions.jsonl).",
    ),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        "-m",
        help="spaCy pipeline; must be the one the graph was built with (the default).",
    ),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="spaCy processes (n_process)."),
    max_nodes: Optional[int] = typer.Option(
        None, "--max-nodes", min=1, help="As for kg build; default: what the build used."
    ),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1000, help=MAX_CHARS_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help=VERBOSE_HELP),
) -> None:
    """Add new or changed documents to OUT and rewrite OUT/graph.ttl (and graph.html).

    The result is the graph `kg build` would give for all the documents at once. A document
    whose text is already in the graph is skipped, whatever path names it; a file (or JSONL
    "id") already in the graph whose text changed replaces the old version.
    """
    from ..outputs import current_dir

    if not (out / FILENAME).exists():
        fail(
            f"{out / FILENAME} not found: run 'kg build ... --out {out}' first "
            "(graphs built before kg add existed need one rebuild)"
        )
    with out_locked(out):  # held from reading the previous set to committing the new one
        snapshot = _load_snapshot(out, current_dir(out) / FILENAME)
        settings = snapshot.settings
        built_with = _built_with(out, settings, model)
        base = settings.get("base") or DEFAULT_BASE
        documents = read_inputs(paths, max_chars=max_chars, verbose=verbose)
        previous, documents = reconcile(snapshot.documents, documents)
        update = _update(previous, snapshot, documents, model=built_with, base=base,
                         workers=workers)
        counts = (
            f"{len(update.added)} added, {len(update.replaced)} replaced, "
            f"{len(update.unchanged)} unchanged"
            + (f" ({len(update.new_sources)} read from a new path, recorded as another source)"
               if update.new_sources else "")
        )
        if not update.changed and (out / "graph.ttl").exists():
            print(f"{counts}: {out}/graph.ttl is up to date", file=sys.stderr)
            return
        result = update.result
        write_outputs(
            out,
            result,
            model=built_with,
            base=base,
            title=settings.get("title") or "knowledge graph",
            html=settings.get("html", True),
            max_nodes=max_nodes if max_nodes is not None else settings.get("max_nodes"),
        )
    print(f"{counts}; {result.summary} -> {out}/graph.ttl", file=sys.stderr)


def _update(previous, snapshot: Snapshot, documents, *, model: str, base: str, workers: int):
    """Parse what is new and resolve the corpus again; a missing model is a one-line error."""
    from ..nlp import ModelError
    from ..pipeline import add_documents

    try:
        return add_documents(
            previous, snapshot.extractions, snapshot.deferred, documents,
            model=model, base=base, n_process=workers,
        )
    except ModelError as exc:
        fail(str(exc))


def _load_snapshot(out: Path, store_path: Path) -> Snapshot:
    """The committed extractions; errors name OUT/extractions.jsonl, the file users know."""
    try:
        return load(store_path)
    except StoreError as exc:
        fail(str(exc).replace(str(store_path), str(out / FILENAME)))


def _built_with(out: Path, settings: dict, model: str | None) -> str:
    """The model OUT was built with: adding with another would mix two parsers' extractions."""
    built_with = settings.get("model") or DEFAULT_MODEL
    if model is not None and model != built_with:
        fail(
            f"{out} was built with model '{built_with}'; add with the same model "
            f"or rebuild with kg build --model {model}"
        )
    if settings.get("kg_version") not in (None, __version__):
        print(
            f"warning: {out / FILENAME} was written by kg {settings['kg_version']}; this is "
            f"kg {__version__} (rebuild to re-extract old documents with the new rules)",
            file=sys.stderr,
        )
    return built_with
