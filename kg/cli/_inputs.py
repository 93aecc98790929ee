"""Reading the inputs of `kg build` / `kg add`: documents, plus what was passed over."""
from __future__ import annotations

import sys

from ._app import fail

PATHS_HELP = (
    "Files (.txt, .md, .jsonl, .html, .warc[.gz], .rss/.atom/.xml feeds), folders (searched "
    "recursively), or - for stdin."
)
MAX_CHARS_HELP = (
    "Longest document read, in characters (default 1,000,000): a longer one is cut at a "
    "paragraph end with a warning, so one huge file cannot exhaust memory."
)
VERBOSE_HELP = "Name every file not read (unsupported kinds, repeats, duplicate articles)."


def read_inputs(paths, *, max_chars: int | None = None, verbose: bool = False) -> list:
    """The documents under PATHS ("-" is stdin); a missing path, a URL or nothing readable is a
    one-line error, and files passed over are counted (and named with --verbose) on stderr."""
    from ..ingest import DEFAULT_MAX_CHARS, InputError, collect, empty_reason

    try:
        documents, report = collect(paths, max_chars=max_chars or DEFAULT_MAX_CHARS)
    except InputError as exc:
        fail(str(exc))
    for line in report.lines(verbose=verbose):
        print(line, file=sys.stderr)
    if not documents:
        fail(empty_reason(report))
    return documents
