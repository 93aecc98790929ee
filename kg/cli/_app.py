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
    rich_markup_mode=None,
)


# Placeholders in --help for options declared without a metavar (by parameter name).
METAVARS = {
    "out": "DIR",
    "model": "NAME",
    "base": "IRI",
    "workers": "N",
    "max_nodes": "N",
    "name": "NAME",
    "param": "NAME=VALUE",
    "timeout": "SECONDS",
    "shapes": "FILE",
    "endpoint": "URL",
    "graph": "IRI",
}


def _readable_help() -> None:
    """Help that reads like a man page: `kg build [OPTIONS] PATHS...`, `--out DIR`.

    Recent typer (0.2x) prints required arguments as `{paths}...` and every value as a type tag
    (`<list[Path]>`, `<str>`, `<bool>`). Guarded: a typer without these hooks keeps its own.
    """
    core = getattr(typer, "core", None)
    argument, option = getattr(core, "TyperArgument", None), getattr(core, "TyperOption", None)
    if argument is None or option is None:
        return

    def arg_name(self) -> str:
        return (self.metavar or self.name.upper()) + ("..." if self.nargs != 1 else "")

    if hasattr(argument, "_usage_display_name") and hasattr(argument, "display_type_rich"):
        argument._usage_display_name = lambda self: (
            arg_name(self) if self.required else f"[{arg_name(self)}]"
        )
        argument._rich_display_name = arg_name
        argument.display_type_rich = lambda self, ctx: None
    original = getattr(option, "display_type_rich", None)
    if original is None:
        return

    def option_value(self, ctx):
        label = original(self, ctx)
        if (
            self.metavar is not None
            or getattr(self, "is_flag", False)
            or not isinstance(label, str)
        ):
            return label
        inner = label.rstrip(".")[1:-1] if label.startswith("<") else label
        if "|" in inner and "[" not in inner:
            return f"[{inner}]"
        return METAVARS.get(self.name, self.name.upper())

    option.display_type_rich = option_value


_readable_help()


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print kg's version and exit.",
    ),
) -> None:
    """Build a knowledge graph from news articles, offline; query, evaluate and export it."""


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
        fail(
            str(exc)
            if isinstance(exc, OutputError)
            else f"cannot lock {out}: {exc.strerror or exc}"
        )
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


def write_outputs(
    out: Path, result, *, model: str, base: str, title: str, html: bool, max_nodes
) -> None:
    """Commit a build's outputs as one set (kg.outputs); a failed write is a one-line error."""
    from ..export import ExportError
    from ..outputs import OutputError, OutputSettings, write_build

    settings = OutputSettings(model=model, base=base, title=title, html=html, max_nodes=max_nodes)
    try:
        write_build(out, result, settings)
    except (OSError, ExportError, OutputError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        fail(f"cannot write to {out} (the previous outputs are unchanged): {reason}")

