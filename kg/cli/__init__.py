"""The `kg` command: thin commands that validate arguments and call library functions."""
from __future__ import annotations

import gc
import sys
import warnings

from ._app import app, fail
from . import build, evaluate, export, query, validate  # noqa: F401,E402  (register commands)
from . import add, push  # noqa: F401,E402  (kg add, kg push)
from . import rules  # noqa: F401,E402  (kg rules)
from . import explain  # noqa: F401,E402  (kg explain)


def main() -> None:
    """Entry point: user errors are one line on stderr and exit 1, never a traceback."""
    warnings.formatwarning = lambda message, category, *a, **k: f"warning: {message}\n"
    # A build allocates millions of small objects that mostly die young: collect the youngest
    # generation every 20k allocations instead of 700 (GC time of a 100-article build 0.4 -> 0.1 s).
    gc.set_threshold(20_000, 20, 20)
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)


__all__ = ["app", "fail", "main"]
