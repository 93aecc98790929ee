from __future__ import annotations

from pathlib import Path

import typer

from ._app import app, fail


@app.command()
def explain(
    graph: Path = typer.Argument(..., help="Graph file written by kg build (.ttl, .nt, ...)."),
    name: str = typer.Argument(..., help="An entity's label or alternative label (any case)."),
) -> None:
    """Why an entity has its type (typing cues per document) and which rules gave its relations."""
    from ..explain import ExplainError, format_explanation
    from ..explain import explain as run

    try:
        found = run(graph, name)
    except ExplainError as exc:
        fail(str(exc))
    typer.echo("\n\n".join(format_explanation(ex) for ex in found))
