"""Validate the splitter by date: F1 per page type on fitted days and on unseen days.

One command for the figure a splitter change lands on (issue 13). It builds every page of
the archive month as composed pages, the way bench/split_composed.py does, and splits the
month by date: days 1-14 are FITTED (rules, lists, thresholds and weights may be read off
their errors; bench/split_fit.py and split_tune.py fit on them) and days 15-28 are UNSEEN
(only their totals are ever printed; nobody reads their errors). The four dev pages of day
15 are left out of both halves. Caveat: earlier sessions wrote rules off errors of the
whole month, so the unseen half is unseen only from this bench on; no other month of
composed pages exists in ../shared.

Page types are read from the page number and the size of the day's issue (人民日报 2019:
20 pages on weekdays, 8 on holidays and weekends): front (1), news (2-4), commentary (5),
theory (9), world (16-17), supplement (the last page), inner (the rest).

It also splits the dev pages (../shared/data/pages) in-process as a check, per tier.
With --style dtrb the pages are written with the customer's city-daily conventions
(bench/split_composed.py restyle: "本报讯(记者 …)" leads, "□ 本报记者 …" lines) and split
with its profile; the lines then also count bylines found.
With --no-profile the newspaper profiles (config/papers/*.toml: column labels, collection
labels and the rest, enumerated from this month and the dev pages) are left out, leaving
only the built-in defaults: how much of the figure rests on vocabulary already seen, which
pages of another month would not have.
Run: .venv/bin/python bench/split_validate.py [--errors] [--brief] [--style dtrb] [--no-profile]
--errors lists the FITTED days' pages with mistakes, gold titles missed and items made.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from split_composed import (  # noqa: E402
    DEV_PAGES,
    PAPERS,
    STYLES,
    build,
    check_against_dev,
    load_scorer,
    split_items,
)

from digests.loader import split_options  # noqa: E402
from digests.split import SplitOptions  # noqa: E402
from digests.split.lexicon import Lexicon  # noqa: E402

FIT_DAYS = range(1, 15)
UNSEEN_DAYS = range(15, 29)
WEEKDAY_ISSUE = 12  # pages: a day's issue this long is a full weekday issue
KEYS = ("gold", "pred", "tp", "btp", "byl_n", "byl_ok")


def page_type(number: int, issue_pages: int) -> str:
    """The kind of page a number stands for in the national daily's issues of 2019."""
    if number == 1:
        return "front"
    if number <= 4:
        return "news"
    if number == issue_pages:
        return "supplement"
    if issue_pages >= WEEKDAY_ISSUE:
        if number == 5:
            return "commentary"
        if number == 9:
            return "theory"
        if number in (16, 17):
            return "world"
    return "inner"


def half(name: str) -> str:
    """ "fit", "unseen" or "dev" for a built page named x20190215_p01."""
    dev = DEV_PAGES / f"rmrb_{name[1:]}_composed"
    if dev.is_dir():
        return "dev"
    day = int(name[7:9])
    return "fit" if day in FIT_DAYS else "unseen"


def issue_sizes(pages: Iterable[Path]) -> dict[str, int]:
    sizes: collections.Counter[str] = collections.Counter(p.name[1:9] for p in pages)
    return dict(sizes)


def prf(c: dict[str, int]) -> tuple[float, float, float]:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line(label: str, c: dict[str, int]) -> str:
    p, r, f = prf(c)
    byl = f"  bylines {c['byl_ok']}/{c['byl_n']}" if c["byl_n"] else ""
    return (
        f"{label:<22} F1 {f:.4f} (P {p:.4f} R {r:.4f}) "
        f"{c['pages']:>4} pages {c['gold']:>5} articles{byl}"
    )


