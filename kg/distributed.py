"""Parse a corpus on a dask.distributed cluster; resolve and build the graph locally.

Parsing is per document and takes nearly all of a build's time, so it is what gets spread
out: the corpus is cut into large partitions (spaCy is fastest on long streams), each worker
process loads the pipeline once and keeps it, and returns the small per-document Extraction
records. Resolution needs the whole corpus and is cheap, so it stays here, through the same
`kg.pipeline.assemble` a local build uses: the graph equals a local build's.

Workers need `kg` and the spaCy model installed (same versions as the client).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .model import Document, Extraction
from .nlp import DEFAULT_MODEL
from .pipeline import BuildResult, assemble, extract_documents
from .vocab import DEFAULT_BASE

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

INSTALL_HINT = "pip install 'kg[dask]'  (or: pip install 'dask[distributed]')"
# Partitions per worker thread: enough to even out uneven articles, few enough to keep each
# partition a long nlp.pipe stream.
PARTITIONS_PER_THREAD = 3
MIN_PARTITION = 20

_pipelines: dict[str, Any] = {}
_lock = threading.Lock()


class DistributedError(Exception):
    """dask is missing or the scheduler cannot be reached: reported in one line."""


def _pipeline(model: str):
    """This worker process's pipeline for `model`, loaded on first use and then kept."""
    from .nlp import load_pipeline

    with _lock:
        if model not in _pipelines:
            _pipelines[model] = load_pipeline(model)
        return _pipelines[model]


def extract_partition(
    documents: list[Document], model: str = DEFAULT_MODEL
) -> tuple[list[Extraction], list[Document], list[Document]]:
    """Runs on a worker: (extractions, documents with language set, deferred documents)."""
    nlp = _pipeline(model)
    with (
        _lock
    ):  # one parse at a time per process: a spaCy pipeline is not meant to be shared by threads
        return extract_documents(documents, model=model, nlp=nlp)


def partition(
    documents: Sequence[Document], n_threads: int, size: int | None = None
) -> list[list[Document]]:
    """Contiguous slices, so concatenating the results keeps the corpus order."""
    if not documents:
        return []
    if size is None:
        parts = max(1, n_threads * PARTITIONS_PER_THREAD)
        size = max(MIN_PARTITION, math.ceil(len(documents) / parts))
    return [list(documents[i : i + size]) for i in range(0, len(documents), size)]


def extract_on_cluster(
    documents: Iterable[Document],
    client: Client,
    *,
    model: str = DEFAULT_MODEL,
    partition_size: int | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> tuple[list[Extraction], list[Document], list[Document]]:
    """Like `kg.pipeline.extract_documents`, with the parsing done by the cluster's workers."""
    from distributed import as_completed

    docs = list(documents)
    threads = sum(client.nthreads().values()) or 1
    parts = partition(docs, threads, partition_size)
    scattered = client.scatter(parts)
    futures = client.map(extract_partition, scattered, model=model, pure=False)
    index = {f.key: i for i, f in enumerate(futures)}
    results: list[Any] = [None] * len(futures)
    for future in as_completed(futures):
        i = index[future.key]
        results[i] = future.result()  # re-raises a worker's exception (e.g. ModelError) here
        if on_document:
            for d in parts[i]:
                on_document(d)
    extractions: list[Extraction] = []
    metas: list[Document] = []
    deferred: list[Document] = []
    for ex, meta, dfr in results:
        extractions += ex
        metas += meta
        deferred += dfr
    return extractions, metas, deferred


def build_with_client(
    documents: Iterable[Document],
    client: Client,
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    partition_size: int | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> BuildResult:
    """A full build whose parsing runs on `client`'s workers; same graph as `kg.pipeline.build`."""
    import time

    start = time.perf_counter()
    extractions, docs, deferred = extract_on_cluster(
        documents, client, model=model, partition_size=partition_size, on_document=on_document
    )
    return assemble(extractions, docs, deferred, base=base, start=start)


def build_on_cluster(
    documents: Iterable[Document],
    address: str,
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    partition_size: int | None = None,
    on_document: Callable[[Document], None] | None = None,
    timeout: float = 10,
) -> BuildResult:
    """Connect to the scheduler at `address` (e.g. tcp://10.0.0.5:8786), build, disconnect."""
    try:
        from distributed import Client
    except ImportError:
        raise DistributedError(
            f"--dask needs dask.distributed; install it with: {INSTALL_HINT}"
        ) from None
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DistributedError(f"cannot reach the dask scheduler at {address}: {exc}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise DistributedError(f"the dask scheduler at {address} has no workers") from None
        return build_with_client(
            documents,
            client,
            model=model,
            base=base,
            partition_size=partition_size,
            on_document=on_document,
        )
    finally:
        client.close()


__all__ = [
    "DistributedError",
    "build_on_cluster",
    "build_with_client",
    "extract_on_cluster",
    "extract_partition",
    "partition",
]
