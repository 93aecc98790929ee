"""How good is extraction on real news nobody here wrote? (BBC business articles, blind gold)

The articles live in `../shared/corpus/bbc-business/` and are never copied into the repository.
`bench/bbc/split.json` names a random sample of them (fixed seed), split into a development half
and a test half; `bench/bbc/gold-dev.json` and `gold-test.json` hold the `kg-gold/1` annotations
made by readers who had not seen the rules. Tune on dev; score test before and after, never tune
on it.

    python bench/bbc.py dev                 # build the dev half, print the scores
    python bench/bbc.py test                # the same for the untouched test half
    python bench/bbc.py dev2                # a second blind sample (see bench/bbc/README.md)
    python bench/bbc.py dev2 --missed       # + missed and wrong triples (dev, dev2)
    python bench/bbc.py assemble GOLD_DIR   # (once) per-article gold files -> gold-{dev,test}.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "bbc"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-business"
RELATIONS = json.loads((ROOT / "bench" / "news" / "gold-a.json").read_text(encoding="utf-8"))


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def assemble(gold_dir: Path) -> None:
    """Merge per-article gold files into one kg-gold/1 file per half.

    An entity named the same in two articles is one entity (types and aliases united, required
    if either article requires it), as the corpus-level scorer sees one node per name.
    """
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    for half in [h for h in split if isinstance(split[h], list)]:
        if not all((gold_dir / d.replace(".txt", ".json")).exists() for d in split[half]):
            print(f"{half}: not every article has a gold file in {gold_dir}; left as it was")
            continue
        entities: dict[str, dict] = {}
        triples: list[dict] = []
        for doc in split[half]:
            part = json.loads((gold_dir / doc.replace(".txt", ".json")).read_text(encoding="utf-8"))
            for e in part["entities"]:
                have = entities.setdefault(
                    e["label"], {"label": e["label"], "types": [], "aliases": [], "required": False}
                )
                have["types"] = sorted({*have["types"], *e["types"]})
                have["aliases"] = sorted({*have["aliases"], *e.get("aliases", [])} - {e["label"]})
                have["required"] = have["required"] or bool(e.get("required", True))
            for t in part["triples"]:
                triples.append({**t, "docs": [doc]})
        gold = {
            "format": "kg-gold/1",
            "description": f"BBC business news 2004-05, {half} half of a blind random sample",
            "relations": RELATIONS["relations"],
            "symmetric": RELATIONS["symmetric"],
            "entity_types": RELATIONS["entity_types"],
            "entities": sorted(entities.values(), key=lambda e: e["label"]),
            "triples": triples,
        }
        out = HERE / f"gold-{half}.json"
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        req = sum(t["status"] == "required" for t in triples)
        print(f"{out.relative_to(ROOT)}: {len(split[half])} articles, {len(entities)} entities, "
              f"{len(triples)} triples ({req} required)")


#: halves one may develop on (read their misses); the test half is only ever scored
DEVELOPMENT = ("dev", "dev2")


def score(half: str, *, missed: bool, keep: Path | None) -> dict:
    split = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS}: not found (the BBC articles live in ../shared)")
    work = Path(tempfile.mkdtemp(prefix=f"kg-bbc-{half}-"))
    docs = work / "docs"
    docs.mkdir()
    for name in split[half]:
        shutil.copyfile(CORPUS / name, docs / name)
    out = keep or work / "out"
    t0 = time.perf_counter()
    build = subprocess.run(kg_command() + ["build", str(docs), "--out", str(out), "--no-html"],
                           capture_output=True, text=True)
    if build.returncode:
        raise SystemExit(f"kg build failed: {build.stderr.strip()[-800:]}")
    seconds = time.perf_counter() - t0
    ev = subprocess.run(kg_command() + ["evaluate", str(HERE / f"gold-{half}.json"),
                                        str(out / "graph.ttl"), "--format", "json"],
                        capture_output=True, text=True)
    if ev.returncode:
        raise SystemExit(f"kg evaluate failed: {ev.stderr.strip()[-800:]}")
    report = json.loads(ev.stdout)
    shutil.rmtree(work, ignore_errors=True)
    r, e = report["relations"], report["entities"]
    print(f"BBC {half}: {len(split[half])} articles, built in {seconds:.0f} s")
    print(f"  relations P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
          f"({report['found_required']}/{report['required_triples']} required, "
          f"{report['correct_triples']}/{report['system_triples']} correct, "
          f"{report['forbidden']} forbidden)")
    print(f"  entities  P {e['precision']:.3f} R {e['recall']:.3f}; duplicates "
          f"{report['duplicates']} ({report['duplicates'] / len(split[half]) * 10:.1f} per 10 articles)")
    if missed and half not in DEVELOPMENT:
        print("  (--missed is for the development halves only: test is a report, not a guide)")
    elif missed:
        for s, p, o in report["missed"]:
            print(f"  missed  {s} {p} {o}")
        for row in report["wrong"]:
            print(f"  wrong   {' '.join(row)}")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("half", choices=["dev", "test", "dev2", "assemble"])
    ap.add_argument("gold_dir", nargs="?", type=Path, help="with assemble: per-article gold files")
    ap.add_argument("--missed", action="store_true", help="list missed and wrong triples (dev, dev2)")
    ap.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = ap.parse_args(argv)
    if args.half == "assemble":
        if not args.gold_dir:
            ap.error("assemble needs GOLD_DIR")
        assemble(args.gold_dir)
        return 0
    score(args.half, missed=args.missed, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
