"""Adjust the start weights of digests/split/weights.py by coordinate ascent on split F1.

Usage: python bench/split_tune.py --train DIR... [--check DIR...] [--steps 0.5 0.25]

The logistic fit (bench/split_fit.py) learns the weights from block states; the rules
around the weights change what those states look like, so a fit goes stale. This moves
one weight at a time by a step up or down and keeps the move when the F1 of the --train
pages (scored with ../shared/eval/score_split.py, in-process) goes up; --check pages are
only reported, as the test of whether a move generalises. Page folders come from
bench/split_composed.py --keep DIR (the odd days to train, the even days to check).
Prints every kept move and the final table; it writes nothing. Slow: two splits of the
train pages per weight and step.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from split_composed import load_scorer, split_items  # noqa: E402

from digests.loader import split_options  # noqa: E402
from digests.split import SplitOptions  # noqa: E402

Page = tuple[list[dict[str, Any]], str]


def load_pages(dirs: list[Path], scorer: Any) -> list[Page]:
    pages: list[Path] = []
    for d in dirs:
        pages += [d] if (d / "gold.json").is_file() else sorted(d.iterdir())
    out = []
    for page in pages:
        if (page / "gold.json").is_file():
            _gold, scored, _skipped = scorer.load_gold(str(page))
            out.append((scored, (page / "page.txt").read_text(encoding="utf-8")))
    return out


def f1(pages: list[Page], options: SplitOptions, scorer: Any) -> float:
    tot: collections.Counter[str] = collections.Counter()
    for scored, text in pages:
        c = scorer.score_page(scored, split_items(text, options))
        tot.update({k: c[k] for k in ("gold", "pred", "tp")})
    p = tot["tp"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["tp"] / tot["gold"] if tot["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def with_weights(base: SplitOptions, weights: dict[str, float]) -> SplitOptions:
    lexicon = dataclasses.replace(base.lexicon, start_weights=MappingProxyType(weights))
    return dataclasses.replace(base, lexicon=lexicon)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", nargs="+", type=Path, required=True)
    ap.add_argument("--check", nargs="*", type=Path, default=[])
    ap.add_argument("--steps", nargs="+", type=float, default=[0.5, 0.25])
    args = ap.parse_args()
    scorer = load_scorer()
    base = split_options(REPO / "config", "")
    train, check = load_pages(args.train, scorer), load_pages(args.check, scorer)
    weights = dict(base.lexicon.start_weights)

    def report(label: str) -> float:
        options = with_weights(base, weights)
        score = f1(train, options, scorer)
        shown = f"train F1 {score:.4f}"
        if check:
            shown += f"  check F1 {f1(check, options, scorer):.4f}"
        print(f"{label:32} {shown}", flush=True)
        return score

    best = report("start")
    for step in args.steps:
        moved = True
        while moved:
            moved = False
            for name in sorted(weights):
                for sign in (1, -1):
                    trial = dict(weights, **{name: round(weights[name] + sign * step, 3)})
                    score = f1(train, with_weights(base, trial), scorer)
                    if score > best + 1e-9:
                        weights, moved = trial, True
                        best = report(f"{name} -> {weights[name]:.3f}")
                        break
    for name, value in sorted(weights.items()):
        print(f'        "{name}": {value:.3f},')


if __name__ == "__main__":
    main()
