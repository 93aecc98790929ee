"""What does `kg add` save? Adding a few articles to a built corpus vs rebuilding everything.

    python bench/add_bench.py --base 500 --new 10

Builds BASE synthetic articles, adds NEW more with `kg add`, rebuilds BASE+NEW from scratch,
and checks both graphs hold the same triples (counted and compared with pyoxigraph).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from speed import kg_command, machine, timed  # noqa: E402


def triples(path: Path) -> set:
    import pyoxigraph as ox

    with path.open("rb") as fh:
        return {str(t) for t in ox.parse(fh, format=ox.RdfFormat.TURTLE)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=int, default=500)
    ap.add_argument("--new", type=int, default=10)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-add-"))
    every = write_corpus(work / "all", args.base + args.new)
    (work / "old").mkdir()
    (work / "new").mkdir()
    for i, p in enumerate(every):
        shutil.copy(p, work / ("old" if i < args.base else "new") / p.name)
    info = machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, {info['ram_gib']} GiB RAM")
    kg = kg_command()
    t_build, _ = timed(kg + ["build", str(work / "old"), "--out", str(work / "inc")])
    t_add, _ = timed(kg + ["add", str(work / "new"), "--out", str(work / "inc")])
    t_again, _ = timed(kg + ["add", str(work / "new"), "--out", str(work / "inc")])
    t_full, _ = timed(kg + ["build", str(work / "old"), str(work / "new"), "--out", str(work / "full")])
    same = triples(work / "inc" / "graph.ttl") == triples(work / "full" / "graph.ttl")
    store_mb = (work / "inc" / "extractions.jsonl").stat().st_size / 1e6
    print(f"kg build of {args.base} articles:           {t_build:7.1f} s")
    print(f"kg add of {args.new} more:                   {t_add:7.1f} s")
    print(f"kg add of the same {args.new} again (no-op): {t_again:7.1f} s")
    print(f"kg build of all {args.base + args.new} from scratch:  {t_full:7.1f} s  (add is {t_full / t_add:.1f}x faster)")
    print(f"same triples as the full build: {same}; extractions.jsonl {store_mb:.1f} MB")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
