"""Score the splitter on synthetic theory pages: page PDFs laid out from archive essays.

The dev set has eight real theory pages and the splitter is saturated on them. This lays
out many more with reportlab (bench/synth_layout.py) from the long essays and commentary
of the archive month: two to five essays a page in five to seven columns, headlines over
some or all of an essay's columns, glyphs printed twice for bold, authors under, beside or
above the title or in the text, invented author notes ("（作者为某大学教授）"), photos with
captions and credits, chart boxes with "数据来源"/"制图", framed sidebars, vertical
titles, a page header, banners and an editors' line. Each page gets

* page.pdf,
* page.txt derived from it exactly as ../shared/README.md says the real_pdf pages were:
  pdfminer.six's layout analysis (``LAParams(detect_vertical=True)``), NFKC, the lines of
  one text block joined, the justification spaces between Chinese characters removed, a
  line indented by 1.5 em or more starting a paragraph; nothing reordered. (On the eight
  dev PDFs this gives their page.txt byte for byte: ``--check-dev``.)
* gold.json in the dev pages' shape.

Pages are FIT or UNSEEN by the archive date of their essays (odd days fit, even days
unseen): look at errors on FIT pages only, report both. Pages are built in a temporary
folder and never kept unless ``--keep DIR``; ``--from DIR`` scores pages built before.
Seeds are fixed: the same command builds the same pages.

Run: .venv/bin/python bench/synth_theory.py [--pages 30] [--route text|pdf|both]
     [--keep DIR | --from DIR] [--errors] [--check-dev] [--scatter] [--like-real]

``--scatter`` compares how scattered the text order is with the real dev PDFs': the
share of essays read in order (the title, its first paragraph within a few blocks, its
last paragraph later, no other essay's title between). The eight real theory pages give
16 of 28 essays in order; the synthetic pages about 3 in 10 (they are harder than real
pages: read their F1 as a floor). ``--like-real`` scores only a sample of the pages as
scattered as the real ones (0.57 in order), kept by a fixed rule in page order; build
more pages (``--pages 100``) for it, since it keeps about four in ten.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import gzip
import json
import random
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from split_composed import ARCHIVE, SCORER, items_of, load_scorer  # noqa: E402
from synth_layout import Essay, Furniture, Placed, compose_page  # noqa: E402

from digests.loader import split_documents, split_options  # noqa: E402


def _words(text: str) -> list[str]:
    return text.split()


DEV_PAGES = REPO.parent / "shared" / "data" / "pages"
_PAGES = {5, 9}  # commentary and theory; essays of other pages when they are signed
_NEWS = re.compile(r"^(?:新华社|本报|■|●|【|当地时间|第一章)")
_TAG = re.compile(r"^(.+?)\s*[（(]([^（）()]{2,16})[）)]$")
_NOTE = re.compile(r"^[（(](?:作者|本文作者|本系列|本文)|^——编")
_FURNITURE = re.compile(r"摄$|制图|数据来源|^图为|^本报记者|版式设计|责编")
_FEATURE = re.compile(r"■|小贴士|核心阅读|【|资料整理|^注[:：]")  # features, not essays
_STOP = re.compile(r"[。；！？;!?]|[：:]$")  # a subhead has no sentence stop
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋"
    "蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫"
    "段雷侯龙史"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍建文辉力永林志红海波宁峰"
    "国春晓东雪梅鹏飞俊斌宏新立成云德清亮振"
)
_PLACES = _words(
    "北京 上海 天津 重庆 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 "
    "江西 山东 河南 湖北 湖南 广东 四川 贵州 云南 陕西 甘肃 青海 "
    "广西 西北 华中 华南 东南 西南 "
)
_SCHOOLS = _words(
    "马克思主义学院 经济学院 法学院 哲学系 历史学院 公共管理学院 "
    "政治与国际关系学院 社会学系 文学院 管理学院 "
)
_INSTITUTES = _words("社会科学院 行政学院 宏观经济研究院 发展研究中心 改革研究院 ")
_ROLES = _words("教授 副教授 研究员 副研究员 院长 副院长 主任 博士生导师 讲师 特聘教授 ")
_SCENES = _words(
    "一处乡村的新貌 新建成的产业园区 群众在文化广场参加活动 志愿者在社区服务 "
    "学生在图书馆阅读 工人在生产线上作业 游客在古镇参观 科研人员在实验室工作 "
)
_TOPICS = _words(
    "研发经费投入 农村居民人均可支配收入 城镇新增就业 货物进出口总额 "
    "高技术产业增加值 居民消费价格 粮食总产量 森林覆盖率 "
)
_SOURCES = _words("国家统计局 教育部 商务部 科技部 农业农村部 国家林业和草原局 ")
_SLOGANS = ["深入学习贯彻新发展理念", "理论前沿", "学术视野", "思想纵横", "治理之道", "学思践悟"]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def load_pool() -> dict[str, list[dict[str, Any]]]:
    """Essays of the month by class ("fit": odd days, "unseen": even days)."""
    pool: dict[str, list[dict[str, Any]]] = {"fit": [], "unseen": []}
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            paras = [p.strip() for p in art["paragraphs"] if p.strip()]
            body = sum(len(p) for p in paras)
            signed = any(_NOTE.match(p) for p in paras[-2:])
            if not (art["page"] in _PAGES or signed) or not 600 <= body <= 4500:
                continue
            if any(_FURNITURE.search(p) or _FEATURE.search(p) for p in paras):
                continue
            if not art["title"].strip():
                continue
            if _NEWS.match(paras[0]) or "讲述人" in "".join(paras):
                continue  # news reports and interviews, not essays
            art["paragraphs"] = paras
            pool["fit" if int(art["date"][-2:]) % 2 else "unseen"].append(art)
    return pool


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _note(rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    org = rng.choice(
        [
            f"{place}大学{rng.choice(_SCHOOLS)}",
            f"{place}师范大学{rng.choice(_SCHOOLS)}",
            f"{place}省{rng.choice(_INSTITUTES)}",
            f"中共{place}省委党校",
        ]
    )
    return f"（作者为{org}{rng.choice(_ROLES)}）"


def essay_of(art: dict[str, Any], rng: random.Random) -> Essay:
    """The archive article as an essay to set: subheads marked, the author note and
    the authors invented, a trailing column tag taken out of the title."""
    title = art["title"].replace("\u3000", " ").replace("  ", " ").strip()
    column = ""
    if m := _TAG.match(title):
        title, column = m.group(1).strip(), m.group(2)
    items: list[tuple[str, str]] = []
    for i, p in enumerate(art["paragraphs"]):
        if _NOTE.match(p) or p == "内容提要":
            continue
        head = i > 0 and len(p) <= 24 and not _STOP.search(p)
        items.append(("head" if head else "para", p))
    while items and items[-1][0] == "head":
        items.pop()
    authors = [_name(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    note = _note(rng) if rng.random() < 0.8 else ""
    subtitle = art["subtitle"].strip().lstrip("—-－ ")
    return Essay(art["kicker"].strip(), title, subtitle, authors, note, items, column)


def furniture(rng: random.Random, day: int) -> Furniture:
    weekday = "一二三四五六日"[(day + 3) % 7]
    caps = []
    for _ in range(3):
        credit = rng.choice(
            [f"新华社记者\u3000{_name(rng)}摄", f"本报记者\u3000{_name(rng)}摄", f"{_name(rng)}摄"]
        )
        caps.append((f"图为{rng.choice(_PLACES)}{rng.choice(_SCENES)}。", credit))
    charts = []
    for _ in range(2):
        start = rng.randint(2010, 2014)
        data = [
            f"{y}年\u3000{rng.uniform(5, 95):.1f}" for y in range(start, start + rng.randint(3, 5))
        ]
        title = f"{start}年以来{rng.choice(_TOPICS)}（%）"
        charts.append((title, data, f"数据来源：{rng.choice(_SOURCES)}", f"制图：{_name(rng)}"))
    editors = ""
    if rng.random() < 0.6:
        editors = f"本版责编：{_name(rng)}\u3000{_name(rng)}\u3000\u3000版式设计：{_name(rng)}"
    return Furniture(
        date=f"2019年2月{day}日\u3000星期{weekday}",
        page_label=f"{rng.choice([7, 9, 11])}\u3000理论",
        banner=rng.choice(_SLOGANS) if rng.random() < 0.2 else "",
        captions=caps,
        charts=charts,
        editors=editors,
    )


def page_text(pdf: Path) -> str:
    """page.txt of a page PDF, made as the real_pdf dev pages' page.txt was."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextBoxVertical

    paras: list[str] = []
    for page in extract_pages(str(pdf), laparams=LAParams(detect_vertical=True)):
        for box in page:
            if not isinstance(box, LTTextBox):
                continue
            lines = list(box)
            if isinstance(box, LTTextBoxVertical):
                paras.append("".join(_clean(x.get_text().replace("\n", "")) for x in lines))
                continue
            left = min(x.x0 for x in lines)
            run: list[str] = []
            for x in lines:
                size = max((c.size for c in x if isinstance(c, LTChar)), default=10.0)
                if run and x.x0 - left >= 1.5 * size:
                    paras.append("".join(run))
                    run = []
                run.append(_clean(x.get_text().replace("\n", "")))
            if run:
                paras.append("".join(run))
    return "\n\n".join(p for p in paras if p.strip()) + "\n"


