"""Reading e-paper HTML: the system told from the page, page lists, PDFs, articles."""

from __future__ import annotations

import datetime as dt

import pytest

from digests.epaper import (
    ArticleView,
    decode_html,
    read_article,
    read_page,
    redirect_target,
    with_date,
    with_headlines,
)
from digests.epaper.common import page_label
from digests.model import Article, Page
from tests.builders.epaper import demo_issue, founder_classic, founder_new, shtml

ISSUE = demo_issue()
CLASSIC = founder_classic(ISSUE)
NEW = founder_new(ISSUE)
SHTML = shtml(ISSUE)


def html(site: dict, suffix: str) -> str:  # type: ignore[type-arg]
    return next(r.body.decode("utf-8") for p, r in site.items() if p.endswith(suffix))


@pytest.mark.parametrize("host", ["http://epaper.example.cn", "http://10.0.0.7:8080/paper"])
def test_the_system_comes_from_the_html_whatever_the_host(host: str) -> None:
    """The same pages read the same under any host and path prefix."""
    cases = [
        (CLASSIC, "node_10.htm", "/html/2024-03/08/node_10.htm", "founder_classic"),
        (NEW, "node_01.html", "/pc/layout/202403/08/node_01.html", "founder_new"),
        (SHTML, "v01.shtml", "/shtml/qlrb/20240308/v01.shtml", "shtml"),
    ]
    for site, suffix, path, system in cases:
        view = read_page(html(site, suffix), host + path)
        assert view is not None and view.system == system
        assert view.date == dt.date(2024, 3, 8)
        assert [(p.number, p.name) for p in view.pages] == [(1, "要闻"), (2, "社会")]


def test_a_page_that_is_no_e_paper_reads_as_none() -> None:
    assert (
        read_page("<html><body><a href='/news/1.html'>新闻</a></body></html>", "http://x/") is None
    )


def test_founder_classic_lists_articles_once_and_its_own_pdf() -> None:
    """Image-map areas repeat the article links; the PDF link is read from the page."""
    view = read_page(html(CLASSIC, "node_17.htm"), "http://e.cn/html/2024-03/08/node_17.htm")
    assert view is not None and view.current == 1
    assert [a.title for a in view.articles] == [
        "图书馆里过新年",
        "青柳河畔绿道成了新去处",
        "除夕夜的急诊室",
    ]
    assert view.pdf_url == "http://e.cn/images/2024-03/08/02/qlrb2024030802.pdf"


def test_founder_new_takes_the_pdf_at_its_place_among_all_pages() -> None:
    view = read_page(html(NEW, "node_02.html"), "http://e.cn/pc/layout/202403/08/node_02.html")
    assert view is not None and view.pdf_url == "http://e.cn/pc/attachement/202403/08/02a08f0.pdf"


@pytest.mark.parametrize(
    ("site", "suffix", "system"),
    [(CLASSIC, "content_1_1.htm", "founder_classic"), (NEW, "content_30001.html", "founder_new")],
)
def test_article_pages_give_every_headline_part(site: dict, suffix: str, system: str) -> None:  # type: ignore[type-arg]
    art = read_article(html(site, suffix), system)  # type: ignore[arg-type]
    assert (art.kicker, art.title, art.subtitle) == (
        "青柳县交通建设再提速",
        "乡村公路通到家门口",
        "——十四个村的农产品当天进城",
    )
    assert art.author == "本报记者 林小雨"
    assert len(art.paragraphs) == 4 and not art.paragraphs[0].startswith("\u3000")


def test_founder_classic_falls_back_to_the_enpproperty_comment() -> None:
    page = (
        "<!--enpproperty <title>河边的新绿道</title><introtitle>城市更新</introtitle>"
        "<subtitle>两岸新添亲水平台</subtitle><author>记者 赵丽</author>/enpproperty-->"
        "<founder-content><p>绿道全长十八公里。<p>市民每天都来散步。</founder-content>"
    )
    art = read_article(page, "founder_classic")
    assert (art.kicker, art.title, art.subtitle, art.author) == (
        "城市更新",
        "河边的新绿道",
        "两岸新添亲水平台",
        "记者 赵丽",
    )
    assert art.paragraphs == ("绿道全长十八公里。", "市民每天都来散步。")


