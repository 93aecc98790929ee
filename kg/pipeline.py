"""ingest -> nlp -> extract -> resolve -> graph: the build as one plain function.

Documents stream through spaCy one batch at a time; only the small per-document extractions
are kept for corpus-level resolution. Articles in a language with no installed pipeline are not
parsed with the English model: they are linked to entities already known from other articles.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from rdflib import Graph
from spacy.language import Language

from .extract import extract
from .graph import build_graph
from .model import Document, Extraction
from .multilingual import link_known_entities
from .nlp import DEFAULT_MODEL, detect_language, load_pipeline, parse
from .resolve import Resolution, resolve
from .vocab import DEFAULT_BASE


class BaseIRIError(ValueError):
    """--base is not an IRI every RDF parser accepts: reported in one line before any parsing."""


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_FORBIDDEN = set('<>"{}|\\^`') | {" "}


def check_base(base: str) -> str:
    """Return `base` if entity and document IRIs minted under it parse everywhere, else raise.

    Why up front: a bad base used to surface as a traceback after all the parsing, or worse as
    Turtle that oxigraph and rapper reject. Minted local names are plain ASCII, so the base is
    the only part that can break an IRI.
    """
    shown = ascii(base)[1:-1]
    if not _SCHEME.match(base):
        raise BaseIRIError(
            f"--base must be an absolute IRI such as https://example.org/kg/id/: {shown}"
        )
    bad = sorted({c for c in base if c in _IRI_FORBIDDEN or unicodedata.category(c)[0] in "CZ"})
    if bad:
        chars = ", ".join(ascii(c) for c in bad)
        raise BaseIRIError(
            "--base may not contain spaces, quotes, <>, control or format characters "
            f"({chars}): {shown}"
        )
    if not base.endswith(("/", "#")):
        raise BaseIRIError(f"--base must end with '/' or '#': {shown}")
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(base + "doc/x")  # oxigraph's strict IRI parser (RFC 3987)
    except ValueError as exc:
        raise BaseIRIError(f"--base is not a valid IRI ({exc}): {shown}") from None
    return base


def merge_chunk(prev: Extraction, ex: Extraction) -> None:
    """Fold a later chunk of a long document into what its earlier chunks gave: mentions,
    relations, aliases and the typing cues `kg explain` reads."""
    prev.mentions.extend(ex.mentions)
    prev.relations.extend(ex.relations)
    prev.aliases.update(ex.aliases)
    for name, cues in ex.typing.items():
        prev.typing.setdefault(name, []).extend(cues)


@dataclass
class BuildResult:
    graph: Graph
    resolution: Resolution
    documents: list[Document]
    seconds: float
    # What `kg add` needs to update the graph later (saved by kg.store): parsed extractions
    # before gazetteer linking, and the documents left for linking.
    extractions: list[Extraction] = field(default_factory=list)
    deferred: list[Document] = field(default_factory=list)

    @property
    def summary(self) -> str:
        n_rel = len(
            {(r.subj, r.pred, r.obj) for r in self.resolution.relations if r.modality == "asserted"}
        )
        return (
            f"{plural(len(self.documents), 'document')}, "
            f"{plural(len(self.resolution.entities), 'entity', 'entities')}, "
            f"{plural(n_rel, 'relation')} in {self.seconds:.1f} s"
        )


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 document', '2 documents': summaries read as sentences."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def extract_documents(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 32,
    on_document: Callable[[Document], None] | None = None,
    nlp: Language | None = None,
) -> tuple[list[Extraction], list[Document], list[Document]]:
    """(extractions, all documents, documents left for gazetteer linking).

    `nlp`: an already loaded pipeline (kg.distributed keeps one per worker); else `model` is loaded.
    """
    nlp = load_pipeline(model) if nlp is None else nlp
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
            merge_chunk(extractions[document.id], ex)
        else:
            extractions[document.id] = ex
        if on_document and document.id != last_id:
            on_document(document)
        last_id = document.id
    return list(extractions.values()), docs_meta, deferred


def build(
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    n_process: int = 1,
    on_document: Callable[[Document], None] | None = None,
) -> BuildResult:
    start = time.perf_counter()
    extractions, docs, deferred = extract_documents(
        documents, model=model, n_process=n_process, on_document=on_document
    )
    return assemble(extractions, docs, deferred, base=base, start=start)


def assemble(
    extractions: list[Extraction],
    documents: list[Document],
    deferred: list[Document],
    *,
    base: str = DEFAULT_BASE,
    start: float | None = None,
) -> BuildResult:
    """Corpus-level steps of a build: resolve, link deferred documents, build the graph.

    Shared by `build`, `add_documents` and the distributed build, so all three give the same
    graph for the same extractions.
    """
    start = time.perf_counter() if start is None else start
    parsed = list(extractions)
    resolution = resolve(parsed)
    if deferred:
        resolution = resolve(
            parsed + [link_known_entities(d, resolution.entities) for d in deferred]
        )
    graph = build_graph(resolution.entities, resolution.relations, documents, base=base)
    return BuildResult(
        graph=graph,
        resolution=resolution,
        documents=documents,
        seconds=time.perf_counter() - start,
        extractions=parsed,
        deferred=list(deferred),
    )


@dataclass
class AddResult:
    result: BuildResult
    added: list[str]
    replaced: list[str]
    unchanged: list[str]
    # known texts read from a path the graph did not know yet: that path is recorded as another
    # source of the stored document (nothing is parsed again)
    new_sources: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.new_sources)


def _with_source(known: Document, copy: Document) -> Document:
    """`known` with the place `copy` was read from recorded, as a build records a copy."""
    places = (copy.source, *copy.sources, *((copy.url,) if copy.url else ()))
    sources = known.sources + tuple(
        s for s in dict.fromkeys(places) if s not in known.sources and s != known.source
        and s != known.url
    )
    locations = known.locations + tuple(x for x in copy.locations if x not in known.locations)
    if (sources, locations) == (known.sources, known.locations):
        return known
    return replace(known, sources=sources, locations=locations)


def add_documents(
    previous: list[Document],
    previous_extractions: list[Extraction],
    previous_deferred: list[Document],
    documents: Iterable[Document],
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    n_process: int = 1,
    on_document: Callable[[Document], None] | None = None,
) -> AddResult:
    """Update a corpus: parse only new or changed documents, then resolve everything again.

    A document with a known id and the same text is skipped; with a known id and a different
    text it replaces the old one in place. New documents go to the end, so the corpus order
    is the order a full build over the old and then the new paths would see.
    """
    start = time.perf_counter()
    old_hash = {d.id: _text_hash(d.text) for d in previous}
    known = {d.id: d for d in previous}
    todo: dict[str, Document] = {}
    unchanged: list[str] = []
    new_sources: list[str] = []
    for document in documents:
        if old_hash.get(document.id) == _text_hash(document.text):
            unchanged.append(document.id)
            updated = _with_source(known[document.id], document)
            if updated is not known[document.id]:
                known[document.id] = updated
                new_sources.append(document.id)
            if on_document:
                on_document(document)
        else:
            todo[document.id] = document  # a later duplicate id wins, like a later edit
    fresh, fresh_docs, fresh_deferred = (
        extract_documents(todo.values(), model=model, n_process=n_process, on_document=on_document)
        if todo
        else ([], [], [])
    )
    new_docs = {d.id: d for d in fresh_docs}
    new_ex = {ex.document.id: ex for ex in fresh}
    new_deferred = {d.id for d in fresh_deferred}
    old_ex = {ex.document.id: ex for ex in previous_extractions}
    old_deferred = {d.id for d in previous_deferred}

    order = [d.id for d in previous] + [i for i in new_docs if i not in old_hash]
    docs_by_id = known | new_docs
    extractions: list[Extraction] = []
    deferred: list[Document] = []
    for doc_id in order:
        doc = docs_by_id[doc_id]
        if doc_id in new_docs:
            if doc_id in new_deferred:
                deferred.append(doc)
            elif doc_id in new_ex:
                extractions.append(new_ex[doc_id])
        elif doc_id in old_deferred:
            deferred.append(doc)
        elif doc_id in old_ex:
            extractions.append(old_ex[doc_id])
    result = assemble(extractions, [docs_by_id[i] for i in order], deferred, base=base, start=start)
    return AddResult(
        result=result,
        added=[i for i in new_docs if i not in old_hash],
        replaced=[i for i in new_docs if i in old_hash],
        unchanged=unchanged,
        new_sources=new_sources,
    )


def _text_hash(text: str) -> str:
    from .store import text_hash

    return text_hash(text)
