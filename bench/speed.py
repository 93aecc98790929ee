"""How much does kg add on top of spaCy? `kg build` vs a bare nlp.pipe, whole processes.

Why whole processes: a user waits for `kg build` from start to exit, imports and model
loading included, and spaCy is the floor nobody can go below. So the baseline is a bare
Python process that loads the same pipeline (same excluded components) and runs nlp.pipe
over the same texts; `kg build` must stay within 1.15x of it (issue 6).

Runs alternate (bare, kg, kg, bare, ...) so drift in machine load hits both; the figure is the
median ratio. Also reported: throughput in spaCy tokens per second with 1 and 2 workers
(`--workers 2` = spaCy n_process=2) and, with --profile, where the time goes inside kg.

    python bench/speed.py                    # 100 articles, 5 rounds
    python bench/speed.py --rounds 3 --articles 100 --profile
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import corpus_words, write_corpus  # noqa: E402

BARE = r"""
import sys, pathlib, spacy
folder, model, exclude, n_process = sys.argv[1], sys.argv[2], [c for c in sys.argv[3].split(",") if c], int(sys.argv[4])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).glob("*.txt"))]
nlp = spacy.load(model, exclude=exclude)
tokens = 0
for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
    tokens += len(doc)
print(tokens)
"""


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024 // 1024
    except OSError:
        pass
    import platform

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": mem, "python": platform.python_version()}


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def timed(cmd: list[str]) -> tuple[float, str]:
    """Wall seconds and stdout of a child process; its CPU seconds (user+sys, children
    included) go to `last_cpu`: on a shared machine CPU time is the steadier figure."""
    global last_cpu
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{stderr[-800:]}")
    last_cpu = usage.ru_utime + usage.ru_stime
    return seconds, stdout


last_cpu = 0.0


def bare_cmd(folder: Path, n_process: int = 1) -> list[str]:
    from kg.nlp import DEFAULT_MODEL, UNUSED_COMPONENTS

    return [sys.executable, "-c", BARE, str(folder), DEFAULT_MODEL, ",".join(UNUSED_COMPONENTS), str(n_process)]


def profile(folder: Path, out: Path, top: int = 15) -> None:
    """cProfile of one in-process build + export: time per stage and kg's own hot spots."""
    import cProfile
    import pstats

    from kg.export import export
    from kg.ingest import read_documents
    from kg.pipeline import build

    docs = list(read_documents([folder]))
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    result = build(docs)
    t1 = time.perf_counter()
    export(result.graph, out / "graph.ttl", format="turtle")
    t2 = time.perf_counter()
    export(result.graph, out / "graph.html", format="html")
    t3 = time.perf_counter()
    prof.disable()
    stats = pstats.Stats(prof)
    raw = stats.stats  # (file, line, name) -> (cc, nc, tottime, cumtime, callers)

    def cum(pred) -> float:
        return max((v[3] for k, v in raw.items() if pred(k)), default=0.0)

    stages = {
        "spaCy nlp.pipe (incl. kg_line_breaks)": cum(lambda k: k[2] == "pipe" and k[0].endswith("spacy/language.py")),
        "kg.extract.extract (rules)": cum(lambda k: k[2] == "extract" and k[0].endswith("kg/extract.py")),
        "language detection": cum(lambda k: k[2] == "detect_language"),
        "kg.resolve.resolve": cum(lambda k: k[2] == "resolve" and k[0].endswith("kg/resolve.py")),
        "kg.graph.build_graph": cum(lambda k: k[2] == "build_graph"),
        "Turtle export": t2 - t1,
        "HTML export": t3 - t2,
    }
    print(f"\nprofile (cProfile, in-process, {len(docs)} articles; profiling slows Python code ~1.5-2x):")
    print(f"  build {t1 - t0:.1f} s, export {t3 - t1:.1f} s")
    for name, sec in stages.items():
        print(f"  {name:<40} {sec:7.2f} s")
    print(f"\n  top {top} kg functions by own time (tottime):")
    ours = sorted(((v[2], v[3], v[1], k) for k, v in raw.items() if "/kg/" in k[0]), reverse=True)[:top]
    for tt, ct, n, k in ours:
        print(f"    {tt:6.2f} s own  {ct:6.2f} s cum  {n:8d} calls  {Path(k[0]).name}:{k[1]} {k[2]}")


