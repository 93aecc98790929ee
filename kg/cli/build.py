from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .. import DEFAULT_MODEL
from ..vocab import DEFAULT_BASE
from ._app import app, base_option, fail, out_locked, write_outputs
from ._inputs import MAX_CHARS_HELP, PATHS_HELP, VERBOSE_HELP, read_inputs


@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help=PATHS_HELP),
    out: Path = typer.Option(
        Path("exports"), "--out", "-o", help="Folder for graph.ttl and graph.html."
    ),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Any installed spaCy pipeline."),
    base: str = typer.Option(
        DEFAULT_BASE, "--base", help="Base IRI for entity and document nodes."
    ),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="spaCy processes (n_process)."),
    html: bool = typer.Option(True, "--html/--no-html", help="Also write graph.html."),
    max_nodes: Optional[int] = typer.Option(
        None,
        "--max-nodes",
        min=1,
        help="Keep only the N most connected entities in graph.html (the Turtle keeps all).",
    ),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1000, help=MAX_CHARS_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help=VERBOSE_HELP),
    dask: Optional[str] = typer.Option(
        None,
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="Parse on a dask.distributed cluster (e.g. tcp://10.0.0.5:8786); "
        "needs the 'dask' extra.",
    ),
) -> None:
    """Read articles and write OUT/graph.ttl, OUT/graph.html and OUT/extractions.jsonl.

    The three files are committed together: a failed or killed run leaves the previous set.
    """
    # Imported here: `kg query --help` and friends should not pay for loading spaCy.
    from ..distributed import DistributedError, build_on_cluster
    from ..nlp import ModelError
    from ..pipeline import build as build_corpus

    base = base_option(base)
    documents = read_inputs(paths, max_chars=max_chars, verbose=verbose)
    with out_locked(out):
        progress = _progress(len(documents))
        tick = lambda d: progress.update(1)  # noqa: E731
        try:
            if dask:  # parsing on a cluster; resolution and export stay here
                result = build_on_cluster(documents, dask, model=model, base=base, on_document=tick)
            else:
                result = build_corpus(
                    documents, model=model, base=base, n_process=workers, on_document=tick
                )
        except (ModelError, DistributedError) as exc:  # no such model; dask missing or unreachable
            progress.close()
            fail(str(exc))
        progress.close()
        title = f"{_corpus_name(paths)}: knowledge graph"
        write_outputs(
            out, result, model=model, base=base, title=title, html=html, max_nodes=max_nodes
        )
    print(f"{result.summary} -> {out}/graph.ttl", file=sys.stderr)


def _corpus_name(paths: List[Path]) -> str:
    return ", ".join(p.name or str(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")


def _progress(total: int):
    from tqdm import tqdm

    # Shown on a terminal for corpora big enough to wait for; silent in pipes and CI logs.
    return tqdm(
        total=total, unit="doc", file=sys.stderr, disable=None if total >= 20 else True, leave=False
    )
