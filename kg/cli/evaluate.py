from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from ._app import app, fail


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold file in kg-gold/1 format."),
    graph: Path = typer.Argument(..., help="Graph to score (.ttl)."),
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format."
    ),
) -> None:
    """Precision, recall and F1 of relations and entities against a gold file."""
    from ..evaluate import GoldError, evaluate as score, format_report, load_gold
    from ..query import QueryError, load_graph

    try:
        report = score(load_gold(gold), load_graph(graph))
    except (GoldError, QueryError) as exc:
        fail(str(exc))
    if format is ReportFormat.json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(report))