def stages(folder: Path, out: Path) -> dict:
    """Wall time of each stage in one process, without a profiler's distortion."""
    from kg.export import export
    from kg.extract import extract
    from kg.graph import build_graph
    from kg.ingest import read_documents
    from kg.nlp import detect_language, load_pipeline, parse
    from kg.resolve import resolve

    res = {}
    t = time.perf_counter()
    docs = list(read_documents([folder]))
    res["read files"] = time.perf_counter() - t
    t = time.perf_counter()
    nlp = load_pipeline()
    res["load spaCy pipeline"] = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        detect_language(d.text)
    res["language detection"] = time.perf_counter() - t
    t = time.perf_counter()
    parsed = list(parse(nlp, docs))
    res["spaCy parse (nlp.pipe)"] = time.perf_counter() - t
    t = time.perf_counter()
    extractions = [extract(d, doc, offset=o) for d, o, doc in parsed]
    res["rules (kg.extract.extract)"] = time.perf_counter() - t
    t = time.perf_counter()
    resolution = resolve(extractions)
    res["resolution"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build_graph(resolution.entities, resolution.relations, docs)
    res["graph building"] = time.perf_counter() - t
    t = time.perf_counter()
    export(graph, out / "graph.ttl", format="turtle")
    res["Turtle export"] = time.perf_counter() - t
    t = time.perf_counter()
    export(graph, out / "graph.html", format="html")
    res["HTML export"] = time.perf_counter() - t
    total = sum(res.values())
    print(f"\nstages (one process, no profiler; {len(docs)} articles, {len(graph)} triples):")
    for k, v in res.items():
        print(f"  {k:<30} {v:7.2f} s  {100 * v / total:5.1f} %")
    return {k: round(v, 2) for k, v in res.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5, help="pairs of (bare, kg) runs")
    ap.add_argument("--no-workers", action="store_true", help="skip the --workers 2 runs")
    ap.add_argument("--profile", action="store_true", help="also profile one in-process build (cProfile)")
    ap.add_argument("--stages", action="store_true", help="also time each stage in one process")
    ap.add_argument("--rounds-only", action="store_true", help="only the stage timing / profile, no process runs")
    ap.add_argument("--html", action=argparse.BooleanOptionalAction, default=True, help="kg build writes graph.html too (the default build)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-speed-"))
    folder = work / "corpus"
    paths = write_corpus(folder, args.articles, words=args.words)
    words = corpus_words(paths)
    info = machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, {info['ram_gib']} GiB RAM, Python {info['python']}")
    print(f"corpus: {len(paths)} synthetic articles, {words} words (bench/corpus.py, seed 0)")
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    if args.rounds_only:
        if args.stages:
            stages(folder, work)
        if args.profile:
            profile(folder, work / "prof")
        return 0
    kg_cmd = kg_command() + ["build", str(folder), "--out", str(work / "out")] + ([] if args.html else ["--no-html"])
    bare, kg = [], []
    bare_cpu, kg_cpu = [], []
    tokens = 0
    for i in range(args.rounds):
        order = [("bare", bare_cmd(folder)), ("kg", kg_cmd)]
        if i % 2:
            order.reverse()
        for name, cmd in order:
            sec, out = timed(cmd)
            (bare if name == "bare" else kg).append(sec)
            (bare_cpu if name == "bare" else kg_cpu).append(last_cpu)
            if name == "bare":
                tokens = int(out.strip().splitlines()[-1])
        print(
            f"  round {i + 1}: bare {bare[-1]:.2f} s (cpu {bare_cpu[-1]:.2f}), kg build {kg[-1]:.2f} s (cpu {kg_cpu[-1]:.2f}), "
            f"ratio {kg[-1] / bare[-1]:.3f} (cpu {kg_cpu[-1] / bare_cpu[-1]:.3f})",
            flush=True,
        )
    ratios = [k / b for k, b in zip(kg, bare)]
    res = {
        "machine": info,
        "articles": len(paths),
        "words": words,
        "tokens": tokens,
        "bare_median_s": round(statistics.median(bare), 2),
        "kg_median_s": round(statistics.median(kg), 2),
        "ratio_of_medians": round(statistics.median(kg) / statistics.median(bare), 3),
        "median_ratio": round(statistics.median(ratios), 3),
        "cpu_median_ratio": round(statistics.median(k / b for k, b in zip(kg_cpu, bare_cpu)), 3),
        "bare_cpu_median_s": round(statistics.median(bare_cpu), 2),
        "kg_cpu_median_s": round(statistics.median(kg_cpu), 2),
        "kg_tokens_per_s_1": round(tokens / statistics.median(kg)),
        "bare_tokens_per_s_1": round(tokens / statistics.median(bare)),
    }
    print(f"\nbare nlp.pipe: median {res['bare_median_s']} s; kg build: median {res['kg_median_s']} s")
    print(f"kg build / bare spaCy: median ratio {res['median_ratio']} (target <= 1.15); ratio of medians {res['ratio_of_medians']}")
    print(f"CPU time (user+sys): bare {res['bare_cpu_median_s']} s, kg build {res['kg_cpu_median_s']} s; median ratio {res['cpu_median_ratio']}")
    print(f"throughput, 1 worker: kg build {res['kg_tokens_per_s_1']} tokens/s (bare spaCy {res['bare_tokens_per_s_1']} tokens/s)")

    if not args.no_workers:
        kg2, bare2 = [], []
        for i in range(max(1, args.rounds // 2 + 1)):
            kg2.append(timed(kg_cmd + ["--workers", "2"])[0])
            bare2.append(timed(bare_cmd(folder, 2))[0])
        res["kg_median_s_2"] = round(statistics.median(kg2), 2)
        res["bare_median_s_2"] = round(statistics.median(bare2), 2)
        res["kg_tokens_per_s_2"] = round(tokens / statistics.median(kg2))
        res["speedup_2_workers"] = round(statistics.median(kg) / statistics.median(kg2), 2)
        print(
            f"throughput, --workers 2: kg build {res['kg_tokens_per_s_2']} tokens/s "
            f"({res['kg_median_s_2']} s; bare spaCy n_process=2: {res['bare_median_s_2']} s); speed-up x{res['speedup_2_workers']}"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.stages:
        res["stages"] = stages(folder, work)
    if args.profile:
        profile(folder, work / "prof")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
