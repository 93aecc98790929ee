"""Saved SPARQL queries on a big graph, the way a user runs them: `kg query GRAPH --name NAME`.

Why: issue 6 asks that saved queries over a 1M-triple graph answer in well under a second.
For each saved query this prints (1) the time inside the engine (kg.oxstore on the indexed
store, median of --repeat runs) and (2) the whole `kg query` process, cold (the first run
indexes the file) and warm (median of --repeat runs, index reused). Parameters are picked from
the graph itself: the busiest partnerOf entity, an owner with a chain, a worksFor employer, a
document, a date, a pair of entities that share statements.

    python bench/query_bench.py --graph exports/graph.ttl
    python bench/query_bench.py --triples 1000000          # a synthetic kg graph (export_bench)
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from speed import machine  # noqa: E402

PICK = {
    "partners": ("entity", """SELECT ?v WHERE { { ?e kg:partnerOf ?x } UNION { ?x kg:partnerOf ?e } ?e rdfs:label ?v }
                             GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1"""),
    "ownership": ("owner", "SELECT ?v WHERE { ?a kg:owns ?b . ?b kg:owns ?c . ?a rdfs:label ?v } LIMIT 1"),
    "people": ("organization", """SELECT ?v WHERE { ?p kg:worksFor ?o . ?o rdfs:label ?v }
                                 GROUP BY ?v ORDER BY DESC(COUNT(*)) LIMIT 1"""),
    "facts-by-document": ("document", "SELECT ?v WHERE { ?st prov:wasDerivedFrom ?d . ?d kg:sourcePath ?v } LIMIT 1"),
    "facts-by-date": ("date", "SELECT (SUBSTR(STR(?v0), 1, 7) AS ?v) WHERE { ?d dcterms:date ?v0 } LIMIT 1"),
}
PAIR = """SELECT ?a ?b WHERE { ?st rdf:subject ?s ; rdf:object ?o . ?s rdfs:label ?a . ?o rdfs:label ?b }
          GROUP BY ?a ?b ORDER BY DESC(COUNT(*)) LIMIT 1"""


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]


def params_for(graph: Path) -> dict[str, dict[str, str]]:
    from kg.oxstore import query_file

    plan: dict[str, dict[str, str]] = {"most-connected": {}}
    for name, (param, text) in PICK.items():
        _, rows = query_file(graph, text, timeout=None)
        if rows and rows[0][0] is not None:
            plan[name] = {param: str(rows[0][0])}
    _, rows = query_file(graph, PAIR, timeout=None)
    if rows:
        plan["evidence"] = {"subject": str(rows[0][0]), "object": str(rows[0][1])}
    return plan


def engine_time(graph: Path, name: str, params: dict[str, str], repeat: int) -> tuple[float, int]:
    from rdflib import Literal

    from kg.oxstore import bind_values, file_prefixes, open_store, with_prefixes
    from kg.query import saved_query

    store = open_store(graph)
    text = with_prefixes(bind_values(saved_query(name).text, {k: Literal(v) for k, v in params.items()}), file_prefixes(graph))
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = len(list(store.query(text)))
        times.append(time.perf_counter() - t0)
    return statistics.median(times), rows


def cli_time(graph: Path, name: str, params: dict[str, str], env: dict) -> float:
    args = kg_command() + ["query", str(graph), "--name", name, "--format", "csv"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"kg query --name {name} failed: {done.stderr.strip()}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, help="a graph file written by kg build")
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph when no --graph")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(machine(), "load average", os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="kg-query-bench-") as tmp:
        graph = args.graph
        if graph is None:
            from export_bench import synthetic_graph

            from kg.export import export

            print(f"building a synthetic kg graph of about {args.triples:,} triples ...")
            graph = export(synthetic_graph(args.triples), Path(tmp) / "graph.ttl")
        env = {**os.environ, "KG_CACHE_DIR": str(Path(tmp) / "cache")}
        os.environ["KG_CACHE_DIR"] = env["KG_CACHE_DIR"]
        size = graph.stat().st_size / 1e6
        t0 = time.perf_counter()
        cold = cli_time(graph, "most-connected", {}, env)
        print(f"graph {graph} ({size:.1f} MB); first `kg query` (indexes the file): {cold:.1f} s ({time.perf_counter() - t0:.1f} s)")
        from kg.oxstore import open_store

        print(f"triples: {len(open_store(graph)):,}")
        plan = params_for(graph)
        print(f"\n{'saved query':<18} {'engine (median)':>15} {'rows':>7} {'kg query, warm':>15}   parameters")
        for name, params in plan.items():
            engine, rows = engine_time(graph, name, params, args.repeat)
            warm = statistics.median(cli_time(graph, name, params, env) for _ in range(args.repeat))
            shown = ", ".join(f"{k}={v!r}" for k, v in params.items())
            print(f"{name:<18} {engine:>13.3f} s {rows:>7} {warm:>13.2f} s   {shown}")
        # the same queries with nothing bound: whole listings
        print("\nwithout parameters (whole listings):")
        for name in ("people", "ownership", "facts-by-document"):
            engine, rows = engine_time(graph, name, {}, 1)
            print(f"{name:<18} {engine:>13.3f} s {rows:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
