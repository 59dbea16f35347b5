"""The splitter's open-class detectors (quotation marks of any style, names) and the
newspaper profiles that hold what is particular to one paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.configfile import read_toml
from digests.loader import split_options
from digests.model import Article
from digests.split import heading as heading
from digests.split import rules as rules
from digests.split import split_text
from digests.split.lexicon import Lexicon
from tests.builders.pages import LONG_PARA, PARAS, article, page

P = PARAS


def items(text: str) -> list[Article]:
    return [a for p in split_text(text) for a in p.articles if a.kind != "ad"]


@pytest.mark.parametrize(("left", "right"), [("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’")])
def test_a_quoted_title_heads_its_article_in_any_quote_style(left: str, right: str) -> None:
    """It reads a title set in corner brackets (「…」, 『…』) as it reads one in “…”."""
    text = page(
        article("乡村公路通到家门口", P[0:3], byline=["□ 本报记者 周晓岚"]),
        article(f"{left}大棚里的春天{right}", P[4:7], byline=["□ 本报记者 孙海"]),
    )
    first, second = items(text)
    assert first.title == "乡村公路通到家门口"
    assert second.title == f"{left}大棚里的春天{right}"
    assert second.paragraphs[0] == P[4]


@pytest.mark.parametrize(("left", "right"), [("“", "”"), ("「", "」"), ("『", "』")])
def test_a_quoted_sentence_is_text_in_any_quote_style(left: str, right: str) -> None:
    """A short line quoting a whole sentence (「…。」) is a paragraph, not a headline."""
    line = f"{left}路修好了,日子就有奔头了。{right}"
    assert not heading.heading_like(line, rules.Lexicon())
    assert rules.is_open_quote(left) and rules.is_close_quote(right)
    assert not rules.is_open_quote("(") and not rules.is_close_quote(")")


def test_each_newspaper_profile_has_the_same_shape() -> None:
    """Every paper's profile in config/papers/ names its paper and holds the same lists."""
    folder = Path(__file__).resolve().parents[3] / "config" / "papers"
    shapes = {path.stem: set(read_toml(path)) for path in folder.glob("*.toml")}
    assert {"dtrb", "rmrb"} <= set(shapes)
    assert len({frozenset(x) for x in shapes.values()}) == 1
    assert "newspaper" in shapes["dtrb"]


def test_a_papers_labels_come_from_its_profile(tmp_path: Path) -> None:
    """A column label that only one paper's profile names is that paper's furniture: the
    splitter reads it from the profile, and without it the line is a headline."""
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "qlrb.toml").write_text('column_labels = ["青柳夜话"]\n', "utf-8")
    (tmp_path / "newspapers.toml").write_text('["青柳日报"]\nslug = "qlrb"\n', "utf-8")
    text = page(
        article("乡村公路通到家门口", P[0:2], byline=["□ 本报记者 周晓岚"]),
        "青柳夜话",
        article("急诊室的除夕夜", P[8:10], byline=["□ 本报记者 孙海"]),
    )
    with_profile = split_text(text, split_options(tmp_path, "青柳日报"))
    assert [a.column for a in with_profile[0].articles] == ["", "青柳夜话"]
    assert "青柳夜话" not in Lexicon().column_labels


def test_a_short_label_over_a_group_of_pieces_heads_them_all() -> None:
    """A short line no list names ("读者来信"), over the first of a few short pieces whose
    headlines have the same shape, is the label of the group: one item titled by the
    label, the pieces' headlines inside it."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        article("小区装上新路灯", P[7:8], kicker="读者来信"),
        article("公交站挪近了", P[8:9]),
        article("青柳河变清了(青柳时评)", P[10:12]),
    )
    report, group, comment = items(text)
    assert report.title == "乡村公路通到家门口"
    assert group.title == "读者来信"
    assert group.section_heads == ("小区装上新路灯", "公交站挪近了")
    assert group.paragraphs[-1] == P[8]
    assert comment.paragraphs == tuple(P[10:12])


def test_a_short_kicker_over_a_long_report_stays_its_kicker() -> None:
    """The same short line over a report at full length is the report's kicker."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        article("新路通车", [*P[4:10], "(本报青柳电)"], kicker="县交通局"),
        article("青柳河变清了(青柳时评)", P[10:12]),
    )
    _, second, _ = items(text)
    assert "县交通局" in (second.kicker, second.title)
    assert second.section_heads == ()


def test_a_short_label_under_a_headline_opens_its_lead_box() -> None:
    """A short line no list names ("要点速读") right under a kicker and a title, over the
    box of summary points, is the box's label: text of the article, not its subtitle."""
    point = "青柳县新建乡村公路一百二十公里,十四个村的农产品当天就能运到县城市场"
    text = page(
        "青柳县今年补齐农村交通短板惠及群众",
        "乡村公路通到家门口",
        "要点速读",
        point,
        *P[0:3],
    )
    (only,) = items(text)
    assert only.title == "乡村公路通到家门口"
    assert only.subtitle == ""
    assert only.paragraphs[0].startswith("要点速读")


