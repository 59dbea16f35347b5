"""Fit the weights of digests.split.score on composed pages that have an answer key.

Usage: python bench/split_fit.py [--l2 1.0] DIR...   (page folders: page.txt + gold.json)

Every headline block that the splitter weighs (not the first of a page, not after the last
text, not on theory pages) becomes one example: its features (split_score.block_features,
with the article so far as the answer key builds it) and whether the key starts an article
there. A logistic regression (L2, plain gradient descent: no dependencies, deterministic)
gives the weights, printed as the table of digests/split/weights.py (the defaults every
caller uses). Reading the evaluation data is all this does; nothing is copied.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import re
import sys
import unicodedata
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import digests.split.page as sp
from digests.loader import load_lexicon
from digests.split.article import Draft
from digests.split.blocks import Block, Token, group_blocks
from digests.split.lexicon import Lexicon
from digests.split.lines import classify, page_lines
from digests.split.score import block_features, score


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def starts(lines: list[str], gold: dict[str, list[dict[str, str]]]) -> set[int]:
    """Indices of the lines that open a gold article (its first headline line)."""
    keyed = [norm(x) for x in lines]
    out: set[int] = set()
    pos = 0
    for art in gold["articles"]:
        heads = [norm(art.get(k)) for k in ("kicker", "title", "subtitle")]
        heads = [h for h in heads if h]
        first = norm(art.get("body_first30"))[:12]
        j, found = pos, []
        for h in heads:
            k = j
            while k < len(keyed) and keyed[k] != h and k - j < 400:
                k += 1
            if k < len(keyed) and keyed[k] == h:
                found.append(k)
                j = k + 1
        if not first:
            pos = found[-1] + 1 if found else pos
            continue
        k = j
        while k < len(keyed) and not (keyed[k] and "".join(keyed[k : k + 6]).startswith(first)):
            k += 1
        if k >= len(keyed):
            continue
        out.add(found[0] if found else k)
        pos = k + 1
    return out


def examples(page_dir: Path, lex: Lexicon, own: bool = False) -> list[tuple[dict[str, float], int]]:
    """(features, starts-an-article) of every weighed block of one page. The article so far
    is the answer key's (own=False) or, to learn from the states the splitter really
    reaches after its own mistakes, the one its current weights build (own=True)."""
    gold = json.loads((page_dir / "gold.json").read_text(encoding="utf-8"))
    lines = page_lines((page_dir / "page.txt").read_text(encoding="utf-8"))
    classified = classify(lines, lex)
    if len(classified) != len(lines):
        return []
    opening = starts(lines, gold)
    tokens = group_blocks(classified, lex)
    first_line: dict[int, int] = {}
    i = 0
    for t, tok in enumerate(tokens):
        first_line[t] = i
        i += len(tok.lines) if isinstance(tok, Block) else 1
    out: list[tuple[dict[str, float], int]] = []

    def forced(tokens: list[Token], t: int, draft: Draft) -> bool:
        block = tokens[t]
        assert isinstance(block, Block)
        span = range(first_line[t], first_line[t] + len(block.lines))
        label = any(k in opening for k in span)
        features = block_features(tokens, t, draft)
        out.append((features, int(label)))
        return score(features, lex.start_weights) > 0 if own else label

    sp.build_drafts(tokens, lex, fixed=forced)  # type: ignore[arg-type]
    return out


def fit(
    data: list[tuple[dict[str, float], int]], l2: float, rounds: int = 3000
) -> dict[str, float]:
    names = sorted({k for f, _ in data for k in f})
    w = dict.fromkeys([*names, "bias"], 0.0)
    rate = 0.5
    for _ in range(rounds):
        grad = dict.fromkeys(w, 0.0)
        for f, y in data:
            z = w["bias"] + sum(w[k] * v for k, v in f.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad["bias"] += p - y
            for k, v in f.items():
                grad[k] += (p - y) * v
        for k in w:
            reg = l2 * w[k] if k != "bias" else 0.0
            w[k] -= rate * (grad[k] + reg) / len(data)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=3, help="refits on the splitter's own states")
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    base = load_lexicon(Path(__file__).resolve().parents[1] / "config")
    pages: list[Path] = []
    for d in args.dirs:
        pages += [d] if (d / "gold.json").is_file() else sorted(d.iterdir())
    pages = [p for p in pages if (p / "gold.json").is_file()]
    data = [x for p in pages for x in examples(p, base)]
    # With rounds, start from the current weights and refine them; without, fit afresh.
    w = dict(base.start_weights) if args.rounds else fit(data, args.l2)
    for _ in range(args.rounds):
        # The states the splitter reaches with these weights, mistakes and all, join the
        # data: what a block looks like after a missed start is learnt too.
        lex = dataclasses.replace(base, start_weights=MappingProxyType(w))
        data += [x for p in pages for x in examples(p, lex, own=True)]
        w = fit(data, args.l2)
    right = sum((score(f, w) > 0) == bool(y) for f, y in data)
    print(f"# {len(data)} block states, {sum(y for _, y in data)} starts, {right} right")
    for k, v in sorted(w.items()):
        print(f'        "{k}": {v:.3f},')


if __name__ == "__main__":
    main()
