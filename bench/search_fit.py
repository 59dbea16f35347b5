"""Choose the search weights by cross-validation on the fit days (odd days of the month).

    .venv/bin/python bench/search_fit.py --dir DIR [--queries 2000]

DIR is a data directory bench/search_eval.py built (it builds one when missing). The
candidates of every query are fetched once through the real ``Archive``; each setting of
the grid then re-ranks them (BM25F for keyword and mixed queries together, the headline
tie-breakers for headline queries). The fit days are cut into three folds by date: each
fold is scored with the setting that was best on the other two (the cross-validated
figure), and the setting best on all fit days is printed for digests/archive/search.py.
Held-out days are never looked at here; bench/search_eval.py reports them.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import search_corpus as corpus  # noqa: E402
import search_eval  # noqa: E402

from digests.archive import open_archive  # noqa: E402
from digests.archive.headmatch import HeadlineWeights  # noqa: E402
from digests.archive.index import FORMAT, Filters  # noqa: E402
from digests.archive.query import compact  # noqa: E402
from digests.archive.rank import Bm25f, bm25f  # noqa: E402
from digests.archive.search import HEADLINE, KEYWORD  # noqa: E402
from digests.archive.syntax import parse_query  # noqa: E402
from digests.words import Segmenter  # noqa: E402

FOLDS = 3
KEYWORD_GRID = {
    "k1": (4.0, 8.0, 12.0),
    "head": (3.0, 6.0, 8.0),
    "head_alone": (0.1, 0.3),
    "crowded": (0.0, 1.0, 1.5),
    "b_head": (0.0, 0.3),
    "b_body": (0.6, 0.75),
}
HEADLINE_GRID = {
    "cover": (0.0, 0.2, 0.4),
    "title": (0.0, 0.2),
    "grams": (0.0, 0.05),
    "omitted": (0.0, 0.3, 0.5),
    "low": (0.45, 0.5, 0.55),
    "high": (0.75, 0.8, 0.9),
    "outside": (0.0, 2.0, 3.0),
}


def settings(base: Any, grid: dict[str, tuple[float, ...]]) -> list[Any]:
    keys = list(grid)
    return [
        replace(base, **dict(zip(keys, v, strict=True))) for v in itertools.product(*grid.values())
    ]


def rank(scored: Sequence[tuple[float, str, str]], target: str) -> int | None:
    """The target's rank in the JSON output: texts best first, each text's printings
    together, earliest first (ids sort by date, page and position); equal scores in the
    archive's order (by the text's hash: neither real articles nor distractors first)."""
    scored = sorted(scored, key=lambda t: (-round(t[0], 6), t[2] or t[1]))
    groups: dict[str, list[str]] = {}
    for _s, i, dup in scored:
        groups.setdefault(dup or i, []).append(i)
    ids = [i for members in groups.values() for i in sorted(members)][:10]
    return ids.index(target) + 1 if target in ids else None


def cross_validate(
    items: Sequence[tuple[corpus.Query, Any]],
    grid: Sequence[Any],
    score: Callable[[Any, Any], list[tuple[float, str, str]]],
    metrics: Any,
) -> tuple[Any, float, float]:
    """(setting best on all, its fit MRR, the cross-validated MRR)."""
    table = [[rank(score(cand, w), q.target_id) for q, cand in items] for w in grid]
    folds = [(q.day // 2) % FOLDS for q, _ in items]

    def mrr(row: list[int | None], skip: int) -> float:
        return float(metrics([r for r, fo in zip(row, folds, strict=True) if fo != skip])[0])

    cv: list[int | None] = []
    for k in range(FOLDS):
        best = max(range(len(grid)), key=lambda g: mrr(table[g], k))
        cv += [r for r, fo in zip(table[best], folds, strict=True) if fo == k]
    best = max(range(len(grid)), key=lambda g: mrr(table[g], -1))
    return grid[best], mrr(table[best], -1), float(metrics(cv)[0])


def candidates(archive: Any, fit: list[corpus.Query], seg: Segmenter, cache: Path) -> tuple:
    """Every fit query's candidates, fetched once (and kept beside the data while the
    index, the query set and the candidate counts stay the same)."""
    key = (FORMAT, archive.index.head_repeat, KEYWORD.candidates, HEADLINE.candidates, fit)
    if cache.exists():
        with cache.open("rb") as f:
            got = pickle.load(f)
        if got[0] == key:
            return got[1], got[2]
    f = Filters()
    kw: list[tuple[corpus.Query, Any]] = []
    hl: list[tuple[corpus.Query, Any]] = []
    for q in fit:
        if q.kind in ("keyword", "mixed"):
            parsed = parse_query(q.query, seg.cut, archive.index.known)
            cand = archive.articles.keyword_candidates(parsed, f, 20, True)
            if not cand[1]:
                cand = archive.articles.keyword_candidates(parsed, f, 20, False)
            kw.append((q, cand))
        elif q.kind == "headline":
            hl.append((q, archive.articles.headline_candidates(compact(q.query), f)))
    with cache.open("wb") as out:
        pickle.dump((key, kw, hl), out)
    return kw, hl


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=2000, help="per kind (as search_eval)")
    ap.add_argument("--distractors", type=int, default=8211)
    ap.add_argument("--rare", type=int, default=corpus.RARE, help=search_eval.RARE_HELP)
    ap.add_argument("--only", choices=("keyword+mixed", "headline"), help="fit one part")
    args = ap.parse_args()
    seg = Segmenter.load(REPO / "config")
    search_eval.build(args.dir, seg, args.distractors, args.rare)
    archive = open_archive("", args.dir / "archive.sqlite3", config_dir=REPO / "config")
    gen = search_eval.generated(archive, seg, args.queries)
    fit = [q for q in gen if q.day % 2 == 1]
    metrics = search_eval.scorer().metrics
    kw, hl = candidates(archive, fit, seg, args.dir / "fit-candidates.pickle")

    def kw_score(cand: Any, w: Bm25f) -> list[tuple[float, str, str]]:
        terms, found, words = cand
        return [(bm25f(words[t[0]], terms, w), t[0], t[3]) for t in found]

    def hl_score(cand: Any, w: HeadlineWeights) -> list[tuple[float, str, str]]:
        return [(m.score(w), t[0], t[3]) for m, t in cand]

    print(f"fit queries: {len(kw)} keyword and mixed, {len(hl)} headline")
    for name, items, grid, score, now in (
        ("keyword+mixed", kw, settings(KEYWORD, KEYWORD_GRID), kw_score, KEYWORD),
        ("headline", hl, settings(HEADLINE, HEADLINE_GRID), hl_score, HEADLINE),
    ):
        if args.only not in (None, name):
            continue
        best, fitted, cv = cross_validate(items, grid, score, metrics)
        cur = cross_validate(items, [now], score, metrics)[1]
        print(f"{name}: current MRR@10 {cur:.4f}; best {fitted:.4f}, cross-validated {cv:.4f}")
        print(f"  best: {best}")
        if name == "keyword+mixed":
            for kind in ("keyword", "mixed"):
                sub = [(q, c) for q, c in items if q.kind == kind]
                print(f"  {kind}: {cross_validate(sub, [best], score, metrics)[1]:.4f}")
    archive.close()


if __name__ == "__main__":
    main()
