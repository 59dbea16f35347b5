"""The splitter on pages written out from an e-paper's article list: clean text, one line
per headline line or paragraph, reporters inside the leads, packages of several pieces."""

from __future__ import annotations

from pathlib import Path

from digests.loader import load_lexicon
from digests.model import Article
from digests.split import SplitOptions, split_text
from digests.split.lexicon import Lexicon
from tests.builders.pages import PARAS, article, page

P = PARAS


def items(text: str, options: SplitOptions | None = None) -> list[Article]:
    """The non-ad items of every page of ``text``."""
    return [a for p in split_text(text, options) for a in p.articles if a.kind != "ad"]


def test_a_layout_credit_is_not_part_of_the_next_headline() -> None:
    """It keeps "本版制图:…" and "版式、制图:…" with the article above, out of the next title."""
    for credit in ("本版制图:林小雨", "版式、制图:林小雨"):
        text = page(
            article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
            credit,
            article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
        )
        first, second = items(text)
        assert (second.kicker, second.title) == ("", "河道治理见成效")
        assert first.paragraphs[-1] == credit


def test_a_closing_note_in_parentheses_ends_its_article() -> None:
    """It reads a short line wholly in parentheses as the close of the article above."""
    for note in ("(本系列评论到此结束)", "(王明、李华参与采写)", "(执笔:周远)"):
        text = page(
            article("把路修到群众心坎上", [P[0], P[1]]),
            note,
            article("让河道重现清流", [P[10], P[11]]),
        )
        first, second = items(text)
        assert first.paragraphs[-1] == note
        assert (second.kicker, second.title) == ("", "让河道重现清流")


def test_a_letter_signature_stays_with_its_letter() -> None:
    """It keeps a reader's "place name" signature as the letter's last paragraph."""
    text = page(
        article("乡村公路要常养护", [P[0], P[3]]),
        "青柳县 王桂芳",
        article("让河道重现清流(来信)", [P[10], P[11]]),
    )
    first, second = items(text)
    assert first.paragraphs[-1] == "青柳县 王桂芳"
    assert second.title == "让河道重现清流"


def test_a_plain_reporter_line_under_a_piece_keeps_the_package_together() -> None:
    """It keeps the pieces of a package, each headed by a subhead and a plain reporter line,
    in the package's article; a boxed reporter line ("□ 本报记者") still opens an article."""
    text = page(
        article("新春走基层 一起过大年", [P[4]]),
        "河湾村——",
        "大棚里的新年",
        "本报记者 周晓岚",
        P[5],
        "柳林镇——",
        "书香里的新年",
        "本报记者 孙海",
        P[8],
    )
    (only,) = items(text)
    assert only.title == "新春走基层 一起过大年"
    assert P[8] in only.paragraphs


def configured() -> SplitOptions:
    """The options the CLI uses: the defaults plus config/splitter.toml."""
    return SplitOptions(lexicon=load_lexicon(Path(__file__).resolve().parents[3] / "config"))


def test_the_default_and_the_configured_lexicon_weigh_alike() -> None:
    """It weighs headline signs with the same weights whether a caller builds the default
    lexicon or loads the configured one, and a configured weight overrides one default."""
    lex = configured().lexicon
    assert lex.start_weights == Lexicon().start_weights
    assert lex.start_weights["numbered"] < 0 < lex.start_weights["topic_shift"]
    changed = Lexicon().extended({"start_weights": {"bias": 2}}).start_weights
    assert changed["bias"] == 2.0
    assert changed["numbered"] == lex.start_weights["numbered"]


def test_numbered_subheads_stay_in_their_article() -> None:
    """It keeps "一、…" "二、…" subheads of a long article in it, with the weights."""
    text = page(
        article("青柳县推进农村公路建设", ["本报青柳1月5日电(记者 郑远)" + P[0], P[1]]),
        "一、把路修到村口",
        P[2],
        P[3],
        "二、把养护落到实处",
        P[1] + P[3],
    )
    (only,) = items(text, configured())
    assert only.section_heads == ("一、把路修到村口", "二、把养护落到实处")


