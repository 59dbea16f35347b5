"""The splitter on packages: several pieces, each with its own headline and reporter or
signature, listed by the paper as one article under the package's headline."""

from __future__ import annotations

from digests.model import Article
from digests.split import split_text
from tests.builders.pages import PARAS, article, page, profile_options

P = PARAS


def items(text: str) -> list[Article]:
    return [a for p in split_text(text, profile_options()) for a in p.articles if a.kind != "ad"]


def test_the_first_piece_headline_under_the_package_headline_is_text() -> None:
    """It keeps only the package's own headline as the title when the first piece's
    headline and reporter line follow it directly and later pieces have their own."""
    text = page(
        "青柳走基层 过个暖心年",
        "河湾村 大棚里的新年",
        "本报记者 周晓岚",
        P[4],
        P[5],
        "柳林镇 书香里的新年",
        "本报记者 孙海",
        P[8],
        P[9],
    )
    (only,) = items(text)
    assert (only.kicker, only.title, only.subtitle) == ("", "青柳走基层 过个暖心年", "")
    assert only.paragraphs[:3] == ("河湾村 大棚里的新年", "本报记者 周晓岚", P[4])
    assert "柳林镇 书香里的新年" in only.section_heads


def test_letters_closed_by_signatures_stay_under_their_column_headline() -> None:
    """It reads a short column headline over letters, each signed "place name", as the
    title; the first letter's headline is part of the text."""
    text = page(
        "群众呼声",
        "乡村公路要常养护",
        P[0],
        P[3],
        "青柳县 王桂芳",
        "河边路灯该修了",
        P[10],
        "柳林镇 李明",
    )
    (only,) = items(text)
    assert only.title == "群众呼声"
    assert only.paragraphs[0] == "乡村公路要常养护"


def test_an_ordinary_headline_with_a_reporter_keeps_its_lines() -> None:
    """It leaves a kicker and title over a reporter line alone when no pieces follow."""
    text = page(
        article(
            "大棚蔬菜走俏节日市场",
            [P[4], P[5]],
            kicker="河湾村合作社扩大种植",
            byline=["本报记者 周晓岚"],
        ),
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
    )
    first, second = items(text)
    assert first.headline == "河湾村合作社扩大种植 大棚蔬菜走俏节日市场"
    assert first.byline == "本报记者 周晓岚"
    assert second.title == "县图书馆春节不打烊"


def test_signed_pieces_under_one_headline_stay_one_article() -> None:
    """It reads each "title | signature" block (a place and a name, a foreign name, or a
    name after its country in brackets) as a piece of the package above, not an article,
    even after the closing note of the piece before it."""
    text = page(
        "远方来信话新春",
        "河湾的灯笼",
        "青柳镇 周 岚",
        P[1],
        P[2],
        "(作者为青柳镇中学教师)",
        "港口的新年",
        "安娜·伊万诺娃",
        P[3],
        P[4],
        "(作者为港口公司职员)",
        "一起看花灯",
        "(印度)拉吉夫",
        P[5],
        P[6],
    )
    (only,) = items(text)
    assert only.title == "远方来信话新春"
    assert only.paragraphs[-1] == P[6]


def test_signed_commentaries_under_a_tagged_headline_further_down_stay_one_package() -> None:
    """It keeps commentaries each signed with a bare name ("周岚") in the "(大家谈)" package
    they sit under when the page's first article is not signed: an ordinary page with a
    package, not a page of signed articles."""
    text = page(
        "河道治理见成效",
        "本报青柳1月5日电(记者 郑远)" + P[10],
        P[11],
        "乡村公路,我们怎么养(大家谈)",
        P[0],
        "——编 者",
        "养护责任要落到村",
        "周岚",
        P[1],
        P[2],
        "巡查发现问题要及时修",
        "孙海",
        P[3],
    )
    river, package = items(text)
    assert river.paragraphs[-1] == P[11]
    assert (package.title, package.column) == ("乡村公路,我们怎么养", "大家谈")
    assert package.paragraphs[-1] == P[3]


