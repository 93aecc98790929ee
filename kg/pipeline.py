"""ingest -> nlp -> extract -> resolve -> graph: the build as one plain function.

Documents stream through spaCy one batch at a time; only the small per-document extractions
are kept for corpus-level resolution. Articles in a language with no installed pipeline are not
parsed with the English model: they are linked to entities already known from other articles.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from rdflib import Graph

from .extract import extract
from .graph import build_graph
from .model import Document, Extraction, Mention
from .nlp import DEFAULT_MODEL, detect_language, load_pipeline, parse
from .resolve import Resolution, resolve
from .vocab import DEFAULT_BASE


@dataclass
class BuildResult:
    graph: Graph
    resolution: Resolution
    documents: list[Document]
    seconds: float

    @property
    def summary(self) -> str:
        n_rel = sum(1 for r in self.resolution.relations if r.modality == "asserted")
        return (
            f"{len(self.documents)} documents, {len(self.resolution.entities)} entities, "
            f"{n_rel} relations in {self.seconds:.1f} s"
        )


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 32,
    on_document: Callable[[Document], None] | None = None,
) -> tuple[list[Extraction], list[Document], list[Document]]:
    """(extractions, all documents, documents left for gazetteer linking)."""
    nlp = load_pipeline(model)
    model_lang = nlp.lang
    docs_meta: list[Document] = []
    deferred: list[Document] = []

    def routed() -> Iterator[Document]:
        for document in documents:
            lang = detect_language(document.text)
            document = replace(document, lang=lang)
            docs_meta.append(document)
            if lang != model_lang:
                deferred.append(document)
                if on_document:
                    on_document(document)
                continue
            yield document

    extractions: dict[str, Extraction] = {}
    last_id = None
    for document, offset, doc in parse(nlp, routed(), n_process=n_process, batch_size=batch_size):
        ex = extract(document, doc, offset=offset)
        if document.id in extractions:
            prev = extractions[document.id]
            prev.mentions.extend(ex.mentions)
            prev.relations.extend(ex.relations)
        else:
            extractions[document.id] = ex
        if on_document and document.id != last_id:
            on_document(document)
        last_id = document.id
    return list(extractions.values()), docs_meta, deferred


def link_known_entities(document: Document, resolution: Resolution) -> Extraction:
    """Mentions of already-known entities in a text we cannot parse (other language)."""
    names: dict[str, str] = {}
    for entity in resolution.entities:
        for name in {entity.label, *entity.aliases}:
            if len(name) >= 3 or name.isupper():
                names[name] = entity.type
    out = Extraction(document=document)
    if not names:
        return out
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
    for match in pattern.finditer(document.text):
        out.mentions.append(Mention(match.group(1), names[match.group(1)], document.id, match.start(), match.end(), weight=0.0))
    return out


def build(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    n_process: int = 1,
    on_document: Callable[[Document], None] | None = None,
) -> BuildResult:
    start = time.perf_counter()
    extractions, docs, deferred = extract_documents(documents, model=model, n_process=n_process, on_document=on_document)
    resolution = resolve(extractions)
    if deferred:
        extractions += [link_known_entities(d, resolution) for d in deferred]
        resolution = resolve(extractions)
    graph = build_graph(resolution.entities, resolution.relations, docs, base=base)
    return BuildResult(graph=graph, resolution=resolution, documents=docs, seconds=time.perf_counter() - start)
