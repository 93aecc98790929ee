"""The wheel works on its own: built, installed into a fresh venv, run from outside the repo.

Why: an editable install finds ontology/ beside the package, so only a real wheel shows whether
the ontology, shapes and saved queries travel as package data (they once did not:
`.../site-packages/ontology/queries: not found`). The fresh venv reuses the dependencies already
installed for the tests (a .pth line, after its own site-packages, so `import kg` is the wheel):
no download, and `pip check` still verifies the wheel's declared requirements against them.
KG_WHEEL_TEST_PIP=1 installs the dependencies from the package index instead (slower).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, _model_available

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _model_available(), reason="spaCy model not installed"),
]


def _run(args: list, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv holding only the wheel built from this checkout and its deps."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"  # a copy: building never writes into the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kg", source / "kg", symlinks=True, ignore=ignore)
    shutil.copytree(ROOT / "ontology", source / "ontology", ignore=ignore)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", root / "dist", source],
        cwd=root,
    )
    wheels = list((root / "dist").glob("kg-*.whl"))
    assert len(wheels) == 1
    _run([sys.executable, "-m", "venv", root / "venv"], cwd=root)
    python = root / "venv" / "bin" / "python"
    if os.environ.get("KG_WHEEL_TEST_PIP"):
        _run([python, "-m", "pip", "install", "-q", wheels[0]], cwd=root)
    else:
        own = _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=root
        ).stdout.strip()
        deps = sysconfig.get_path("purelib")  # this interpreter's: spaCy, the model, rdflib, ...
        Path(own, "kg-test-deps.pth").write_text(deps + "\n", encoding="utf-8")
        _run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheels[0]], cwd=root)
        _run([python, "-m", "pip", "check"], cwd=root)
    return root / "venv" / "bin"


def test_wheel_carries_the_ontology_shapes_and_saved_queries(installed, tmp_path):
    proc = _run(
        [
            installed / "python",
            "-c",
            "import kg, kg.vocab; print(kg.__file__); print(kg.vocab.ontology_dir())",
        ],
        cwd=tmp_path,
    )
    package, ontology = (Path(line) for line in proc.stdout.split())
    assert ROOT not in package.parents and "site-packages" in package.parts  # not the checkout
    assert ontology == package.parent / "ontology"
    assert {p.name for p in ontology.iterdir()} >= {"kg.ttl", "shapes.ttl", "queries"}
    assert len(list((ontology / "queries").glob("*.rq"))) == len(
        list((ROOT / "ontology" / "queries").glob("*.rq"))
    )


def test_installed_kg_builds_queries_and_validates_outside_the_repo(installed, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    kg = installed / "kg"
    assert _run([kg, "--version"], cwd=tmp_path).stdout.startswith("kg ")
    build = _run([kg, "build", "seeds", "--out", "exports"], cwd=tmp_path)
    assert "5 documents" in build.stderr
    query = _run(
        [kg, "query", "exports/graph.ttl", "--name", "most-connected", "--format", "csv"],
        cwd=tmp_path,
    )
    rows = query.stdout.strip().splitlines()
    assert rows[0].startswith("entity") and len(rows) > 5
    assert "Amazon" in query.stdout
    listing = _run([kg, "query", "--list"], cwd=tmp_path)
    assert "most-connected" in listing.stdout and "partners" in listing.stdout
    validate = _run([kg, "validate", "exports/graph.ttl"], cwd=tmp_path)
    assert "conforms" in validate.stdout + validate.stderr