def test_a_title_that_reads_as_names_over_the_author_line_is_a_title() -> None:
    """It reads a piece's title that happens to split into surnamed names ("温暖基金送车票")
    as the title when the real author line ("林 芳") follows it, so the piece keeps its
    byline and the article above keeps its text."""
    text = page(
        article("春节里的校园", [P[0], P[1]]),
        "北方大学",
        "温暖基金送车票",
        "林 芳",
        P[3],
        P[4],
    )
    found = [a for p in split_text(text, profile_options()) for a in p.articles]
    assert all(a.byline != "温暖基金送车票" for a in found)
    assert any(a.byline == "林 芳" for a in found)
    assert found[0].paragraphs[:2] == (P[0], P[1])


def test_interviews_each_closed_by_a_compiled_note_make_one_package() -> None:
    """It keeps a page of voices, each piece closed by "(本报记者 …采访整理)", as the one
    package the paper lists, instead of an item per voice."""
    voices = []
    for i, (who, title, reporter) in enumerate(
        (
            ("县人大代表、河湾村党支部书记李明", "让村里的路更宽更亮", "吴晨"),
            ("县政协委员、青柳中学校长王芳", "把好老师留在乡村", "郑远"),
            ("县人大代表、返乡创业青年赵强", "为家乡特产找销路", "孙海"),
            ("县政协委员、县医院医生周岚", "让村民看病少跑路", "刘洋"),
        )
    ):
        voices += [who, title, P[2 * i], P[2 * i + 1], f"(本报记者 {reporter}采访整理)"]
    text = page("相约春天的盛会", "——代表委员寄语今年全县两会", P[10], "——编 者", *voices)
    found = [a for p in split_text(text, profile_options()) for a in p.articles]
    assert [a.title for a in found] == ["相约春天的盛会"]
    assert found[0].paragraphs[-1] == "(本报记者 刘洋采访整理)"


def test_a_collections_pieces_keep_their_signers_in_the_text() -> None:
    """It keeps each piece's signer ("陈万钧" under "有感于“单向免安检”") in the collection's
    text, where the paper's list has it, and signs the collection with the first one."""
    text = page(
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
        "青柳来论",
        "有感于“单向免安检”",
        "陈万钧",
        P[1],
        P[2],
        "最好的“留痕”是口碑",
        "陈娜娅",
        P[3],
    )
    river, voices = [a for p in split_text(text, profile_options()) for a in p.articles]
    assert voices.title == "青柳来论"
    assert voices.paragraphs[:3] == ("有感于“单向免安检”", "陈万钧", P[1])
    assert "陈娜娅" in voices.paragraphs
    assert voices.byline == "陈万钧"
    assert river.byline == "记者 郑远"


def test_a_round_up_by_compass_points_stays_one_article() -> None:
    """It keeps the parts of a round-up headed by compass points ("东 | 黑瞎子岛", "南 |
    三沙永兴岛") in the article, as numbered parts are."""
    text = page(
        article("边疆有我,安心团聚", [P[0], P[1]]),
        "东",
        "黑瞎子岛",
        "2月5日," + P[2],
        P[3],
        "南",
        "三沙永兴岛",
        "2月4日," + P[4],
        P[5],
    )
    (roundup,) = [a for p in split_text(text, profile_options()) for a in p.articles]
    assert roundup.paragraphs[-1] == P[5]


def test_a_one_character_heading_heads_a_vignette_of_the_feature() -> None:
    """It keeps a vignette headed by one character ("家") in the feature whose
    introduction announces it, though the vignette is about something else."""
    text = page("新春近镜头", P[0], P[1], P[2], "不信拉近镜头看一看。", "家", *P[5:9])
    (feature,) = [a for p in split_text(text, profile_options()) for a in p.articles]
    assert feature.section_heads == ("家",)
    assert feature.paragraphs[-1] == P[8]
