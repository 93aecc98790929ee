"""Synthetic news-like corpora for the performance benchmarks, reproducible from a seed.

Why synthetic: the five seed articles are too few to time, and scaling needs thousands of
articles. Each article is a headline plus paragraphs of real sentences: the seed articles'
own sentences and the CoNLL04 / FIRE benchmark sentences (news and financial filings), drawn
at random until the article has about `words` words. The text is real English, so spaCy and
the rules work as hard as on real news; names recur across articles, as they do in a news
feed (so entity counts grow slower than article counts).

    python bench/corpus.py OUT_DIR --articles 1000 [--words 500] [--seed 0]
    python bench/corpus.py OUT_DIR --seed-copies 10      # the seed corpus, 10 times
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"  # ../shared beside the repo
sys.path.insert(0, str(Path(__file__).resolve().parent))


@lru_cache(maxsize=1)
def sentence_pool() -> tuple[str, ...]:
    """Real sentences: split seed articles plus every available benchmark sentence."""
    from relation_benchmarks import detokenize  # same detokenizer as the quality benchmark

    pool: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"^\s*date\s+\S+\s*", "", path.read_text(encoding="utf-8"))
        for para in text.split("\n"):
            for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para.strip()):
                if len(sent.split()) >= 6:
                    pool.append(sent.strip())
    for name in ("conll04_train", "conll04_dev", "conll04_test", "fire_dev", "fire_test"):
        path = BENCH / f"{name}.json"
        if path.exists():
            for row in json.loads(path.read_text(encoding="utf-8")):
                text, _ = detokenize(row["tokens"])
                if len(row["tokens"]) >= 6:
                    pool.append(text)
    return tuple(pool)


def article(rng: random.Random, words: int) -> str:
    pool = sentence_pool()
    headline = " ".join(rng.choice(pool).split()[:12]).rstrip(".,;: ")
    paras, para, count = [], [], 0
    while count < words:
        sent = rng.choice(pool)
        para.append(sent)
        count += len(sent.split())
        if len(para) >= rng.randint(2, 5):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    return headline + "\n\n" + "\n\n".join(paras) + "\n"


def write_corpus(out: Path, articles: int, *, words: int = 500, seed: int = 0) -> list[Path]:
    """`articles` files out/article_00000.txt ... (the folder is emptied first)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    paths = []
    for i in range(articles):
        path = out / f"article_{i:05d}.txt"
        path.write_text(article(rng, words), encoding="utf-8")
        paths.append(path)
    return paths


def write_seed_copies(out: Path, copies: int) -> list[Path]:
    """The seed corpus repeated `copies` times (distinct file names, identical texts)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = []
    for c in range(copies):
        for src in sorted(SEEDS.glob("*.txt")):
            dst = out / f"copy{c:03d}_{src.name}"
            shutil.copy(src, dst)
            paths.append(dst)
    return paths


def corpus_words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--seed-copies", type=int, default=None)
    args = ap.parse_args()
    paths = write_seed_copies(args.out, args.seed_copies) if args.seed_copies else write_corpus(args.out, args.articles, words=args.words, seed=args.seed)
    print(f"{len(paths)} articles, {corpus_words(paths)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