def test_a_headline_over_another_subject_starts_an_article_with_the_weights() -> None:
    """It starts an article at a block whose text shares no words with the text above."""
    text = page(
        article("青柳县推进农村公路建设", ["本报青柳1月5日电(记者 郑远)" + P[0], P[1], P[3]]),
        article("图书馆里年味浓", [P[7], P[8], P[9]]),
    )
    first, second = items(text, configured())
    assert (first.title, second.title) == ("青柳县推进农村公路建设", "图书馆里年味浓")


def test_a_closing_exclamation_is_not_the_next_headline() -> None:
    """It keeps a long exclamation that ends an article ("…,日子更红火!") in its body."""
    cheer = "新的一年,让我们鼓足干劲,把家乡的路修得更宽更好,让日子更红火!"
    text = page(
        article("把路修到群众心坎上", [P[0], P[1], cheer]),
        article("让河道重现清流(来论)", [P[10], P[11]]),
    )
    first, second = items(text)
    assert first.paragraphs[-1] == cheer
    assert (second.kicker, second.title) == ("", "让河道重现清流")


def test_a_short_line_ending_in_a_colon_leads_into_the_body() -> None:
    """It reads "专家建议:" under a title as the body's first line, not as a subtitle."""
    text = page(article("节后如何调养", ["专家建议:", P[4], P[5]]))
    (only,) = items(text)
    assert (only.title, only.subtitle) == ("节后如何调养", "")
    assert only.paragraphs[0].startswith("专家建议:")


def test_a_section_number_under_a_headline_is_not_part_of_it() -> None:
    """It keeps a bare section number ("一") under a title out of the headline."""
    text = page(article("河湾村的新年", ["一", P[4], P[5], "二", P[6]]))
    (only,) = items(text)
    assert (only.title, only.subtitle) == ("河湾村的新年", "")
    assert only.section_heads == ("一", "二")


def test_a_summary_subtitle_in_sentences_before_a_dateline_is_the_subtitle() -> None:
    """It reads a summary line that ends with "。" between a title and a dateline as the
    subtitle: nothing else stands there."""
    summary = "县长指出,要把乡村公路建设同产业发展结合起来。要让每一条新路都成为群众的致富路。"
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        article("青柳县召开农村公路建设推进会", ["本报青柳1月5日电(记者 郑远)" + P[0], P[1]]),
    )
    text = text.replace(
        "青柳县召开农村公路建设推进会\n", "青柳县召开农村公路建设推进会\n\n" + summary + "\n"
    )
    _first, second = items(text)
    assert (second.title, second.subtitle) == ("青柳县召开农村公路建设推进会", summary)


def test_the_briefs_of_a_collection_stay_in_it_though_each_has_a_dateline() -> None:
    """It keeps the briefs under a collection label ("速览"), each with its own title and
    "本报…电" dateline, in the collection's one article."""
    text = page(
        "速览",
        "县图书馆春节不打烊",
        "本报青柳1月5日电(记者 吴晨)" + P[7],
        "河道治理见成效",
        "本报青柳1月5日电(记者 郑远)" + P[10],
        P[11],
    )
    (only,) = items(text)
    assert only.title == "速览"
    assert P[11] in only.paragraphs


def test_a_headline_over_a_lead_on_the_time_of_the_event_starts_an_article() -> None:
    """It starts an article at a short headline whose first paragraph opens on a date
    ("1月5日,…"), after an article of another subject."""
    text = page(
        article("大棚蔬菜走俏节日市场", [P[4], P[5], P[6]]),
        article("县图书馆春节不打烊", ["1月5日," + P[7], P[8], P[9]]),
    )
    first, second = items(text)
    assert second.title == "县图书馆春节不打烊"
    assert P[6] in first.paragraphs


