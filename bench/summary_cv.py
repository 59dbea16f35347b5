"""Cross-validated summary quality: the sentence model refit on k-1 folds, scored on the k-th.

Run: .venv/bin/python bench/summary_cv.py [--folds 5] [--repeats 2] [--max-chars 150]
         [--lam 1.0] [--redundancy 0.6] [--min-gain 0.04]

In-sample dev figures flatter a model whose weights were fit on dev. This refits the ridge
regression of summary_score (each sentence's character ROUGE-2 F1 against the editors' key
points) on the training folds only, summarises the held-out fold with the real pipeline
(digests.summarizer), and scores it with ../shared/eval/score_summaries.py's own metric.
Folds are fixed shuffles (seed = repeat number), so figures are comparable between runs.
It also prints the weights fit on all of dev, ready for SummaryOptions. Needs ../shared.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.summarizer import SummaryOptions, _headline, _summarize_units  # noqa: E402
from digests.summary_score import FEATURES, sentence_features  # noqa: E402
from digests.summary_text import Unit, split_article  # noqa: E402
from digests.words import Segmenter  # noqa: E402

SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "summaries" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_summaries.py"

Prepared = tuple[list[Unit], list[set[str]], set[str], list[tuple[float, ...]], list[float], str]


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_summaries", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prepare(seg: Segmenter, row: dict[str, str], sc: ModuleType) -> Prepared:
    """Units, word sets, headline words, features and per-sentence targets of one article."""
    units, _ = split_article(row["article"])
    sets = [set(seg.content_words(seg.cut(u.text))) for u in units]
    head = _headline(row.get("title", ""), row.get("kicker", ""), row.get("subtitle", ""))
    headline = set(seg.content_words(seg.cut(head)))
    ref = sc.tokens(row["reference"])
    targets = [sc.rouge_n(sc.tokens(u.text), ref, 2) for u in units]
    return units, sets, headline, sentence_features(units, sets, headline), targets, ref


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and well-posed)."""
    n = len(a)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(data: list[Prepared], lam: float) -> tuple[float, tuple[float, ...]]:
    """Ridge regression of the sentences' targets on their features (bias not penalised)."""
    d = len(FEATURES) + 1
    a = [[0.0] * d for _ in range(d)]
    b = [0.0] * d
    for _units, _sets, _head, feats, targets, _ref in data:
        for f, y in zip(feats, targets, strict=True):
            x = (1.0, *f)
            for i in range(d):
                b[i] += x[i] * y
                row = a[i]
                for j in range(d):
                    row[j] += x[i] * x[j]
    for i in range(1, d):
        a[i][i] += lam
    w = _solve(a, b)
    return w[0], tuple(w[1:])


def _score(data: list[Prepared], options: SummaryOptions, sc: ModuleType) -> list[float]:
    """Mean R-1, R-2, R-L (x100) and mean length of the summaries of ``data``."""
    rows = []
    for units, sets, head, _f, _t, ref in data:
        summary = _summarize_units(units, sets, head, "article", options)
        h = sc.tokens(summary)
        rows.append((sc.rouge_n(h, ref, 1), sc.rouge_n(h, ref, 2), sc.rouge_l(h, ref)))
        rows[-1] += (sc.length(summary),)
    return [100 * statistics.fmean(r[k] for r in rows) for k in range(3)] + [
        statistics.fmean(r[3] for r in rows)
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--max-chars", type=int, default=150)
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--redundancy", type=float, default=SummaryOptions().redundancy)
    ap.add_argument("--min-gain", type=float, default=SummaryOptions().min_gain)
    args = ap.parse_args()
    if not DEV.exists() or not SCORER.exists():
        print(f"needs {DEV} and {SCORER}", file=sys.stderr)
        return 1
    sc = _scorer()
    seg = Segmenter.load(REPO / "config")
    rows = [json.loads(ln) for ln in DEV.open(encoding="utf-8") if ln.strip()]
    data = [_prepare(seg, r, sc) for r in rows]
    base = replace(
        SummaryOptions(max_chars=args.max_chars),
        redundancy=args.redundancy,
        min_gain=args.min_gain,
    )
    results = []
    for rep in range(args.repeats):
        ids = list(range(len(data)))
        random.Random(rep).shuffle(ids)
        for k in range(args.folds):
            test = set(ids[k :: args.folds])
            bias, weights = fit([d for i, d in enumerate(data) if i not in test], args.lam)
            opts = replace(base, bias=bias, weights=weights)
            r = _score([data[i] for i in sorted(test)], opts, sc)
            results.append(r)
            print(f"repeat {rep} fold {k}: R-1/2/L {r[0]:.2f}/{r[1]:.2f}/{r[2]:.2f}  {r[3]:.1f} ch")
    mean = [statistics.fmean(r[k] for r in results) for k in range(4)]
    sd = statistics.stdev(r[2] for r in results) if len(results) > 1 else 0.0
    print(
        f"CV {args.repeats}x{args.folds}-fold: R-1/2/L {mean[0]:.2f}/{mean[1]:.2f}/{mean[2]:.2f} "
        f"(R-L fold sd {sd:.2f}), mean length {mean[3]:.1f}"
    )
    bias, weights = fit(data, args.lam)
    inside = _score(data, replace(base, bias=bias, weights=weights), sc)
    print(f"in-sample (fit on all dev): R-1/2/L {inside[0]:.2f}/{inside[1]:.2f}/{inside[2]:.2f}")
    print(f"bias {bias:.4f} weights " + ", ".join(f"{w:.4f}" for w in weights))
    return 0


if __name__ == "__main__":
    sys.exit(main())
