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
