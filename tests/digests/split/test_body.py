"""The splitter on small pages written for the tests: bodies, photos and page furniture."""

from __future__ import annotations

from digests.model import Article
from digests.split import SplitOptions, split_text
from digests.split.lexicon import Lexicon
from tests.builders.pages import CREDIT, LONG_PARA, PARAS, article, broken, page, profile_options

P = PARAS


def items(text: str, options: SplitOptions | None = None) -> list[Article]:
    return [a for p in split_text(text, options) for a in p.articles if a.kind != "ad"]


def everything(text: str) -> list[Article]:
    return [a for p in split_text(text, profile_options()) for a in p.articles]


def test_subheads_stay_in_their_article() -> None:
    """It keeps in-article subheads as section_heads of the article, not new articles."""
    text = page(
        article(
            "乡村公路通到家门口",
            [P[0], "修路先问村民", P[1], "养护要靠大家", P[2], P[3]],
            byline=["□ 本报记者 周晓岚"],
        )
    )
    (art,) = items(text)
    assert art.section_heads == ("修路先问村民", "养护要靠大家")
    assert art.paragraphs == (P[0], "修路先问村民", P[1], "养护要靠大家", P[2], P[3])


def test_a_subhead_broken_over_two_lines_is_one_subhead() -> None:
    """It joins a subhead printed over two lines into one section head."""
    text = page(
        article(
            "乡村公路通到家门口",
            [P[0], P[1], "让每一条乡村公路", "都有人管有人护", P[2], P[3]],
            byline=["□ 本报记者 周晓岚"],
        )
    )
    (art,) = items(text)
    assert art.section_heads == ("让每一条乡村公路都有人管有人护",)


def test_it_joins_a_paragraph_broken_across_columns() -> None:
    """It joins a paragraph cut mid-sentence at a column break back into one."""
    first, rest = broken(LONG_PARA, 45)
    text = page(article("急诊室的除夕夜", [P[8], first, rest, P[9]], byline=["□ 本报记者 孙海"]))
    (art,) = items(text)
    assert art.paragraphs == (P[8], LONG_PARA, P[9])


def test_a_paragraph_printed_twice_is_kept_once() -> None:
    """It keeps one copy of a paragraph that the export printed twice."""
    text = page(article("急诊室的除夕夜", [P[8], P[9], P[9], P[7]], byline=["□ 本报记者 孙海"]))
    (art,) = items(text)
    assert art.paragraphs == (P[8], P[9], P[7])


def test_a_photographer_credit_ends_a_photo_item() -> None:
    """It makes a caption closed by "本报记者 …摄" a photo, its caption the paragraphs."""
    text = page(
        article("乡村公路通到家门口", P[0:3], byline=["□ 本报记者 周晓岚"]),
        P[7],
        CREDIT,
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
    )
    road, photo, veg = items(text)
    assert photo.kind == "photo"
    assert photo.paragraphs[0] == P[7]
    assert photo.byline == CREDIT
    assert (road.paragraphs, veg.paragraphs) == (P[0:3], P[4:6])


def test_a_titled_photo_keeps_its_title() -> None:
    """It keeps the short title printed over a photo caption."""
    text = page(
        "书香过大年", P[7], CREDIT, article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"])
    )
    photo, veg = items(text)
    assert (photo.kind, photo.title) == ("photo", "书香过大年")
    assert veg.title == "大棚蔬菜四季鲜"


def test_a_column_label_goes_to_its_article() -> None:
    """It attaches a column label printed on its own line to the article, not as an item."""
    text = page(
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"]),
        "青柳走基层",
        article("急诊室的除夕夜", [P[8], LONG_PARA], byline=["□ 本报记者 孙海"]),
    )
    road, night = items(text, profile_options())
    assert (road.column, night.column) == ("", "青柳走基层")


def test_a_column_label_from_config_is_recognised() -> None:
    """It recognises a newspaper's own column label given in the lexicon."""
    lex = Lexicon().extended({"column_labels": ["青柳夜话"]})
    text = page(
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"]),
        "青柳夜话",
        article("急诊室的除夕夜", [P[8], LONG_PARA], byline=["□ 本报记者 孙海"]),
    )
    assert items(text, SplitOptions(lexicon=lex))[1].column == "青柳夜话"


