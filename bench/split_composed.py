"""Score the splitter on a month of composed pages built from the archive articles.

The dev set has eight composed pages; this builds every page of the archive month the way
those pages were made (each article's kicker, title, subtitle and paragraphs in order on
the e-paper page, blank lines between, NFKC), with an answer key of the same shape, and
scores them with ../shared/eval/score_split.py's own functions, in-process. The composed
text of a date and page that is also in the dev set comes out byte-identical to the dev
page, which this checks. Pages are built in a temporary folder and never kept: the text
is for evaluation only; with --keep DIR they stay, and bench/split_fit.py DIR/x* refits
the weights of digests/split/weights.py on them.

With --style dtrb the same articles are written the way the customer's city daily prints
them (see ``restyle``): its own reports open on "本报讯(记者 …)" instead of the national
daily's "本报某地某日电 (记者…)", and its signed features carry a "□ 本报记者 …" line under
the headline; the answer key then names those bylines, so the byline count is scored too.

Prints F1 over all pages, over the odd and the even days (the default weights were fitted
on the odd days) and over the page numbers of the dev set.
Run: .venv/bin/python bench/split_composed.py [--keep DIR] [--errors] [--style dtrb]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import importlib.util
import json
import re
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from digests.loader import split_options  # noqa: E402
from digests.model import Page  # noqa: E402
from digests.split import SplitOptions, split_text  # noqa: E402

SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "data" / "archive" / "rmrb-2019-02.jsonl.gz"
SCORER = SHARED / "eval" / "score_split.py"
DEV_PAGES = SHARED / "data" / "pages"
DEV_NUMBERS = {1, 3, 4, 5, 17, 20}  # the page numbers of the dev set's composed pages
_TAG = re.compile(r"^(.+?)（([^（）]*)）$")
# The national daily's own dateline with its reporters: "本报北京2月14日电  （记者甲、乙）".
_OWN_DATELINE = re.compile(r"^本报\S{1,10}?\d{1,2}月\d{1,2}日电\s*（记者([^（）]{1,40})）\s*")
SIGNED_FEATURE = 800  # characters: a report this long without a dateline carries a byline
STYLES = ("rmrb", "dtrb")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def compose(articles: list[dict[str, Any]]) -> str:
    """The page text of one e-paper page's articles, as the dev set's composed pages."""
    lines: list[str] = []
    for art in sorted(articles, key=lambda a: a["seq"]):
        lines += [art[k] for k in ("kicker", "title", "subtitle") if art[k].strip()]
        lines += art.get("byline_lines", [])
        lines += art["paragraphs"]
    return nfkc("\n\n".join(lines)) + "\n"


def reporters(articles: Iterable[dict[str, Any]]) -> list[str]:
    """Every reporter named in the month's own datelines, in order of first appearance:
    the names a restyled feature is signed with (real names of this paper's staff, so the
    splitter meets names it was not written for)."""
    seen: dict[str, None] = {}
    for art in articles:
        m = _OWN_DATELINE.match(art["paragraphs"][0]) if art["paragraphs"] else None
        for name in re.split(r"[、，,\s]+", m.group(1)) if m else ():
            if 2 <= len(name) <= 4:
                seen.setdefault(name, None)
    return list(seen)


def restyle(art: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The article as the city daily prints it: "本报讯(记者 甲 乙)" opens its own reports,
    and a long report with no dateline gets "□ 本报记者 甲" under its headline (one or two
    names picked by a hash of the article id, so every build is the same)."""
    paras = list(art["paragraphs"])
    m = _OWN_DATELINE.match(paras[0]) if paras else None
    if m:
        who = " ".join(re.split(r"[、，,]", m.group(1).strip()))
        paras[0] = f"本报讯（记者 {who}）" + paras[0][m.end() :]
        return {**art, "paragraphs": paras, "byline": f"记者 {who}"}
    body = "".join(paras)
    if len(body) < SIGNED_FEATURE or _TAG.match(art["title"]) or not names:
        return art
    if body.startswith(("新华社", "本报", "■", "□")) or any(
        x.startswith(("本报记者", "记者")) for x in paras[:3]
    ):
        return art  # an agency story, or one that prints its byline already
    h = zlib.crc32(art["id"].encode())
    who = " ".join(dict.fromkeys(names[(h >> k) % len(names)] for k in (0, 8)[: 1 + h % 2]))
    return {**art, "byline_lines": [f"□ 本报记者 {who}"], "byline": f"本报记者 {who}"}


