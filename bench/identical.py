"""Are a refactor's outputs byte-identical to a saved reference?

A behaviour-preserving change (moving rules into modules, splitting a class) must leave every
output as it was. This script builds a fixed set of corpora (the seeds, bench/news a and b,
CoNLL04 dev+test, FIRE dev+test) and either saves `graph.ttl`, `graph.html` and
`extractions.jsonl` of each as the reference, or compares a new build against it byte for byte.

    python bench/identical.py save  --ref /tmp/kg-ref      # before the refactor
    python bench/identical.py check --ref /tmp/kg-ref      # after each step: exit 1 on a difference
    python bench/identical.py check --ref /tmp/kg-ref --only seeds news-a

Take the reference on the commit just before the refactor starts, with the same model.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import relation_benchmarks as rb  # noqa: E402

OUTPUTS = ("graph.ttl", "graph.html", "extractions.jsonl")
BENCH_SPLITS = {
    "conll04-dev": ("conll04", "dev"),
    "conll04-test": ("conll04", "test"),
    "fire-dev": ("fire", "dev"),
    "fire-test": ("fire", "test"),
}
CORPORA = ("seeds", "news-a", "news-b", *BENCH_SPLITS)


WORK = Path(tempfile.mkdtemp(prefix="kg-identical-"))  # one per run: checkouts may run at once


def inputs(name: str, work: Path) -> list[str]:
    """Copy one corpus into `work` and return its `kg build` arguments, relative to `work`.

    Documents record the path they were given, so every checkout passes the same relative paths,
    whichever folder it builds from.
    """
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if name == "seeds":
        shutil.copytree(ROOT / "seeds", work / "seeds")
        return ["seeds"]
    if name.startswith("news-"):
        half = name.split("-")[1]
        (work / "docs").mkdir()
        for p in sorted((ROOT / "bench" / "news" / "docs").glob(f"{half}_*.txt")):
            shutil.copyfile(p, work / "docs" / p.name)
        return sorted(f"docs/{p.name}" for p in (work / "docs").iterdir())
    bench, split = BENCH_SPLITS[name]
    with (work / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for s in rb.load_split(bench, split, None):
            fh.write(json.dumps({"id": s.doc_id, "text": s.text}, ensure_ascii=False) + "\n")
    return ["corpus.jsonl"]


def build(name: str, out: Path) -> None:
    work = WORK / name
    args = inputs(name, work)
    done = subprocess.run(
        rb.kg_command() + ["build", *args, "--out", str(out)],
        capture_output=True, text=True, cwd=work,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},  # the page's "built" line
    )
    if done.returncode:
        raise SystemExit(f"kg build failed on {name}: {done.stderr.strip()[-500:]}")


def first_difference(a: Path, b: Path) -> str:
    old = a.read_text(encoding="utf-8", errors="replace").splitlines()
    new = b.read_text(encoding="utf-8", errors="replace").splitlines()
    diff = list(difflib.unified_diff(old, new, "reference", "now", n=0, lineterm=""))
    return "\n".join(line[:200] for line in diff[2:12])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=["save", "check"])
    ap.add_argument("--ref", type=Path, required=True, help="folder of the reference outputs")
    ap.add_argument("--only", nargs="+", choices=CORPORA, help="a subset of the corpora")
    args = ap.parse_args(argv)
    failed = 0
    for name in args.only or CORPORA:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            build(name, out)
            ref = args.ref / name
            if args.action == "save":
                ref.mkdir(parents=True, exist_ok=True)
                for f in OUTPUTS:
                    shutil.copyfile(out / f, ref / f)
                print(f"{name}: saved")
                continue
            bad = [f for f in OUTPUTS if (ref / f).read_bytes() != (out / f).read_bytes()]
            print(f"{name}: {'identical' if not bad else 'DIFFERENT: ' + ', '.join(bad)}")
            for f in bad:
                print(first_difference(ref / f, out / f))
            failed += bool(bad)
    shutil.rmtree(WORK, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