def test_a_series_name_under_a_photo_caption_closes_the_photo() -> None:
    """A short name no list holds ("青柳影像") between a photo's caption and the next
    headline is the photo's series: it ends the caption instead of heading the report."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        article("河畔新绿", ["3月2日,市民在青柳河畔新修的绿道上散步。", "青柳影像"]),
        article("县图书馆春节照常开放", P[7:10]),
    )
    _, photo, report = items(text)
    assert photo.title == "河畔新绿"
    assert photo.paragraphs[-1].endswith("青柳影像")
    assert (report.kicker, report.title) == ("", "县图书馆春节照常开放")


def test_a_bare_name_under_a_piece_of_a_signed_report_is_its_reporter() -> None:
    """In a report signed by its reporter ("本报记者 …"), a later piece's heading over a
    bare name ("林川 夏雨") is one more piece of the report, not a second article."""
    body = [*P[0:4], LONG_PARA, *P[4:7]]
    text = page(
        article("节日里的坚守", body, byline=["本报记者 周晓岚"]),
        "随车过节 保障平安",
        "林川 夏雨",
        *P[7:10],
        article("青柳河变清了(青柳时评)", P[10:12]),
    )
    report, comment = items(text)
    assert report.section_heads == ("随车过节 保障平安",)
    assert report.paragraphs[-1] == P[9]
    assert comment.title == "青柳河变清了"


def test_a_line_over_a_dash_kicker_labels_the_pieces_below() -> None:
    """A line over a kicker that ends in "——" is a label no list needs to name: the
    pieces under it, each with its own kicker, title and reporter, are one item."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        ["走乡村 看变化", "青柳县河湾村——", "“大棚里种出好日子”", "本报记者 周晓岚", *P[4:7]],
        article("“书香飘进农家院”", P[7:10], kicker="青柳县柳林镇——", byline=["本报记者 孙海"]),
        article("青柳河变清了(青柳时评)", P[10:12]),
    )
    _, group, comment = items(text)
    assert group.title == "走乡村 看变化"
    assert group.paragraphs[-1] == P[9]
    assert comment.title == "青柳河变清了"


def test_a_short_label_over_signed_pieces_heads_them_until_an_unsigned_headline() -> None:
    """A short line over a title and its writer ("河湾镇 周 岚") labels a group of signed
    pieces; the group ends at the first headline with no writer under it."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        ["读者来论", "小区装上新路灯", "青柳东关 周 岚", *P[4:6]],
        ["公交站挪近了", "青柳南街 王 芳", *P[7:9]],
        article("青柳河变清了", [*P[10:12], LONG_PARA]),
    )
    _, group, report = items(text)
    assert group.title == "读者来论"
    assert group.paragraphs[-1] == P[8]
    assert report.title == "青柳河变清了"


def test_a_series_name_at_the_foot_of_the_page_closes_the_photo() -> None:
    """The same short name under the page's last caption stays with that photo."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        article("河畔新绿", ["3月2日,市民在青柳河畔新修的绿道上散步。", "青柳影像"]),
    )
    _, photo = items(text)
    assert photo.paragraphs[-1].endswith("青柳影像")


def test_a_label_over_pieces_with_two_line_headlines_heads_them_all() -> None:
    """A longer label ("青柳春运一线") over pieces whose headlines take two lines each, a
    short tag and a title, the next piece's headline of the same shape, heads them all."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        ["青柳春运一线", "新站台", "母婴候车区启用", *P[7:8]],
        ["新班车", "城乡公交加密班次", *P[8:9]],
        article("青柳河变清了(青柳时评)", P[10:12]),
    )
    _, group, comment = items(text)
    assert group.title == "青柳春运一线"
    assert group.paragraphs[-1] == P[8]
    assert comment.title == "青柳河变清了"


def test_a_group_of_briefs_ends_at_a_report_far_longer_than_its_briefs() -> None:
    """Under a collection label ("速览") the briefs are short; a headline over text far
    longer than any brief so far opens a report of its own."""
    text = page(
        article("乡村公路通到家门口", [*P[0:4], "(本报青柳电)"]),
        "速览",
        article("县图书馆春节照常开放", P[7:8]),
        article("青柳河治理完成清淤", P[10:11]),
        article("河湾村大棚种植面积扩大到三百亩", [*P[4:7], LONG_PARA, P[1], P[2]]),
    )
    _, briefs, report = items(text)
    assert briefs.title == "速览"
    assert briefs.paragraphs[-1] == P[10]
    assert report.title == "河湾村大棚种植面积扩大到三百亩"
