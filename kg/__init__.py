"""kg: turn a folder of news articles into a knowledge graph, offline."""
from __future__ import annotations

__version__ = "0.1.0"