def test_a_letter_closing_line_over_its_signature_and_note_is_not_a_headline() -> None:
    """It keeps "此致 敬礼!", the writer's name and the "(作者为…)" note at the end of the
    letter, not as a new article."""
    text = page(
        article("写给家乡的一封信", ["亲爱的爸爸妈妈:", P[0], P[2]]),
        "祝家乡越来越好!",
        "王桂芳",
        "(作者为青柳县驻外务工人员)",
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
    )
    first, second = items(text)
    assert first.paragraphs[-1] == "(作者为青柳县驻外务工人员)"
    assert "祝家乡越来越好!" in first.paragraphs
    assert second.title == "河道治理见成效"


def test_a_labelled_photo_keeps_a_long_caption_and_the_credits_under_it() -> None:
    """It keeps a "图片报道" item whole, however many caption paragraphs it has, with a
    graphics credit printed under the photographer's."""
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        "图片报道",
        P[4],
        P[5],
        P[6],
        "图为河湾村的蔬菜大棚。",
        "本报记者 林小雨摄",
        "制图:周远",
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
    )
    _, photo, last = items(text)
    assert photo.kind == "photo"
    assert photo.paragraphs[0] == P[4]
    assert photo.paragraphs[-1] == "制图:周远"
    assert last.title == "河道治理见成效"


def test_a_kicker_in_full_sentences_over_a_tagged_title_is_the_kicker() -> None:
    """It reads a long kicker ending in "——", written in sentences, as the kicker of the
    title below it when that title carries a column tag."""
    kicker = "三年修路一百二十公里,沿线十四个村的农产品当天就能运进县城。记者日前走访青柳县——"
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        kicker,
        "路通了 日子活了(蹲点调研)",
        P[0],
        P[1],
    )
    first, second = items(text)
    assert (second.kicker, second.title, second.column) == (kicker, "路通了 日子活了", "蹲点调研")
    assert kicker not in first.paragraphs


def test_a_drawing_credit_with_its_source_is_a_credit() -> None:
    """It reads "周远图(新华社发) 林雨文" under a commentary as a credit, not a headline."""
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        "周 远图(新华社发) 林 雨文",
        article("让河道重现清流", [P[10], P[11]]),
    )
    first, second = items(text)
    assert second.title == "让河道重现清流"
    assert first.paragraphs[-1] == "周 远图(新华社发) 林 雨文"


_PROFILE = (
    "腊月二十六,老周一早就到了渔港。作为人大代表,他这一年在渔港里走了上百条渔船,"
    "把渔民的意见一条条记进小本子。",
    "“渔船越造越大,可渔民的出路还得多想想。”老周翻着小本子说,今年他要把渔民转产的建议"
    "带上两会,小本子上记下的渔民意见已有四十多条。",
    "天黑了,渔港的灯一盏盏亮起来。老周合上小本子,又去了下一条渔船,听渔民说说心里话。",
)
_NOTE = (
    "跟着老周在渔港走了一天,记者看到的是一个把渔民的话放在心上的代表。小本子上的每一条意见,"
    "都是他在渔船上一句句问出来的。",
    "渔民信得过老周,因为老周的小本子里记的都是渔民的心里话。代表离渔民近,建议才实在。",
    "小本子越记越厚,渔港里的建议也越来越多。老周说,这些意见他要一条条带上两会。",
)


def test_a_reporters_note_under_the_story_it_comments_on_is_part_of_it() -> None:
    """It keeps "…(记者手记)" printed right under the story it is about (they share their
    words) as a subhead of that story, and the note's text in its body."""
    text = page(
        article("小本子记下渔民心里话(代表履职故事)", _PROFILE, kicker="人大代表老周——"),
        *article("代表离渔民近(记者手记)", _NOTE),
    )
    (only,) = items(text)
    assert only.title == "小本子记下渔民心里话"
    assert only.section_heads == ("代表离渔民近(记者手记)",)
    assert _NOTE[1] in only.paragraphs


def test_a_reporters_note_after_another_story_is_an_item_of_its_own() -> None:
    """It starts a new item at "…(记者手记)" when the story above is about something else."""
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], *P[8:12]]),
        *article("代表离渔民近(记者手记)", _NOTE),
    )
    library, note = items(text)
    assert note.title == "代表离渔民近" and note.column == "记者手记"
    assert P[11] in library.paragraphs