def show_errors(page: Path, scored: list[dict[str, Any]], items: list[dict[str, Any]]) -> None:
    """What a fitted page got wrong: gold headlines not matched, and every item made."""
    print(f"--- {page.name}")
    gold = (page / "gold.json").read_text(encoding="utf-8")
    for g in json.loads(gold)["articles"]:
        print(f"  gold: {g['kicker']} | {g['title']} | {g['subtitle']}")
    for it in items:
        body = "".join(it["paragraphs"])[:30]
        print(f"  made: {it['kind']} {it['kicker']} | {it['title']} | {it['subtitle']} :: {body}")


def score_built(
    pages: list[Path], scorer: ModuleType, options: SplitOptions, errors: bool
) -> dict[tuple[str, str], dict[str, int]]:
    """Counts per (half, page type), and per (half, "all")."""
    sizes = issue_sizes(pages)
    tot: dict[tuple[str, str], dict[str, int]] = collections.defaultdict(
        lambda: dict.fromkeys((*KEYS, "pages"), 0)
    )
    for page in pages:
        which = half(page.name)
        kind = page_type(int(page.name[-2:]), sizes[page.name[1:9]])
        _gold, scored, _skipped = scorer.load_gold(str(page))
        items = split_items((page / "page.txt").read_text(encoding="utf-8"), options)
        c = scorer.score_page(scored, items)
        for key in ((which, kind), (which, "all")):
            for k in KEYS:
                tot[key][k] += c[k]
            tot[key]["pages"] += 1
        if errors and which == "fit" and c["tp"] < max(c["gold"], c["pred"]):
            show_errors(page, scored, items)
    return tot


def score_dev(scorer: ModuleType, options: SplitOptions) -> dict[str, dict[str, int]]:
    """Counts per tier of the dev pages, split in-process from their page.txt."""
    tot: dict[str, dict[str, int]] = collections.defaultdict(
        lambda: dict.fromkeys((*KEYS, "pages"), 0)
    )
    for folder in scorer.find_pages([str(DEV_PAGES)]):
        gold, scored, _skipped = scorer.load_gold(folder)
        tier = scorer.tier_of(folder, gold)
        text = (Path(folder) / "page.txt").read_text(encoding="utf-8")
        c = scorer.score_page(scored, split_items(text, options))
        for key in (tier, "all"):
            for k in KEYS:
                tot[key][k] += c[k]
            tot[key]["pages"] += 1
    return tot


TYPES = ("front", "news", "commentary", "theory", "world", "supplement", "inner", "all")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list mistakes on FITTED days")
    ap.add_argument("--brief", action="store_true", help="only the two headline figures")
    ap.add_argument("--style", choices=STYLES, default="rmrb", help="whose conventions")
    ap.add_argument("--no-profile", action="store_true", help="without config/papers/")
    args = ap.parse_args()
    scorer = load_scorer()
    options = split_options(REPO / "config", PAPERS[args.style])
    if args.no_profile:
        options = dataclasses.replace(options, lexicon=Lexicon())
    with tempfile.TemporaryDirectory() as tmp:
        pages = build(Path(tmp), args.style)
        same = check_against_dev(pages) if args.style == "rmrb" else 0
        built = score_built(pages, scorer, options, args.errors)
    if args.brief:
        print(line("fitted days  all", built["fit", "all"]))
        print(line("unseen days  all", built["unseen", "all"]))
        return
    print(
        f"composed pages of the archive month in {args.style} style "
        f"({len(pages)}; {same} dev pages left out)"
    )
    for which, days in (("fit", FIT_DAYS), ("unseen", UNSEEN_DAYS)):
        print(f"{which} days {days.start}-{days.stop - 1}:")
        for kind in TYPES:
            if (which, kind) in built:
                print("  " + line(kind, built[which, kind]))
    print("dev pages (a check, not the target; read by earlier sessions):")
    dev = score_dev(scorer, split_options(REPO / "config", ""))
    for tier in sorted(dev):
        print("  " + line(tier, dev[tier]))
    print(line("FITTED composed", built["fit", "all"]))
    print(line("UNSEEN composed", built["unseen", "all"]))


if __name__ == "__main__":
    main()