def answer_key(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """gold.json of the page: the fields score_split.py reads."""
    out = []
    for art in sorted(articles, key=lambda a: a["seq"]):
        body = "".join(art["paragraphs"])
        m = _TAG.match(art["title"])
        out.append(
            {
                "kicker": art["kicker"],
                "title": art["title"],
                "title_core": m.group(1) if m else art["title"],
                "subtitle": art["subtitle"],
                "byline": art.get("byline", ""),
                "body_first30": body[:30],
                "body_last30": body[-30:],
            }
        )
    return {"articles": out}


def build(folder: Path, style: str = "rmrb") -> list[Path]:
    """Write page.txt and gold.json of every page of the archive month under ``folder``,
    in the national daily's own style or restyled as the city daily prints (``restyle``)."""
    pages: dict[tuple[str, int], list[dict[str, Any]]] = collections.defaultdict(list)
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        month = [json.loads(line) for line in fh]
    names = reporters(month) if style == "dtrb" else []
    for art in month:
        pages[(art["date"], art["page"])].append(restyle(art, names) if names else art)
    out = []
    for (date, number), arts in sorted(pages.items()):
        page = folder / f"x{date.replace('-', '')}_p{number:02d}"
        page.mkdir(parents=True, exist_ok=True)
        (page / "page.txt").write_text(compose(arts), encoding="utf-8")
        (page / "gold.json").write_text(json.dumps(answer_key(arts)), encoding="utf-8")
        out.append(page)
    return out


def check_against_dev(pages: Iterable[Path]) -> int:
    """How many built pages are byte-identical to the dev page of the same date and number
    (the check that the pages are built as the dev set's were)."""
    same = 0
    for page in pages:
        dev = DEV_PAGES / f"rmrb_{page.name[1:]}_composed" / "page.txt"
        if dev.is_file():
            if dev.read_bytes() != (page / "page.txt").read_bytes():
                raise SystemExit(f"{page.name} differs from {dev}: the builder is out of date")
            same += 1
    return same


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_split", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_items(text: str, options: SplitOptions) -> list[dict[str, Any]]:
    """The page's items as the JSON contract gives them, with the fields the scorer reads."""
    return items_of(split_text(text, options))


def items_of(pages: Iterable[Page]) -> list[dict[str, Any]]:
    """The pages' items with the fields the scorer reads, as the JSON contract gives them."""
    return [
        {
            "kind": a.kind,
            "kicker": a.kicker,
            "title": a.title,
            "subtitle": a.subtitle,
            "column": a.column,
            "byline": a.byline,
            "paragraphs": list(a.paragraphs),
        }
        for p in pages
        for a in p.articles
    ]


PAPERS = {"rmrb": "", "dtrb": "大同日报"}  # the profile each style is split with


def score(
    pages: list[Path], scorer: ModuleType, errors: bool, paper: str = ""
) -> dict[str, dict[str, int]]:
    """Counts (gold, pred, tp) per page, splitting each page in-process."""
    options = split_options(REPO / "config", paper)
    counts = {}
    for page in pages:
        _gold, scored, _skipped = scorer.load_gold(str(page))
        text = (page / "page.txt").read_text(encoding="utf-8")
        counts[page.name] = scorer.score_page(scored, split_items(text, options))
        c = counts[page.name]
        if errors and c["tp"] < max(c["gold"], c["pred"]):
            print(f"{page.name}: gold {c['gold']} predicted {c['pred']} right {c['tp']}")
    return counts


def f1(counts: dict[str, dict[str, int]], keep: Callable[[str], bool]) -> str:
    tot = collections.Counter()
    for name, c in counts.items():
        if keep(name):
            tot.update({k: c[k] for k in ("gold", "pred", "tp")})
    p = tot["tp"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["tp"] / tot["gold"] if tot["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    pages = sum(1 for n in counts if keep(n))
    return f"F1 {f:.4f} (P {p:.4f} R {r:.4f}) on {pages} pages, {tot['gold']} articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", type=Path, help="build the pages here and leave them")
    ap.add_argument("--errors", action="store_true", help="list the pages with mistakes")
    ap.add_argument("--style", choices=STYLES, default="rmrb", help="whose conventions")
    args = ap.parse_args()
    if not (ARCHIVE.is_file() and SCORER.is_file()):
        raise SystemExit(f"needs {ARCHIVE} and {SCORER}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        pages = build(folder, args.style)
        same = check_against_dev(pages) if args.style == "rmrb" else 0
        counts = score(pages, load_scorer(), args.errors, PAPERS[args.style])
    print(f"built {len(pages)} pages ({same} byte-identical to their dev pages)")
    print("odd days:   " + f1(counts, lambda n: int(n[7:9]) % 2 == 1))
    print("even days:  " + f1(counts, lambda n: int(n[7:9]) % 2 == 0))
    print("dev pages:  " + f1(counts, lambda n: int(n[-2:]) in DEV_NUMBERS))
    print("composed stand-in " + f1(counts, lambda n: True))


if __name__ == "__main__":
    main()