def test_shtml_articles_read_title_and_text() -> None:
    art = read_article(html(SHTML, "1234503.shtml"), "shtml")
    assert art.title == "图书馆里过新年" and art.kicker == "书香满城"
    assert len(art.paragraphs) == 3


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("第01版：要闻", ("01", "要闻")),
        ("第 3 版 综合新闻", ("3", "综合新闻")),
        ("A1版：封面", ("A1", "封面")),
        ("02版:经济", ("02", "经济")),
        ("第12版", ("12", "")),
        ("2024年3月8日", None),
    ],
)
def test_page_labels(text: str, label: tuple[str, str] | None) -> None:
    assert page_label(text) == label


def test_lettered_pages_are_numbered_by_their_place() -> None:
    body = "".join(
        f'<a href="v{x}.shtml">{x}版：{n}</a>' for x, n in [("A1", "要闻"), ("B1", "体育")]
    )
    view = read_page(f"<html>{body}</html>", "http://e.cn/shtml/p/20240308/vA1.shtml")
    assert view is not None and [(p.number, p.label) for p in view.pages] == [(1, "A1"), (2, "B1")]


def test_entry_pages_redirect_by_meta_refresh_or_script() -> None:
    refresh = html(CLASSIC, "paperindex.htm")
    assert redirect_target(refresh, "http://e.cn/paperindex.htm") == (
        "http://e.cn/html/2024-03/08/node_10.htm"
    )
    script = '<script>window.location.href="pc/layout/202403/08/node_01.html";</script>'
    assert redirect_target(script, "http://e.cn/") == "http://e.cn/pc/layout/202403/08/node_01.html"


def test_a_url_is_moved_to_another_day_in_its_own_date_form() -> None:
    day = dt.date(2025, 1, 9)
    assert with_date("http://e.cn/html/2024-03/08/node_10.htm", day) == (
        "http://e.cn/html/2025-01/09/node_10.htm"
    )
    assert with_date("http://e.cn/pc/layout/202403/08/node_01.html", day) == (
        "http://e.cn/pc/layout/202501/09/node_01.html"
    )
    assert with_date("http://e.cn/shtml/p/20240308/index.shtml", day) == (
        "http://e.cn/shtml/p/20250109/index.shtml"
    )
    assert with_date("http://e.cn/index.htm", day) is None


@pytest.mark.parametrize(("actual", "declared"), [("gb18030", "utf-8"), ("utf-8", "gbk")])
def test_a_wrong_charset_declaration_does_not_garble_the_text(actual: str, declared: str) -> None:
    text = f'<meta charset="{declared}"><p>青柳县图书馆春节期间照常开放</p>'
    assert "青柳县图书馆" in decode_html(text.encode(actual), declared)


def test_the_sites_headlines_replace_the_ones_guessed_from_the_pdf() -> None:
    body = ("青柳县今年新建乡村公路一百二十公里,沿线十四个村的农产品可以当天运到县城市场。",)
    guessed = Page(1, "要闻", (Article(title="乡村公路通到家门口 青柳县交通", paragraphs=body),))
    site = ArticleView("乡村公路通到家门口", kicker="青柳县交通建设再提速", paragraphs=body)
    art = with_headlines(guessed, [site]).articles[0]
    assert (art.kicker, art.title) == ("青柳县交通建设再提速", "乡村公路通到家门口")


BODY = (
    "青柳县今年新建乡村公路一百二十公里,沿线十四个村的农产品可以当天运到县城市场。",
    "县交通局负责人介绍,新路全部按照双车道标准修建,并在急弯处加装了防护栏和反光标志。",
)
SITE = ArticleView("乡村公路通到家门口", author="本报记者 林小雨", paragraphs=BODY)


def test_the_sites_text_replaces_a_pdf_article_it_covers() -> None:
    """A byline glued to the body and paragraphs run together in the PDF: the site's
    paragraphs and byline are taken."""
    glued = Article(title="乡村公路", paragraphs=("本报记者林小雨" + "".join(BODY),))
    art = with_headlines(Page(1, "要闻", (glued,)), [SITE]).articles[0]
    assert art.paragraphs == BODY and art.byline == "本报记者 林小雨"


def test_a_continued_or_larger_pdf_article_keeps_its_own_text() -> None:
    """Part of an article continued on another page, or a PDF item holding more than the
    site's article: only the headline comes from the site, nothing of the PDF is lost."""
    part = Article(title="乡村公路", paragraphs=BODY[:1], continued_to=2)
    more = Article(
        title="乡村公路", paragraphs=(*BODY, "县图书馆春节期间照常开放,每天接待读者近千人次。")
    )
    page = with_headlines(Page(1, "要闻", (part, more)), [SITE])
    assert [a.paragraphs for a in page.articles] == [part.paragraphs, more.paragraphs]
    assert [a.title for a in page.articles] == ["乡村公路通到家门口"] * 2