def _clean(text: str) -> str:
    """NFKC; spaces go unless they part two Latin letters or digits."""
    return re.sub(r"(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])", "", nfkc(text))


def answer_key(placed: list[Placed], date: str) -> dict[str, Any]:
    arts = []
    for p in placed:
        e = p.essay
        body = nfkc("".join(t for k, t in p.items if k == "para"))
        arts.append(
            {
                "kind": "article",
                "kicker": e.kicker,
                "title": e.title,
                "subtitle": e.subtitle,
                "column": e.column,
                "byline": " ".join(e.authors),
                "author_org": [e.note.strip("（）")[3:]] if e.note else [],
                "section_heads": [t for k, t in p.items if k == "head"],
                "body_first30": body[:30],
                "body_last30": body[-30:],
                "body_chars": len(body),
            }
        )
    return {"page_id": "", "date": date, "page": "理论", "articles": arts}


def build(folder: Path, per_class: int, jobs: int = 1) -> list[Path]:
    work = [
        (folder, cls, seed0, i)
        for cls, seed0 in (("fit", 1000), ("unseen", 5000))
        for i in range(per_class)
    ]
    with concurrent.futures.ProcessPoolExecutor(max(1, jobs)) as pool:
        return list(pool.map(_build_page, work))


def _build_page(job: tuple[Path, str, int, int]) -> Path:
    """One page from its own seed: its PDF, page.txt and gold.json."""
    folder, cls, seed0, i = job
    arts = load_pool()[cls]
    rng = random.Random(seed0 + i)
    used: set[str] = set()
    dates: list[str] = []

    def pick(capacity: int, main: bool) -> Essay | None:
        free = [a for a in arts if a["id"] not in used]
        size = [sum(len(p) for p in a["paragraphs"]) for a in free]
        good = [a for a, n in zip(free, size, strict=True) if 0.55 * capacity <= n <= capacity]
        choice = rng.choice(good or free) if free else None
        if choice is None:
            return None
        used.add(choice["id"])
        dates.append(choice["date"])
        return essay_of(choice, rng)

    day = rng.randint(1, 28)
    pdf, placed = compose_page(rng, pick, furniture(rng, day))
    page = folder / f"{cls}_{i:03d}"
    page.mkdir(parents=True, exist_ok=True)
    (page / "page.pdf").write_bytes(pdf)
    (page / "page.txt").write_text(page_text(page / "page.pdf"), encoding="utf-8")
    key = answer_key(placed, min(dates) if dates else "")
    key["page_id"] = page.name
    (page / "gold.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return page


def split_items(path: Path, options: Any) -> list[dict[str, Any]]:
    return items_of(split_documents([(path.name, path.read_bytes())], options).pages)


def score(
    pages: list[Path], route: str, errors: bool, jobs: int = 1
) -> dict[str, collections.Counter[str]]:
    scorer = load_scorer()
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    work = [(page, route) for page in pages]
    with concurrent.futures.ProcessPoolExecutor(max(1, jobs)) as pool:
        for page, (scored, items) in zip(pages, pool.map(_split_page, work), strict=True):
            c = scorer.score_page(scored, items)
            totals[page.name.split("_")[0]].update(c)
            if errors and page.name.startswith("fit") and c["tp"] < max(c["gold"], c["pred"]):
                _explain(page, route, scored, items, scorer)
    return totals


def _split_page(job: tuple[Path, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    page, route = job
    _gold, scored, _skipped = load_scorer().load_gold(str(page))
    options = split_options(REPO / "config", "")
    return scored, split_items(page / ("page.pdf" if route == "pdf" else "page.txt"), options)


def _explain(
    page: Path, route: str, scored: list[dict[str, Any]], items: list[dict[str, Any]], scorer: Any
) -> None:
    print(f"-- {page.name} ({route})")
    for g in scored:
        print(f"   gold {sorted(g['heads'])[0][:30]!r} A={g['A'][:8]} Z={g['Z'][-8:]}")
    for it in items:
        body = scorer.norm("".join(it["paragraphs"]))
        print(
            f"   pred {it['kind']} {(it['kicker'] + '|' + it['title'])[:30]!r} "
            f"{len(body)}ch {body[:10]}…{body[-10:]}"
        )


def f1(c: collections.Counter[str]) -> str:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    b = 2 * c["btp"] / (c["pred"] + c["gold"]) if c["pred"] + c["gold"] else 0.0
    return f"F1 {f:.4f} (P {p:.4f} R {r:.4f}) boundary F1 {b:.4f}, {c['gold']} articles"


def check_dev() -> None:
    for pdf in sorted(DEV_PAGES.glob("*/page.pdf")):
        same = page_text(pdf) == (pdf.parent / "page.txt").read_text(encoding="utf-8")
        print(f"{pdf.parent.name}: page.txt {'identical' if same else 'DIFFERS'}")


_IN_REACH = 4  # blocks between a title and its essay's first paragraph, read in order


def in_order(page: Path) -> collections.Counter[str]:
    """Essays of a page read in order, out of order, or not found in its page.txt."""
    blocks = [
        re.sub(r"\s", "", nfkc(b)) for b in page.joinpath("page.txt").read_text().split("\n\n")
    ]
    arts = json.loads(page.joinpath("gold.json").read_text(encoding="utf-8"))["articles"]
    arts = [a for a in arts if a.get("kind", "article") == "article" and a.get("body_first30")]

    def find(text: str, tail: bool = False) -> int | None:
        key = re.sub(r"\s", "", nfkc(text))
        key = key[-12:] if tail else key[:12]
        return next((i for i, b in enumerate(blocks) if key and key in b), None)

    titles = [find(a["title"]) for a in arts]
    out: collections.Counter[str] = collections.Counter()
    for art, title in zip(arts, titles, strict=True):
        first, last = find(art["body_first30"]), find(art["body_last30"], tail=True)
        if title is None or first is None or last is None:
            out["not found"] += 1
            continue
        between = any(t is not None and first < t <= last for t in titles if t != title)
        ordered = title < first <= last and first - title <= _IN_REACH and not between
        out["in order" if ordered else "scattered"] += 1
    return out


def in_order_share(pages: list[Path]) -> float:
    c: collections.Counter[str] = collections.Counter()
    for page in pages:
        c.update(in_order(page))
    found = c["in order"] + c["scattered"]
    return c["in order"] / found if found else 0.0


def like_real(pages: list[Path]) -> list[Path]:
    """The most pages of each class that, taken together, read as large a share of their
    essays in order as the real dev PDFs do: the synthetic pages read about 0.3 of their
    essays in order, the real ones 0.57. Pages are taken from the least scattered down
    (page order among equals) while the share stays at the real one or above; pages
    where no essay could be found in the text are left out."""
    target = in_order_share(sorted(p.parent for p in DEV_PAGES.glob("*/page.pdf")))
    kept: list[Path] = []
    for cls in ("fit", "unseen"):
        counts = [(p, in_order(p)) for p in pages if p.name.startswith(cls)]
        found = [(p, c["in order"], c["in order"] + c["scattered"]) for p, c in counts]
        ranked = sorted((x for x in found if x[2]), key=lambda x: -x[1] / x[2])
        ordered = total = 0
        for page, n, f in ranked:
            if (ordered + n) / (total + f) < target:
                break
            kept.append(page)
            ordered, total = ordered + n, total + f
    return sorted(kept)


def print_scatter(pages: list[Path]) -> None:
    groups = {"dev real": sorted(p.parent for p in DEV_PAGES.glob("*/page.pdf"))}
    for cls in ("fit", "unseen"):
        groups[cls] = [p for p in pages if p.name.startswith(cls)]
    for name, group in groups.items():
        c: collections.Counter[str] = collections.Counter()
        for page in group:
            c.update(in_order(page))
        found = c["in order"] + c["scattered"]
        share = c["in order"] / found if found else 0.0
        print(
            f"scatter {name:8} {share:.2f} of {found} essays in order ({c['not found']} not found)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=30, help="pages per class (fit, unseen)")
    ap.add_argument("--route", choices=["text", "pdf", "both"], default="both")
    ap.add_argument("--keep", type=Path, help="build the pages here and leave them")
    ap.add_argument("--from", dest="source", type=Path, help="score pages built before")
    ap.add_argument("--jobs", type=int, default=1, help="pages built and split in parallel")
    ap.add_argument("--errors", action="store_true", help="show the mistakes on FIT pages")
    ap.add_argument("--check-dev", action="store_true", help="derive the dev pages' page.txt")
    ap.add_argument(
        "--scatter", action="store_true", help="essays in text order, real vs synthetic"
    )
    ap.add_argument(
        "--like-real",
        action="store_true",
        help="score only pages that, taken together, read as many essays in order as the "
        "real dev PDFs do",
    )
    args = ap.parse_args()
    if not (ARCHIVE.is_file() and SCORER.is_file()):
        raise SystemExit(f"needs {ARCHIVE} and {SCORER}")
    if args.check_dev:
        check_dev()
    with tempfile.TemporaryDirectory() as tmp:
        if args.source:
            pages = sorted(p for p in args.source.iterdir() if (p / "gold.json").is_file())
        else:
            pages = build(args.keep or Path(tmp), args.pages, args.jobs)
        if args.like_real:
            pages = like_real(pages)
            for cls in ("fit", "unseen"):
                group = [p for p in pages if p.name.startswith(cls)]
                print(f"like-real {cls:6} {len(group)} pages, {in_order_share(group):.2f} in order")
        if args.scatter:
            print_scatter(pages)
        routes = ["text", "pdf"] if args.route == "both" else [args.route]
        for route in routes:
            totals = score(pages, route, args.errors, args.jobs)
            for cls in ("fit", "unseen"):
                print(f"{route:4} {cls:6} {f1(totals[cls])}")


if __name__ == "__main__":
    main()