def test_a_note_under_its_own_label_line_closes_the_story_above() -> None:
    """It reads the title under a "■记者手记" line as a subhead of the story above, even
    when the note is too short to compare its words."""
    text = page(
        article("小本子记下渔民心里话", _PROFILE, kicker="人大代表老周——"),
        "■记者手记",
        "代表离渔民近",
        "1月5日," + _NOTE[1],
    )
    (only,) = items(text)
    assert only.title == "小本子记下渔民心里话"
    assert "代表离渔民近" in only.section_heads and only.paragraphs[-1].endswith(_NOTE[1])


def test_a_pull_quote_in_a_commentary_does_not_make_the_next_title_a_subhead() -> None:
    """It does not count a sentence printed large inside a commentary as a subhead, so the
    next headline, with no dateline, still starts an article."""
    text = page(
        article("让每个岗位都闪光(乡村时评)", [P[0], P[1]]),
        "肯吃苦的干劲,让每一个平凡的岗位都闪闪发光",
        P[2],
        P[3],
        article("县图书馆春节不打烊", ["1月5日," + P[7], P[8], P[9]]),
    )
    comment, library = items(text)
    assert library.title == "县图书馆春节不打烊"
    assert P[3] in comment.paragraphs


def test_a_report_with_the_papers_own_dateline_after_agency_briefs_is_its_own_item() -> None:
    """It ends a collection of briefs ("简讯", each closed by "(据新华社…电)") at a piece
    that closes with the paper's own "(本报…电)": that piece is an article of its own."""
    text = page(
        "简讯",
        "河道治理见成效",
        P[10],
        "(据新华社青柳电 记者郑远)",
        "图书馆春节不打烊",
        P[7],
        "(据新华社青柳电 记者吴晨)",
        "大棚蔬菜走俏",
        P[4],
        P[5],
        "(本报青柳电)",
    )
    briefs, own = items(text)
    assert briefs.title == "简讯" and P[7] in briefs.paragraphs
    assert own.title == "大棚蔬菜走俏" and own.paragraphs[:2] == (P[4], P[5])


def test_a_lead_sentence_ending_in_a_dash_is_body_not_headline() -> None:
    """It keeps a short opening sentence that leads into the paragraph below with "——"
    in the body, not in the headline above it."""
    lead = "腊月二十八,上午九时,一场特别的村民议事会在河湾村拉开序幕——"
    text = page(article("村里的事大家商量着办", [lead, P[4], P[5]]))
    (only,) = items(text)
    assert only.title == "村里的事大家商量着办" and only.subtitle == ""
    assert only.paragraphs[0].startswith(lead)


def test_the_source_under_a_chart_stays_with_its_article() -> None:
    """It keeps the line after "数据来源:" (the source's name, short like a title) with the
    article above, out of the next headline."""
    text = page(
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
        "数据来源:",
        "县文化和旅游局",
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
    )
    library, river = items(text)
    assert library.paragraphs[-1].endswith("县文化和旅游局")
    assert river.title == "河道治理见成效" and river.kicker == ""


def test_a_data_box_is_never_a_headline() -> None:
    """It reads a data box ("120公里" over the sentence it explains) under a headline as
    the start of that article's text, and one at the end of an article as part of it,
    apart from the next headline."""
    text = page(
        "乡村公路通到家门口",
        "120公里",
        "青柳县今年新建乡村公路120公里",
        "本报青柳1月5日电(记者 郑远)" + P[0],
        P[1],
        "3.5万人",
        "新路通车后受益群众3.5万人",
        "县图书馆春节不打烊(乡村时评)",
        P[7],
        P[8],
    )
    road, library = items(text)
    assert road.title == "乡村公路通到家门口"
    assert road.paragraphs[0].startswith("120公里")
    assert road.paragraphs[-1].endswith("新路通车后受益群众3.5万人")
    assert (library.kicker, library.title) == ("", "县图书馆春节不打烊")
