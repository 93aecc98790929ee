from __future__ import annotations

import sys
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
