"""Fixture e-paper sites of the three systems, built from an issue written for the tests.

A site is a mapping of URL path to :class:`Resource`; tests/bot/fetch/server.py serves it
on 127.0.0.1. Page PDFs are drawn with reportlab (tests/builders/pdfs.py). All wording is
made up (the fictional 青柳县 of tests/builders/pages.py).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from tests.builders.pages import LONG_PARA, PARAS
from tests.builders.pdfs import Drawer, PdfBuilder


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0  # the server waits this long before answering
    cut_to: int | None = None  # send Content-Length of the whole body, then only this many
    busy_first: int = 0  # answer 503 with Retry-After: 7 to the first this many requests


@dataclass(frozen=True)
class FakeArticle:
    title: str
    paragraphs: tuple[str, ...]
    kicker: str = ""
    subtitle: str = ""
    author: str = ""


@dataclass(frozen=True)
class FakePage:
    name: str
    articles: tuple[FakeArticle, ...]
    pdf: str = "text"  # "text", "image" (no text layer) or "none"


@dataclass(frozen=True)
class FakeIssue:
    date: dt.date
    pages: tuple[FakePage, ...] = field(default_factory=tuple)


ROAD = FakeArticle(
    "乡村公路通到家门口",
    PARAS[0:4],
    kicker="青柳县交通建设再提速",
    subtitle="——十四个村的农产品当天进城",
    author="本报记者 林小雨",
)
GREENHOUSE = FakeArticle("河湾村大棚里的好日子", PARAS[4:7], author="本报记者 周明")
LIBRARY = FakeArticle("图书馆里过新年", PARAS[7:10], kicker="书香满城")
RIVER = FakeArticle("青柳河畔绿道成了新去处", PARAS[10:12])
HOSPITAL = FakeArticle("除夕夜的急诊室", (LONG_PARA,), author="本报记者 王晨")


def demo_issue(date: dt.date = dt.date(2024, 3, 8), pdf: str = "text") -> FakeIssue:
    return FakeIssue(
        date,
        (
            FakePage("要闻", (ROAD, GREENHOUSE), pdf),
            FakePage("社会", (LIBRARY, RIVER, HOSPITAL), pdf),
        ),
    )


def page_pdf(number: int, page: FakePage, date: dt.date) -> bytes:
    """A page PDF: the page header, then each article's title and paragraphs; an image
    only ("image") when the page has no text layer."""

    def draw(d: Drawer) -> None:
        if page.pdf == "image":
            d.picture(30, 30, 535, 780)
            return
        d.line(30, 20, f"{date.year}年{date.month}月{date.day}日", 9)
        d.line(450, 18, f"第{number:02d}版：{page.name}", 14)
        top = 60.0
        for art in page.articles:
            if art.kicker:
                d.line(60, top, art.kicker, 12)
                top += 20
            d.line(60, top, art.title, 22, bold=True)
            top += 34
            if art.subtitle:
                d.line(80, top, art.subtitle, 12)
                top += 20
            if art.author:
                d.line(60, top, art.author, 9)
                top += 16
            lines = sum(len(p) // 58 + 1 for p in art.paragraphs)
            bottom = top + lines * 9 * 1.45 + 20
            d.columns([(30, top, 565, bottom)], art.paragraphs)
            top = bottom + 20
            d.rule(30, top - 10, 565)

    return PdfBuilder().page(draw).build()


def _page(body: str, charset: str = "utf-8", head: str = "") -> bytes:
    doc = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"{head}</head><body>{body}</body></html>"
    )
    return doc.encode("gb18030" if charset.lower() in ("gbk", "gb2312") else charset)


def _e(text: str) -> str:
    return html.escape(text)


def _doc(body: bytes, charset: str = "utf-8") -> Resource:
    return Resource(body, f"text/html; charset={charset}")


def founder_classic(
    issue: FakeIssue, *, charset: str = "utf-8", declared: str = ""
) -> dict[str, Resource]:
    """``/paperindex.htm`` (a meta refresh) → ``/html/YYYY-MM/DD/node_N.htm`` pages (node
    numbers not in page order), PDFs under ``/images/…`` linked from each page, articles
    ``content_N_M.htm`` with founder tags and an enpproperty comment."""
    d = issue.date
    base = f"/html/{d:%Y-%m}/{d:%d}/"
    nodes = [f"node_{10 + 7 * i}.htm" for i in range(len(issue.pages))]
    site: dict[str, Resource] = {}
    label = declared or charset
    page_list = "".join(
        f"<tr><td><a id=pageLink href={node}>第{i:02d}版：{_e(p.name)}</a></td></tr>"
        for i, (node, p) in enumerate(zip(nodes, issue.pages, strict=True), 1)
    )
    for i, (node, page) in enumerate(zip(nodes, issue.pages, strict=True), 1):
        pdf_path = f"/images/{d:%Y-%m}/{d:%d}/{i:02d}/qlrb{d:%Y%m%d}{i:02d}.pdf"
        pdf_link = (
            f"<a href=../../../images/{d:%Y-%m}/{d:%d}/{i:02d}/qlrb{d:%Y%m%d}{i:02d}.pdf>"
            "<img src=../../../tpl/images/pdf.gif>PDF下载</a>"
            if page.pdf != "none"
            else ""
        )
        items = "".join(
            f"<div id=content_{i}_{j}><a href=content_{i}_{j}.htm>{_e(a.title)}</a></div>"
            f'<map><area shape=rect coords="0,0,1,1" href=content_{i}_{j}.htm></map>'
            for j, a in enumerate(page.articles, 1)
        )
        body = f"<table id=bmdhTable>{page_list}</table>{pdf_link}<div id=titleList>{items}</div>"
        site[base + node] = _doc(
            _page(body, label).decode(_codec(label)).encode(_codec(charset)), label
        )
        if page.pdf != "none":
            site[pdf_path] = Resource(page_pdf(i, page, d), "application/pdf")
        for j, a in enumerate(page.articles, 1):
            site[f"{base}content_{i}_{j}.htm"] = _doc(
                _classic_article(a, d, label).decode(_codec(label)).encode(_codec(charset)), label
            )
    refresh = f'<meta http-equiv="refresh" content="0; URL=html/{d:%Y-%m}/{d:%d}/{nodes[0]}">'
    site["/paperindex.htm"] = _doc(_page("", "utf-8", refresh))
    return site


def _codec(charset: str) -> str:
    return "gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset


def _classic_article(a: FakeArticle, d: dt.date, charset: str) -> bytes:
    paras = "".join(f"<P>\u3000\u3000{_e(p)}</P>" for p in a.paragraphs)
    props = (
        f"<!--enpproperty <date>{d}</date><author>{_e(a.author)}</author>"
        f"<title>{_e(a.title)}</title><subtitle>{_e(a.subtitle)}</subtitle>"
        f"<introtitle>{_e(a.kicker)}</introtitle>/enpproperty-->"
    )
    body = (
        f"{props}<table class=wz><tr><td class=font02>{_e(a.kicker)}</td></tr>"
        f"<tr><td class=font01><founder-title>{_e(a.title)}</founder-title></td></tr>"
        f"<tr><td><founder-author>{_e(a.author)}</founder-author></td></tr></table>"
        f"<div id=ozoom><founder-content>{paras}</founder-content></div>"
    )
    return _page(body, charset)


def founder_new(issue: FakeIssue) -> dict[str, Resource]:
    """``/pc/layout/YYYYMM/DD/node_NN.html`` pages, each listing every page's PDF under
    ``/pc/attachement/…``; articles ``/pc/content/YYYYMM/DD/content_N.html``."""
    d = issue.date
    layout, content = f"/pc/layout/{d:%Y%m}/{d:%d}/", f"/pc/content/{d:%Y%m}/{d:%d}/"
    site: dict[str, Resource] = {}
    entries = []
    for i, page in enumerate(issue.pages, 1):
        pdf = f"../../../attachement/{d:%Y%m}/{d:%d}/{i:02d}a{d:%d}f0.pdf"
        link = f'<a href="{pdf}">PDF</a>' if page.pdf != "none" else ""
        entries.append(
            f'<div class="swiper-slide"><a href="node_{i:02d}.html" id="pageLink">'
            f"{i:02d}版：{_e(page.name)}</a>{link}</div>"
        )
        if page.pdf != "none":
            site[f"/pc/attachement/{d:%Y%m}/{d:%d}/{i:02d}a{d:%d}f0.pdf"] = Resource(
                page_pdf(i, page, d), "application/pdf"
            )
    serial = 30000
    for i, page in enumerate(issue.pages, 1):
        items = []
        for a in page.articles:
            serial += 1
            items.append(
                f'<li><a href="../../../content/{d:%Y%m}/{d:%d}/content_{serial}.html">'
                f"{_e(a.title)}</a></li>"
            )
            site[f"{content}content_{serial}.html"] = _doc(_new_article(a))
        body = (
            f'<div class="swiper-box">{"".join(entries)}</div>'
            f'<ul class="news-list">{"".join(items)}</ul>'
        )
        site[f"{layout}node_{i:02d}.html"] = _doc(_page(body))
    return site


def _new_article(a: FakeArticle) -> bytes:
    paras = "".join(f"<p>\u3000\u3000{_e(p)}</p>" for p in a.paragraphs)
    body = (
        f'<div class="article"><h3>{_e(a.kicker)}</h3><h1>{_e(a.title)}</h1>'
        f"<h2>{_e(a.subtitle)}</h2><h4>{_e(a.author)}</h4>"
        f'<p class="sec">第 01 版</p><div id="ozoom">{paras}</div></div>'
    )
    return _page(body)


def shtml(issue: FakeIssue, paper: str = "qlrb") -> dict[str, Resource]:
    """``/shtml/<paper>/YYYYMMDD/index.shtml`` and ``vNN.shtml`` pages with page images
    only; articles ``/shtml/<paper>/YYYYMMDD/<id>.shtml``."""
    d = issue.date
    base = f"/shtml/{paper}/{d:%Y%m%d}/"
    site: dict[str, Resource] = {}
    names = [f"v{i:02d}.shtml" for i in range(1, len(issue.pages) + 1)]
    page_list = "".join(
        f'<li><a href="{n}">第{i:02d}版：{_e(p.name)}</a></li>'
        for i, (n, p) in enumerate(zip(names, issue.pages, strict=True), 1)
    )
    serial = 1234500
    for i, (name, page) in enumerate(zip(names, issue.pages, strict=True), 1):
        items = []
        for a in page.articles:
            serial += 1
            items.append(
                f'<li><a href="{serial}.shtml" title="{_e(a.title)}">{_e(a.title)}</a></li>'
            )
            body = (
                f'<div class="detCon"><h3>{_e(a.kicker)}</h3>'
                f'<h2 class="detConTit">{_e(a.title)}</h2>'
                f'<h3>{_e(a.subtitle)}</h3><div class="details">'
                + "".join(f"<p>{_e(p)}</p>" for p in a.paragraphs)
                + "</div></div>"
            )
            site[f"{base}{serial}.shtml"] = _doc(_page(body))
        img = f'<img src="/paperdata/{paper}/{d:%Y%m%d}/b_page_{i:02d}.jpg">'
        html_page = _page(
            f'<ul class="pages">{page_list}</ul>{img}<ul class="titles">{"".join(items)}</ul>'
        )
        site[base + name] = _doc(html_page)
        if i == 1:
            site[base + "index.shtml"] = _doc(html_page)
    return site
