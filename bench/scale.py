"""How do time and memory grow with the corpus? `kg build` at several sizes, one process each.

Why: issue 6 asks whether a 10k-article feed is an overnight job or a coffee break, and how
much RAM it needs. Each size is a fresh `kg build` child; wall time is measured around it and
peak RSS comes from os.wait4 (the largest single process: with --workers N the spaCy worker
processes are counted one at a time, not summed).

    python bench/scale.py --articles 1000                 # synthetic ~500-word articles
    python bench/scale.py --seed-copies 1 10 100          # the seed corpus, 1x 10x 100x
    python bench/scale.py --articles 1000 5000 10000 --workers 2 --json scale.json
    python bench/scale.py --extrapolate 5000 10000 --from-json scale.json   # no runs
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import corpus_words, write_corpus, write_seed_copies  # noqa: E402
from speed import kg_command, machine  # noqa: E402

SUMMARY = re.compile(r"(\d+) documents, (\d+) entities, (\d+) relations in ([\d.]+) s")


def run_build(folder: Path, out: Path, *, workers: int, html: bool) -> dict:
    cmd = kg_command() + ["build", str(folder), "--out", str(out), "--workers", str(workers)] + ([] if html else ["--no-html"])
    err_path = out.parent / f"{out.name}.stderr"
    with err_path.open("w") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text()
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode}): {stderr[-600:]}")
    m = SUMMARY.search(stderr)
    ttl = out / "graph.ttl"
    return {
        "wall_s": round(wall, 1),
        "pipeline_s": float(m.group(4)) if m else None,  # parse + extract + resolve + graph (kg's own summary)
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "entities": int(m.group(2)) if m else None,
        "relations": int(m.group(3)) if m else None,
        "ttl_mb": round(ttl.stat().st_size / 1e6, 1),
        "triples": count_triples(ttl),
    }


def count_triples(ttl: Path) -> int | None:
    """Triples in graph.ttl, counted by pyoxigraph (rdflib would take minutes at this size)."""
    try:
        import pyoxigraph as ox
    except ImportError:
        return None
    with ttl.open("rb") as fh:
        return sum(1 for _ in ox.parse(fh, format=ox.RdfFormat.TURTLE))


def table(rows: list[dict]) -> str:
    lines = [
        "| corpus | articles | words | wall time | pipeline | peak RSS | entities | relations | triples | graph.ttl |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        est = " (extrapolated)" if r.get("extrapolated") else ""
        tri = f"{r['triples']:,}" if r.get("triples") else "–"
        ents = r.get("entities") if r.get("entities") is not None else "–"
        rels = r.get("relations") if r.get("relations") is not None else "–"
        pipe = f"{r['pipeline_s']:.0f} s" if r.get("pipeline_s") else "–"
        ttl = f"{r['ttl_mb']} MB" if r.get("ttl_mb") is not None else "–"
        lines.append(
            f"| {r['name']}{est} | {r['articles']:,} | {r['words']:,} | {fmt_time(r['wall_s'])} | {pipe} | {r['peak_rss_mb']:,} MB | {ents} | {rels} | {tri} | {ttl} |"
        )
    return "\n".join(lines)


def fmt_time(sec: float) -> str:
    return f"{sec:.0f} s" if sec < 120 else f"{sec / 60:.1f} min"


def extrapolate(rows: list[dict], sizes: list[int]) -> list[dict]:
    """Linear in words for time (parsing dominates), linear fit for memory; both labelled as such."""
    synth = [r for r in rows if not r.get("extrapolated") and r["name"].startswith("synthetic")] or [r for r in rows if not r.get("extrapolated")]
    if not synth:
        return []
    big = max(synth, key=lambda r: r["words"])
    small = min(synth, key=lambda r: r["words"])
    per_word = big["wall_s"] / big["words"]
    if big is not small:
        slope = (big["peak_rss_mb"] - small["peak_rss_mb"]) / (big["words"] - small["words"])
    else:
        slope = big["peak_rss_mb"] / big["words"] * 0.5  # half of RSS is the model and the interpreter
    wpa = big["words"] / big["articles"]
    out = []
    for n in sizes:
        words = int(n * wpa)
        out.append({
            "name": f"synthetic {n}", "articles": n, "words": words, "wall_s": per_word * words,
            "peak_rss_mb": round(big["peak_rss_mb"] + slope * (words - big["words"])), "extrapolated": True,
        })
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="*", default=[], help="synthetic corpus sizes")
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--seed-copies", type=int, nargs="*", default=[], help="seed corpus multiples")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--html", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--extrapolate", type=int, nargs="*", default=[], help="sizes to project from the measured runs")
    ap.add_argument("--json", type=Path, default=None, help="append results to this JSON file")
    ap.add_argument("--from-json", type=Path, default=None, help="earlier results to include")
    ap.add_argument("--keep", action="store_true", help="keep corpora and outputs")
    args = ap.parse_args()

    rows: list[dict] = json.loads(args.from_json.read_text()) if args.from_json and args.from_json.exists() else []
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    info = machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, {info['ram_gib']} GiB RAM; workers={args.workers}; html={args.html}", flush=True)
    jobs = [("seed x%d" % c, "seeds", c) for c in args.seed_copies] + [("synthetic %d" % n, "synthetic", n) for n in args.articles]
    for name, kind, n in jobs:
        folder = work / name.replace(" ", "_")
        paths = write_seed_copies(folder, n) if kind == "seeds" else write_corpus(folder, n, words=args.words)
        row = {"name": name, "articles": len(paths), "words": corpus_words(paths), "workers": args.workers, "html": args.html,
               "loadavg_before": round(os.getloadavg()[0], 2)}
        print(f"{name}: {row['articles']} articles, {row['words']} words ...", flush=True)
        row.update(run_build(folder, work / f"out_{folder.name}", workers=args.workers, html=args.html))
        row["loadavg_after"] = round(os.getloadavg()[0], 2)
        print(f"  {row}", flush=True)
        rows.append(row)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1))
        if not args.keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    rows += extrapolate(rows, args.extrapolate)
    print()
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
