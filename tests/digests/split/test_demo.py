"""The customer's front page (大同日报, 2024-02-10, page 1) comes out as its answer key says.

The expected values are written here from the answer key, so the test needs nothing
outside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.loader import load_pages, split_options
from digests.model import Article, Page
from digests.textrepair import norm_key

CONFIG = Path(__file__).resolve().parents[3] / "config"

# (kind, kicker, title, subtitle, byline words, column, section_heads, continued_to)
EXPECTED = [
    (
        "article",
        "融入京津冀 打造桥头堡",
        "用好“关键一招”激发对接京津冀协同发展澎湃动能",
        "——2023年全市全面深化改革综述",
        "何婧 常占库 赵丽",
        "",
        ("改革,敢于“啃硬骨头”", "改革,构建开放包容的发展格局"),
        2,
    ),
    (
        "article",
        "",
        "做好服务保障 守护浓浓年味",
        "张强主持召开大同古城迎新春 文化活动保障工作调度会",
        "韩云峰",
        "",
        (),
        None,
    ),
    (
        "article",
        "",
        "送上新春祝福 携手共推发展",
        "张强春节前夕开展走访慰问活动",
        "郑苗苗",
        "",
        (),
        None,
    ),
    (
        "article",
        "",
        "非遗文化绽放古都新春 优秀传统文化让大同年味大不同",
        "",
        "史涌涛",
        "",
        (),
        None,
    ),
    (
        "article",
        "",
        "市领导春节前夕走访慰问老党员和生活困难党员 艾凌宇等参加",
        "",
        "臧力卿 郝雨 何婧",
        "",
        (),
        None,
    ),
    ("photo", "", "", "", "张燕伟", "", (), None),
    ("article", "", "坚守“医”线 守护百姓健康", "", "丁亚琴", "新春走基层", (), 2),
]
# First and last words of each item's body (the answer key's anchors).
ANCHORS = [
    ("春回大地,改革潮涌", "累计向开发区市赋权1911项。"),
    ("2月9日,市委副书记、市长张强", "温暖祥和的春节。"),
    ("在春节佳节到来之际", "党和政府的关怀和温暖。"),
    ("龙腾四海,福满大同。", "传播力、影响力。"),
    ("新春慰问送温暖", "获得感、幸福感、安全感。"),
    ("新春佳节来临之际,古城内", "体验充满大同记忆的欢乐年。"),
    ("春节,是阖家团圆的美好时刻", "弘扬和践行新时代“枫桥经验”,"),
]


@pytest.fixture(scope="module")
def page() -> Page:
    demo = CONFIG / "demo" / "datong-2024-02-10-p01.txt"
    (only,) = load_pages([demo], split_options(CONFIG, "大同日报"))
    return only


def _items(page: Page) -> list[Article]:
    return [a for a in page.articles if a.kind != "ad"]


def test_it_numbers_and_names_the_page(page: Page) -> None:
    """It takes page 1 from the file name and its name 要闻 from config."""
    assert (page.number, page.name) == (1, "要闻")


def test_it_finds_six_articles_and_one_photo(page: Page) -> None:
    """It lists the seven items of the answer key, in page order."""
    assert [a.kind for a in _items(page)] == [e[0] for e in EXPECTED]


@pytest.mark.parametrize("n", range(len(EXPECTED)))
def test_headline_byline_and_marks_match_the_key(page: Page, n: int) -> None:
    """It reads kicker, title, subtitle, byline, column, subheads and continuation right."""
    _kind, kicker, title, subtitle, byline, column, heads, cont = EXPECTED[n]
    art = _items(page)[n]
    assert (art.kicker, art.title, art.subtitle) == (kicker, title, subtitle)
    assert all(name in art.byline for name in byline.split())
    assert art.column == column
    assert art.section_heads == heads
    assert art.continued_to == cont


@pytest.mark.parametrize("n", range(len(ANCHORS)))
def test_each_body_starts_and_ends_where_the_key_says(page: Page, n: int) -> None:
    """It puts each item's first and last words in that item and in no other."""
    first, last = ANCHORS[n]
    bodies = [norm_key("".join(a.paragraphs)) for a in _items(page)]
    assert [i for i, b in enumerate(bodies) if norm_key(first) in b] == [n]
    assert [i for i, b in enumerate(bodies) if norm_key(last) in b] == [n]


def test_the_continuation_note_leaves_the_body(page: Page) -> None:
    """It takes "(下转第二版)" out of the text once it set continued_to."""
    assert not any("下转" in p for a in page.articles for p in a.paragraphs)


def test_the_photo_caption_is_its_body(page: Page) -> None:
    """It makes the caption before "本报记者 张燕伟摄" the photo's paragraphs."""
    photo = _items(page)[5]
    assert photo.paragraphs[0].startswith("新春佳节来临之际")
    assert photo.byline == "本报记者 张燕伟摄"


def test_label_slogan_and_ad_are_not_articles(page: Page) -> None:
    """It keeps the column label, the slogan and the hotline ad out of the articles."""
    texts = [norm_key(a.headline + "".join(a.paragraphs)) for a in _items(page)]
    for furniture in ("云动天下春暖大同", "政务服务便民热线", "事事有回音件件有答复"):
        assert not any(furniture in t for t in texts)
    assert not any(a.title == "新春走基层" for a in page.articles)
    ads = [a for a in page.articles if a.kind == "ad"]
    assert len(ads) == 1 and "政务服务便民热线" in ads[0].paragraphs


def test_a_paragraph_cut_at_a_column_break_is_joined(page: Page) -> None:
    """It joins "…我市全面推" with "行“田长制”改革…" into one paragraph."""
    first = _items(page)[0]
    assert any("我市全面推行“田长制”改革" in p for p in first.paragraphs)