def test_banners_and_slogans_are_not_articles() -> None:
    """It drops a campaign banner and a slogan couplet at the foot of the page."""
    text = page(
        "深入学习贯彻党的二十大精神",
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"]),
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
        "柳绿青山 河清人和",
    )
    found = everything(text)
    assert [a.title for a in found] == ["乡村公路通到家门口", "大棚蔬菜四季鲜"]
    assert not any("河清人和" in p or "二十大" in p for a in found for p in a.paragraphs)


def test_credits_do_not_start_articles() -> None:
    """It keeps a graphic credit with the article it closes."""
    text = page(
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"]),
        "制图:王小明",
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
    )
    road, veg = items(text)
    assert road.paragraphs[-1] == "制图:王小明"
    assert veg.title == "大棚蔬菜四季鲜"


def test_an_advertisement_is_kind_ad() -> None:
    """It makes hotline and advertisement lines an item of kind "ad", not an article or
    a subhead of the article above."""
    text = page(
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
        "青柳县12345",
        "便民服务热线",
        "政策咨询",
        "欢迎来电",
    )
    veg, ad = everything(text)
    assert veg.section_heads == () and veg.paragraphs == P[4:6]
    assert ad.kind == "ad" and "便民服务热线" in ad.paragraphs


def test_a_collection_label_heads_briefs() -> None:
    """It keeps briefs under a "简讯" label together, each brief's title a subhead."""
    text = page(
        "简讯",
        "县图书馆延长开放时间",
        P[7],
        "青柳河绿道开放",
        P[10],
        article("大棚蔬菜四季鲜", P[4:6], byline=["□ 本报记者 孙海"]),
    )
    briefs, veg = items(text)
    assert briefs.section_heads == ("县图书馆延长开放时间", "青柳河绿道开放")
    assert veg.title == "大棚蔬菜四季鲜"


def test_text_after_a_closing_note_stays_with_its_article() -> None:
    """It keeps text printed after an author note in that article, as its own paragraph:
    on theory pages the text layer often gives an end after the note."""
    text = page(
        "让公路养护有人管",
        "孙立平",
        P[0],
        P[1],
        "大棚里的新技术",
        "赵启明",
        P[4],
        P[5],
        "(作者单位:青柳县农业技术推广中心)",
        P[6],
    )
    road, veg = items(text)
    assert road.paragraphs == (P[0], P[1])
    assert veg.paragraphs[-1] == P[6]


def test_a_piece_printed_inside_another_article_goes_back_to_its_own() -> None:
    """It moves a piece that the text layer put after another article's cut-off paragraph
    back to the article it shares its words with, its first line no longer a subhead."""
    piece = "乡村公路的养护"
    rest = "需要每个村都有专人负责乡村公路养护,县交通局把公路的养护经费列入预算。"
    text = page(
        "让公路养护有人管",
        "孙立平",
        P[0],
        P[1],
        "(作者为青柳县交通研究会副会长)",
        "大棚里的新技术",
        "赵启明",
        P[4],
        LONG_PARA[:50],
        piece,
        rest,
        P[3],
    )
    road, veg = items(text)
    assert road.paragraphs[-2:] == (piece + rest, P[3])
    assert veg.paragraphs == (P[4], LONG_PARA[:50]) and veg.section_heads == ()


def test_a_subhead_after_a_cut_paragraph_stays_when_it_fits_there() -> None:
    """It leaves a subhead in place when its text belongs to the article it sits in."""
    text = page(
        "让公路养护有人管",
        "孙立平",
        P[0],
        P[1] + P[2][:20],
        "乡村公路的养护",
        "需要每个村都有专人负责,公路养护的经费由县乡两级共同承担。",
        "大棚里的新技术",
        "赵启明",
        P[4],
        P[5],
    )
    road, veg = items(text)
    assert road.section_heads == ("乡村公路的养护",)
    assert veg.paragraphs == (P[4], P[5])


def test_a_title_over_text_on_another_subject_starts_an_article() -> None:
    """It starts a new article at a headline with no byline or dateline when the text
    under it shares almost no words with the article before it."""
    more = (
        "县图书馆还为乡镇分馆配送新书三千册,让农村读者也能读到新出版的图书和杂志。",
        "读书会每周六下午在馆内举行,馆员带着孩子们朗读绘本,家长们交流读书心得。",
    )
    text = page("乡村公路通到家门口", *P[0:4], "书香飘满小县城", *P[7:10], *more)
    road, books = items(text)
    assert road.paragraphs == P[0:4] and road.section_heads == ()
    assert (books.title, books.paragraphs) == ("书香飘满小县城", (*P[7:10], *more))
