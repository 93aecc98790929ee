"""The README's `kg` commands run as written (docs are part of the product).

Each indented line starting with `kg ` is run from a scratch folder holding `seeds/`,
`exports/graph.ttl` from the seed build, the gold file at `eval/seeds-gold.json`, and the
SPARQL example saved as `behind.rq`. Commands whose input files the README only imagines
(`articles/`, `more/news.jsonl`) are run against a tiny stand-in corpus.
"""
from __future__ import annotations

import re
import shlex
import shutil

import pytest

from conftest import GOLD, ROOT, SEEDS, run_kg


README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [line.strip().split("  #")[0].strip() for line in README.splitlines() if line.startswith("    kg ")]
# These need a running Dask scheduler or SPARQL server; tests/test_distributed.py and
# tests/test_endpoint.py start real ones on loopback instead.
NEEDS_SERVER = ("--dask", "kg push", "--endpoint")


def behind_query() -> str:
    start = README.index("    PREFIX kg:   <https://example.org/kg/ontology#>")
    end = README.index("    ORDER BY ?document", start) + len("    ORDER BY ?document")
    return "\n".join(line[4:] for line in README[start:end].splitlines())


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, seed_build):
    root = tmp_path_factory.mktemp("readme")
    work = root / "work"
    (work / "exports").mkdir(parents=True)
    shutil.copy(seed_build / "graph.ttl", work / "exports" / "graph.ttl")
    shutil.copytree(SEEDS, work / "seeds")
    shutil.copytree(ROOT / "eval", work / "eval")
    (work / "articles").mkdir()
    (work / "articles" / "a.txt").write_text("Microsoft acquired LinkedIn in 2016.", encoding="utf-8")
    (work / "more-articles").mkdir()
    (work / "more-articles" / "b.txt").write_text("Google acquired Fitbit in 2021.", encoding="utf-8")
    (work / "more").mkdir()
    (work / "more" / "news.jsonl").write_text('{"id": "n1", "text": "Spotify has partnered with Uber."}\n', encoding="utf-8")
    (work / "behind.rq").write_text(behind_query(), encoding="utf-8")
    shutil.copytree(ROOT / "bench" / "news", work / "bench" / "news")
    return work


REPO_DIRS = ("kg", "ontology", "eval", "seeds", "tests", "bench")


def test_readme_names_only_paths_inside_the_repository():
    """A fresh clone is all a reader has: no `../shared/...`; every repo path it names exists."""
    assert "../" not in README
    named = set(re.findall(r"`((?:%s)/[\w./*-]*)`" % "|".join(REPO_DIRS), README))
    assert {"eval/seeds-gold.json", "eval/README.md", "kg/outputs.py"} <= named
    for path in named:
        assert list(ROOT.glob(path.rstrip("/"))), f"README names {path}, not in the repository"


def test_shipped_gold_is_the_seed_gold_the_tests_use():
    assert (ROOT / "eval" / "seeds-gold.json").read_bytes() == GOLD.read_bytes()


def test_readme_has_commands():
    assert len(COMMANDS) >= 8
    assert any("behind.rq" in line for line in README.splitlines())


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(scratch, command):
    if any(marker in command for marker in NEEDS_SERVER):
        pytest.skip("needs a server; covered by tests/test_distributed.py and tests/test_endpoint.py")
    args = []
    for a in shlex.split(command)[1:]:
        if a.startswith("/tmp/"):  # scratch outputs instead of the machine's /tmp
            args.append(str(scratch.parent / ("tmp-" + a[len("/tmp/"):])))
        elif "*" in a:  # as the shell would expand it
            matches = sorted(str(p.relative_to(scratch)) for p in scratch.glob(a))
            assert matches, f"{a} matches nothing"
            args.extend(matches)
        else:
            args.append(a)
    proc = run_kg(*args, cwd=scratch)
    assert proc.returncode == 0, f"{command}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_readme_provenance_query_returns_sentences(scratch):
    proc = run_kg("query", "exports/graph.ttl", "behind.rq", "--format", "json", cwd=scratch)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"partnership", proc.stdout)
