"""Score `kg` on external relation-extraction benchmarks (CoNLL04, FIRE), end to end.

Why: the seed gold was written by the project; these sentences were not, so they show how the
rules generalise. Each split becomes a JSONL corpus (one document per sentence) and a
kg-gold/1 file holding only the relations that map onto ours; then `kg build` and
`kg evaluate` run as a user would run them, and the missed / wrong triples are grouped into
patterns so the rule owner sees what to look at.

    python bench/relation_benchmarks.py conll04 dev
    python bench/relation_benchmarks.py fire dev --limit 100
    python bench/relation_benchmarks.py all            # every split below, dev and test
    python bench/relation_benchmarks.py conll04 dev --analyse   # + missed/wrong patterns

Mapping (see ../shared/benchmarks/SOURCES.md): CoNLL04 Work_For -> worksFor, OrgBased_In ->
basedIn; FIRE ActionBuy -> acquired, Subsidiaryof (sub -> parent) -> owns (parent -> sub),
Employeeof -> worksFor, Locatedin -> basedIn. Entity types: Peop/Person -> Person,
Org/Company -> Organization, Loc/Location/GeopoliticalEntity -> Place, Product -> Product;
other types (Other, BusinessUnit, FinancialEntity, Money, Date, ...) are not entities for us.
A mapped relation is kept only when both ends have a mapped type that fits our relation's
signature (FIRE "Locatedin" between two places, or "ActionBuy" of "shares", are not ours).

Gold entity labels are the annotated surface text. Formatting-only aliases are added so that
a correct node is not scored wrong for punctuation or legal form: the parts of a FIRE
definition "Gilead Sciences, Inc. (Gilead)", the name without honorific ("Mr. Masters" ->
"Masters") or legal suffix ("Sanofi SA" -> "Sanofi"), without the sentence-final period CoNLL
glues onto a word ("Forest Service."), and the country of a demonym annotated as a place
("Finnish" -> "Finland", "U.S.-based" -> "United States"). `--strict-labels` turns them off.

Scoring is corpus-level (as `kg evaluate` always is): the same name in two sentences is one
node, and a triple stated twice counts once.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import normalize_label  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks"  # ../shared beside the repository
SPLITS = {"conll04": ("dev", "test", "train"), "fire": ("dev", "test")}
ALL = [("conll04", "dev"), ("conll04", "test"), ("fire", "dev"), ("fire", "test")]

TYPES = {
    "conll04": {"Peop": "Person", "Org": "Organization", "Loc": "Place"},
    "fire": {
        "Person": "Person",
        "Company": "Organization",
        "Location": "Place",
        "GeopoliticalEntity": "Place",
        "Product": "Product",
    },
}
# benchmark relation -> (our relation, reversed?)
RELATIONS = {
    "conll04": {"Work_For": ("worksFor", False), "OrgBased_In": ("basedIn", False)},
    "fire": {
        "ActionBuy": ("acquired", False),
        "Subsidiaryof": ("owns", True),
        "Employeeof": ("worksFor", False),
        "Locatedin": ("basedIn", False),
    },
}
# our relation -> (subject types, object types), as in kg.resolve.SIGNATURES
SIGNATURE = {
    "worksFor": ({"Person"}, {"Organization"}),
    "basedIn": ({"Organization"}, {"Place"}),
    "acquired": ({"Organization", "Person"}, {"Organization", "Product"}),
    "owns": ({"Organization", "Person"}, {"Organization", "Product"}),
}
MEANING = {
    "worksFor": "a person is employed by or holds a role at an organisation",
    "basedIn": "an organisation is headquartered or located in a place",
    "acquired": "an organisation or person bought a company or product",
    "owns": "an organisation owns (is the parent of) another",
}

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "'s", "'S", "'t", "'re", "'d", "'ll", "'ve", "'m", "n't"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep|Gen|Sir)\.?\s+(?=[A-Z])")
DEFINITION = re.compile(r'^(?P<name>.+?)\s*\(\s*"?\s*(?P<short>[^()"]+?)\s*"?\s*\)$')


@dataclass
class Sentence:
    doc_id: str
    text: str
    spans: list[tuple[int, int]]  # char span of each annotated entity
    entities: list[dict]
    relations: list[dict]


@dataclass
class GoldTriple:
    s: str
    p: str
    o: str
    doc_id: str
    head: int  # entity index in the sentence (subject of *our* relation)
    tail: int
    docs: list[str] = field(default_factory=list)


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Readable text from benchmark tokens, and each token's char span in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        tok = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)
        glue = prev is None or tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER
        if not glue:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(out), spans


def load_split(name: str, split: str, limit: int | None) -> list[Sentence]:
    rows = json.loads((DATA / f"{name}_{split}.json").read_text(encoding="utf-8"))
    if limit:
        rows = rows[:limit]
    sentences = []
    for i, row in enumerate(rows):
        text, tok_spans = detokenize(row["tokens"])
        spans = [(tok_spans[e["start"]][0], tok_spans[e["end"] - 1][1]) for e in row["entities"]]
        sentences.append(Sentence(f"{name}-{split}-{i:04d}", text, spans, row["entities"], row["relations"]))
    return sentences


LEGAL = re.compile(r"(?:,?\s+(?:Inc|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|Corp|Co|PLC|plc|AG|SA|S\.A|NV|N\.V|GmbH|Pvt Ltd|S\.p\. ?A)\.?)+$")
GLUED_PERIOD = re.compile(r"(?<=[a-z]{3})\.$")  # CoNLL glues a sentence's final period onto the last word
DEMONYMS = {
    "american": "United States", "u.s.-based": "United States", "us-based": "United States", "indian": "India",
    "finnish": "Finland", "swedish": "Sweden", "moroccan": "Morocco", "chilean": "Chile", "spanish": "Spain",
    "soviet": "Soviet Union", "british": "United Kingdom", "chinese": "China", "japanese": "Japan",
    "german": "Germany", "french": "France", "canadian": "Canada", "italian": "Italy", "israeli": "Israel",
}


def aliases_for(label: str) -> list[str]:
    """Formatting variants of a gold name (the annotated span is kept as the label)."""
    out = []
    m = DEFINITION.match(label)
    if m:
        out += [m.group("name").rstrip(" ,'s").rstrip(), m.group("short")]
    for form in [label, *out]:
        for variant in (HONORIFIC.sub("", form), LEGAL.sub("", form), GLUED_PERIOD.sub("", form)):
            if variant != form:
                out.append(variant.strip(" ,"))
    if label.casefold() in DEMONYMS:
        out.append(DEMONYMS[label.casefold()])
    elif label.endswith("-based"):
        out.append(label[: -len("-based")])
    return [a for a in dict.fromkeys(out) if a and normalize_label(a) != normalize_label(label)]


def make_gold(name: str, sentences: list[Sentence], *, strict: bool) -> tuple[dict, list[GoldTriple]]:
    """A kg-gold/1 dict (entities deduplicated by normalised label) and the per-sentence triples."""
    types = TYPES[name]
    entities: dict[str, dict] = {}
    taken: dict[str, str] = {}  # normalised alias -> entity key, so aliases never collide

    for sent in sentences:
        for e, (a, b) in zip(sent.entities, sent.spans):
            if e["type"] not in types:
                continue
            label = sent.text[a:b]
            key = normalize_label(label)
            if not key:
                continue
            ent = entities.setdefault(key, {"label": label, "types": [], "aliases": [], "required": True})
            if types[e["type"]] not in ent["types"]:
                ent["types"].append(types[e["type"]])
            taken.setdefault(key, key)
    if not strict:
        # A name that is another entity's label or alias is the same entity, annotated twice
        # ("Gilead Sciences, Inc. (Gilead)" here, "Gilead" there): merge them, as kg would.
        parent = {key: key for key in entities}

        def root(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for key, ent in entities.items():
            for alias in aliases_for(ent["label"]):
                akey = normalize_label(alias)
                other = taken.setdefault(akey, key)
                if other != key:
                    parent[root(other)] = root(key)
                if alias not in ent["aliases"]:
                    ent["aliases"].append(alias)
        merged: dict[str, dict] = {}
        for key, ent in entities.items():
            r = merged.setdefault(root(key), entities[root(key)])
            if r is not ent:
                r["aliases"] += [x for x in [ent["label"], *ent["aliases"]] if x not in r["aliases"] and x != r["label"]]
                r["types"] += [t for t in ent["types"] if t not in r["types"]]
        entities = {key: merged[root(key)] for key in entities}  # every original key -> its merged entity

    triples: list[GoldTriple] = []
    seen: dict[tuple[str, str, str], GoldTriple] = {}
    for sent in sentences:
        for r in sent.relations:
            if r["type"] not in RELATIONS[name]:
                continue
            pred, reverse = RELATIONS[name][r["type"]]
            head, tail = (r["tail"], r["head"]) if reverse else (r["head"], r["tail"])
            hs, ts = sent.entities[head]["type"], sent.entities[tail]["type"]
            if hs not in types or ts not in types:
                continue
            subj_ok, obj_ok = SIGNATURE[pred]
            if types[hs] not in subj_ok or types[ts] not in obj_ok:
                continue
            s = entities[normalize_label(sent.text[slice(*sent.spans[head])])]["label"]
            o = entities[normalize_label(sent.text[slice(*sent.spans[tail])])]["label"]
            key = (normalize_label(s), pred, normalize_label(o))
            if key[0] == key[2]:
                continue
            if key in seen:
                seen[key].docs.append(sent.doc_id)
                continue
            t = seen[key] = GoldTriple(s, pred, o, sent.doc_id, head, tail, [sent.doc_id])
            triples.append(t)
    by_doc = {s.doc_id: s for s in sentences}
    gold = {
        "format": "kg-gold/1",
        "description": f"{name}: mapped relations only; generated by bench/relation_benchmarks.py",
        "relations": {p: MEANING[p] for p in sorted({p for p, _ in RELATIONS[name].values()})},
        "symmetric": [],
        "entity_types": ["Organization", "Person", "Place", "Product"],
        "entities": [{k: v for k, v in e.items() if v or k == "required"} for e in {id(e): e for e in entities.values()}.values()],
        "triples": [
            {"s": t.s, "p": t.p, "o": t.o, "status": "required", "docs": t.docs, "evidence": by_doc[t.doc_id].text}
            for t in triples
        ],
    }
    return gold, triples


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from kg.cli import main; main()"]


def run(name: str, split: str, *, limit: int | None, out: Path, strict: bool, analyse: bool) -> dict:
    sentences = load_split(name, split, limit)
    gold, triples = make_gold(name, sentences, strict=strict)
    work = out / f"{name}_{split}"
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for s in sentences:
            fh.write(json.dumps({"id": s.doc_id, "text": s.text}, ensure_ascii=False) + "\n")
    gold_path = work / "gold.json"
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")

    t0 = time.perf_counter()
    build = subprocess.run(kg_command() + ["build", str(corpus), "--out", str(work), "--no-html"], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if build.returncode:
        raise SystemExit(f"kg build failed on {name} {split}: {build.stderr.strip()[-500:]}")
    ev = subprocess.run(
        kg_command() + ["evaluate", str(gold_path), str(work / "graph.ttl"), "--format", "json"],
        capture_output=True, text=True,
    )
    if ev.returncode:
        raise SystemExit(f"kg evaluate failed on {name} {split}: {ev.stderr.strip()[-500:]}")
    report = json.loads(ev.stdout)
    (work / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    other_lang = sum(1 for line in build.stderr.splitlines() if "language" in line.lower())
    result = {
        "benchmark": name,
        "split": split,
        "sentences": len(sentences),
        "gold_triples": len(triples),
        "gold_entities": len(gold["entities"]),
        "relations": report["relations"],
        "entities": report["entities"],
        "system_triples": report["system_triples"],
        "correct_triples": report["correct_triples"],
        "found_required": report["found_required"],
        "duplicates": report["duplicates"],
        "per_relation": per_relation(report, triples),
        "entity_recall_by_type": entity_recall_by_type(gold, report),
        "build_seconds": round(seconds, 1),
        "summary": build.stderr.strip().splitlines()[-1] if build.stderr.strip() else "",
        "work": str(work),
    }
    if other_lang:
        result["language_notes"] = other_lang
    if analyse:
        result["analysis"] = analyse_errors(sentences, gold, triples, report, work / "graph.ttl")
    return result


def per_relation(report: dict, triples: list[GoldTriple]) -> dict:
    """Recall per relation, and precision per relation (wrong triples are reported per relation)."""
    missed = Counter(p for _, p, _ in report["missed"])
    wrong = Counter(p for _, p, _, _ in report["wrong"])
    gold = Counter(t.p for t in triples)
    out = {}
    for p in sorted(gold | wrong):
        found = gold[p] - missed[p]
        out[p] = {"gold": gold[p], "found": found, "wrong": wrong[p], "recall": round(found / gold[p], 3) if gold[p] else None}
    return out


def entity_recall_by_type(gold: dict, report: dict) -> dict:
    missing = {normalize_label(x) for x in report["missing_entities"]}
    total: Counter = Counter()
    found: Counter = Counter()
    for e in gold["entities"]:
        t = e["types"][0]
        total[t] += 1
        found[t] += normalize_label(e["label"]) not in missing
    return {t: f"{found[t]}/{total[t]}" for t in sorted(total)}


# --- error analysis -------------------------------------------------------------------------

def dep_paths(sentences: list[Sentence], wanted: list[tuple[str, int, int]]) -> dict[tuple[str, int, int], tuple[str, str]]:
    """Shortest dependency path between the two arguments, as (pattern, trigger lemma).

    The pattern keeps dependency labels and the part of speech of the tokens on the path, so
    "X, chief of Y" and "X, president of Y" fall into one group; the lemma of the highest
    token on the path (the likely trigger) is returned separately for the examples.
    """
    from kg.nlp import load_pipeline

    by_doc = {s.doc_id: s for s in sentences}
    nlp = load_pipeline()
    docs = {d: nlp(by_doc[d].text) for d in dict.fromkeys(w[0] for w in wanted)}
    out = {}
    for doc_id, head, tail in wanted:
        sent, doc = by_doc[doc_id], docs[doc_id]
        spans = [doc.char_span(*sent.spans[i], alignment_mode="expand") for i in (head, tail)]
        if any(sp is None for sp in spans):
            out[(doc_id, head, tail)] = ("(no alignment)", "")
            continue
        a, b = spans[0].root, spans[1].root
        up_a = [a, *a.ancestors]
        up_b = [b, *b.ancestors]
        common = next((t for t in up_a if t in up_b), None)
        if common is None:
            out[(doc_id, head, tail)] = ("(different sentences in the parse)", "")
            continue
        left = up_a[: up_a.index(common)]  # a .. just below common
        right = up_b[: up_b.index(common)]
        inside = set(range(spans[0].start, spans[0].end)) | set(range(spans[1].start, spans[1].end))

        def edge(t, arrow: str) -> str | None:
            if t.dep_ == "pobj":  # fold "prep> pobj>" into "prep:of>"
                return None
            label = f"prep:{t.lower_}" if t.dep_ in ("prep", "agent") else t.dep_
            return f"<{label}" if arrow == "up" else f"{label}>"

        ups = [e for e in (edge(t, "up") for t in left) if e]
        downs = [e for e in (edge(t, "down") for t in reversed(right)) if e]
        middle = [] if common is a or common is b else [f"[{common.pos_}]"]
        edges = len(ups) + len(downs)
        words = [t.lemma_.lower() for t in [*left, common, *right] if t.i not in inside and t.pos_ in ("NOUN", "VERB", "ADJ", "ADP", "AUX")]
        if edges > 5:
            pattern = f"long path ({edges} edges)"
        else:
            pattern = " ".join(["S", *ups, *middle, *downs, "O"])
        out[(doc_id, head, tail)] = (pattern, " ".join(words[:3]))
    return out


def analyse_errors(sentences: list[Sentence], gold: dict, triples: list[GoldTriple], report: dict, graph_path: Path) -> dict:
    from rdflib import RDF, RDFS, Graph, URIRef
    from rdflib.namespace import SKOS

    from kg.vocab import KG

    by_doc = {s.doc_id: s for s in sentences}
    missing_entities = {normalize_label(x) for x in report["missing_entities"]}
    by_key = {(normalize_label(t.s), t.p, normalize_label(t.o)): t for t in triples}

    causes: Counter = Counter()
    patterns: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    no_rel: list[tuple[GoldTriple, str, str]] = []
    for s, p, o in report["missed"]:
        t = by_key.get((normalize_label(s), p, normalize_label(o)))
        if t is None:
            continue
        sm, om = normalize_label(s) in missing_entities, normalize_label(o) in missing_entities
        cause = "both entities missing" if sm and om else "subject entity missing" if sm else "object entity missing" if om else "entities found, no relation"
        causes[(p, cause)] += 1
        if cause == "entities found, no relation":
            no_rel.append((t, s, o))
    paths = dep_paths(sentences, [(t.doc_id, t.head, t.tail) for t, _, _ in no_rel])
    for t, s, o in no_rel:
        pattern, trigger = paths[(t.doc_id, t.head, t.tail)]
        patterns[(t.p, pattern)].append((trigger, f"[{s} -> {o}] {by_doc[t.doc_id].text}"))

    graph = Graph()
    graph.parse(graph_path, format="turtle")
    gold_label = {}
    for e in gold["entities"]:
        for n in [e["label"], *e.get("aliases", [])]:
            gold_label.setdefault(normalize_label(n), e["label"])
    gold_names = set(gold_label)
    label = {n: str(l) for n, l in graph.subject_objects(RDFS.label) if isinstance(n, URIRef)}

    def ident(node) -> str:
        """The name `kg evaluate` reports for a node: its gold label, else its IRI."""
        for l in [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.altLabel)]:
            if normalize_label(str(l)) in gold_label:
                return gold_label[normalize_label(str(l))]
        return str(node)

    evidence: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = graph.value(stmt, RDF.subject), graph.value(stmt, RDF.predicate), graph.value(stmt, RDF.object)
        item = (str(graph.value(stmt, KG.rule)), str(graph.value(stmt, KG.sentence)))
        evidence[(ident(s), str(p).rsplit("#", 1)[-1], ident(o))].append(item)
    wrong_kinds: Counter = Counter()
    wrong_rules: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, p, o, _why in report["wrong"]:
        sg, og = normalize_label(s) in gold_names, normalize_label(o) in gold_names
        kind = "both ends are gold entities" if sg and og else "an end is not a gold entity"
        reversed_hit = (normalize_label(o), p, normalize_label(s)) in by_key
        if reversed_hit:
            kind = "direction reversed"
        wrong_kinds[(p, kind)] += 1
        found = evidence.get((s, p, o)) or [("?", "")]
        rule, sentence = found[0]
        s_label, o_label = (label.get(URIRef(x), x) if x.startswith("http") else x for x in (s, o))
        wrong_rules[(p, rule)].append(f"[{s_label} {p} {o_label}] ({kind}) {sentence}")
    top_missed = sorted(patterns.items(), key=lambda kv: -len(kv[1]))[:10]
    top_wrong = sorted(wrong_rules.items(), key=lambda kv: -len(kv[1]))[:10]
    return {
        "missed_causes": {f"{p}: {c}": n for (p, c), n in causes.most_common()},
        "missed_patterns": [
            {"relation": p, "pattern": pat, "count": len(ex), "triggers": Counter(t for t, _ in ex if t).most_common(5), "examples": [e for _, e in ex[:2]]}
            for (p, pat), ex in top_missed
        ],
        "wrong_kinds": {f"{p}: {k}": n for (p, k), n in wrong_kinds.most_common()},
        "wrong_rules": [{"relation": p, "rule": r, "count": len(ex), "examples": ex[:2]} for (p, r), ex in top_wrong],
    }


def print_result(r: dict) -> None:
    rel, ent = r["relations"], r["entities"]
    print(f"== {r['benchmark']} {r['split']}: {r['sentences']} sentences, {r['gold_triples']} gold triples, {r['gold_entities']} gold entities  ({r['build_seconds']} s)")
    print(f"   relations P {rel['precision']:.3f}  R {rel['recall']:.3f}  F1 {rel['f1']:.3f}   ({r['correct_triples']}/{r['system_triples']} correct, {r['found_required']}/{r['gold_triples']} found)")
    print(f"   entities  P {ent['precision']:.3f}  R {ent['recall']:.3f}  F1 {ent['f1']:.3f}   duplicates {r['duplicates']}")
    for p, v in r["per_relation"].items():
        print(f"     {p:<10} found {v['found']}/{v['gold']}  wrong {v['wrong']}")
    print("   entity recall by type: " + ", ".join(f"{t} {v}" for t, v in r["entity_recall_by_type"].items()))
    a = r.get("analysis")
    if not a:
        return
    print("   missed, by cause:")
    for k, n in a["missed_causes"].items():
        print(f"     {n:4d}  {k}")
    print("   top missed patterns (entities found, no relation; dependency path S..O; <dep = up, dep> = down):")
    for m in a["missed_patterns"]:
        trig = ", ".join(f"{t} {n}" for t, n in m["triggers"])
        print(f"     {m['count']:4d}  {m['relation']:<9} {m['pattern']}   (top token: {trig})")
        for ex in m["examples"]:
            print(f"             e.g. {ex[:220]}")
    print("   wrong triples, by kind:")
    for k, n in a["wrong_kinds"].items():
        print(f"     {n:4d}  {k}")
    print("   wrong triples, by rule:")
    for w in a["wrong_rules"]:
        print(f"     {w['count']:4d}  {w['relation']:<9} {w['rule']}")
        for ex in w["examples"]:
            print(f"             e.g. {ex[:220]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("benchmark", choices=[*SPLITS, "all"])
    ap.add_argument("split", nargs="?", default="dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="working folder (corpus, gold, graph, report)")
    ap.add_argument("--strict-labels", action="store_true", help="no formatting aliases in the gold")
    ap.add_argument("--analyse", action="store_true", help="group missed and wrong triples into patterns")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if args.benchmark == "all":
        jobs = ALL
    else:
        if args.split not in SPLITS[args.benchmark]:
            ap.error(f"{args.benchmark} has splits {', '.join(SPLITS[args.benchmark])}")
        jobs = [(args.benchmark, args.split)]
    results = [run(b, s, limit=args.limit, out=args.out, strict=args.strict_labels, analyse=args.analyse) for b, s in jobs]
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        for r in results:
            print_result(r)
        if len(results) > 1:
            print("\n| benchmark | split | sentences | gold triples | rel P | rel R | rel F1 | ent P | ent R | ent F1 |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            for r in results:
                rel, ent = r["relations"], r["entities"]
                print(f"| {r['benchmark']} | {r['split']} | {r['sentences']} | {r['gold_triples']} | {rel['precision']:.3f} | {rel['recall']:.3f} | {rel['f1']:.3f} | {ent['precision']:.3f} | {ent['recall']:.3f} | {ent['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
