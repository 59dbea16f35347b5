"""The splitter on the conventions of an e-paper's article list: documents printed in full
under their dated title, labels ("青柳走基层", "数说青柳") that title an item whose text opens
with the headlines printed under them, subtitles over datelines, letters' signatures,
photo titles and sidebars."""

from __future__ import annotations

from digests.model import Article
from digests.split import split_text
from tests.builders.pages import LONG_PARA, PARAS, article, page, profile_options

P = PARAS
# A dated report that stands first on the page, before the item each test is about.
RIVER_REPORT = article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]])
# Seven paragraphs, some 700 characters, with no subhead: an article at full length.
LONG_STRETCH = tuple(LONG_PARA + P[i] for i in range(7))


def items(text: str) -> list[Article]:
    return [a for p in split_text(text, profile_options()) for a in p.articles if a.kind != "ad"]


def test_a_document_under_its_dated_title_starts_an_item() -> None:
    """It starts a new item at a document's title over the date it was issued, and keeps
    the date as the subtitle."""
    for date in ("(2019年1月3日)", "(二〇一九年二月三日)"):
        text = page(
            article("青柳县召开春耕生产动员会", ["本报讯(记者 吴晨)" + P[0], P[1], P[2]]),
            "关于加强乡村公路养护工作的意见",
            date,
            P[3],
            "一、总体要求",
            P[10],
            P[11],
        )
        meeting, document = items(text)
        assert (document.title, document.subtitle) == ("关于加强乡村公路养护工作的意见", date)
        assert document.paragraphs[0] == P[3]
        assert document.section_heads == ("一、总体要求",)
        assert meeting.paragraphs[-1] == P[2]


def test_a_label_over_a_headline_titles_the_item_on_an_e_paper_list() -> None:
    """It reads a column label set right over a headline, on a page with no boxed reporter
    lines, as the item's title, with the headline lines opening its text."""
    text = page(
        RIVER_REPORT,
        "青柳走基层",
        "急诊室的除夕夜",
        "守护平安的一线医生",
        "本报记者 孙海",
        LONG_PARA,
        P[3],
    )
    river, night = items(text)
    assert night.title == "青柳走基层"
    assert "".join(night.paragraphs).startswith("急诊室的除夕夜守护平安的一线医生")
    assert night.paragraphs[-1] == P[3]
    assert river.paragraphs[-1] == P[11]


def test_a_data_label_keeps_its_figures_in_one_item() -> None:
    """It keeps the figures printed under "数说青柳", each with its own headline, as one item
    titled by the label, even when a slogan stands right above the label."""
    text = page(
        RIVER_REPORT,
        "看青柳新貌 品百味人生",
        "数说青柳",
        "120公里 今年新建乡村公路",
        "本报青柳1月5日电 " + P[0],
        "300亩 河湾村大棚面积",
        "本报青柳1月6日电 " + P[5],
    )
    figures = items(text)[-1]
    assert figures.title == "数说青柳"
    assert figures.section_heads == ("120公里 今年新建乡村公路", "300亩 河湾村大棚面积")
    assert figures.paragraphs[-1].endswith(P[5])


def test_a_second_headline_line_over_a_dateline_is_not_an_author_line() -> None:
    """It keeps a short second headline line that happens to read like names ("边检查边规范
    边发现边整改") in the headline when the report under it opens on its dateline."""
    text = page(
        RIVER_REPORT,
        "青柳县启动乡村公路联合检查",
        "边检查边规范 边发现边整改",
        "本报青柳1月6日电(记者 吴晨)" + P[3],
        P[1],
    )
    check = items(text)[-1]
    assert (check.title, check.subtitle) == (
        "青柳县启动乡村公路联合检查",
        "边检查边规范 边发现边整改",
    )
    assert check.paragraphs[0].startswith("本报青柳1月6日电")


def test_a_kicker_that_starts_with_reporter_is_not_a_byline() -> None:
    """It reads "记者年前走访村务议事" over a tagged title as the kicker, not as reporters."""
    text = page(
        RIVER_REPORT,
        "记者年前走访村务议事",
        "村子大家管,日子更美满(社会治理在身边)",
        P[4],
        P[5],
    )
    village = items(text)[-1]
    assert (village.kicker, village.title) == ("记者年前走访村务议事", "村子大家管,日子更美满")
    assert village.byline == ""


RIVER = (
    "青柳河治理工程完工后,河道两岸的绿道和亲水平台向市民开放,每天清晨和傍晚都有不少市民"
    "来这里散步健身。工程负责人说,治理后的河段水质稳定,鱼类和水鸟明显增多。"
)


def test_a_sidebar_tagged_as_a_link_stays_with_its_story() -> None:
    """It keeps a "(链接)" box on the subject of the story above inside that story."""
    text = page(
        article(
            "青柳河治理工程完工",
            ["本报青柳1月5日电(记者 郑远)" + P[10], P[11], RIVER],
        ),
        "青柳河治理工程完工后河道水质达标(链接)",
        "青柳河治理工程清淤十八公里,河道两岸新建绿道和亲水平台,治理后的河段水质稳定达到三类"
        "标准,鱼类和水鸟明显增多。工程负责人表示,青柳河治理工程完工后将建立长效管护机制,"
        "河道清淤和绿道养护都有专人负责,两岸村民也参与巡河,发现问题及时报告,确保治理成效"
        "长期保持,让青柳河成为市民散步的好去处。",
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
    )
    river, library = items(text)
    assert river.paragraphs[-1].startswith("青柳河治理工程清淤")
    assert library.title == "县图书馆春节不打烊"


def test_a_photo_series_name_closes_the_photo_above_it() -> None:
    """It ends a photo item at the series name printed under its caption ("青柳影像"),
    so the name is not read as a kicker of the next headline."""
    text = page(
        "河湾新春(动感青柳)",
        "1月5日,河湾村村民在新修的广场上舞龙迎新春。",
        "青柳影像",
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
    )
    photo, library = items(text)
    assert photo.paragraphs[-1] == "青柳影像"
    assert (library.kicker, library.title) == ("", "县图书馆春节不打烊")


def test_a_figure_line_over_the_dateline_is_the_subtitle() -> None:
    """It reads "5300多万人受益" between a title and the dateline as the subtitle, not as
    a data box inside the article."""
    text = page(
        RIVER_REPORT,
        "青柳县乡村公路通车里程突破一千公里",
        "30多万人受益",
        "本报青柳1月6日电(记者 吴晨)" + P[0],
        P[1],
    )
    road = items(text)[-1]
    assert (road.title, road.subtitle) == ("青柳县乡村公路通车里程突破一千公里", "30多万人受益")
    assert road.section_heads == ()


def test_a_tagged_title_keeps_the_subtitle_printed_over_the_dateline() -> None:
    """It keeps a short line between a tagged title and the dateline as the subtitle."""
    text = page(
        RIVER_REPORT,
        "乡村公路养护新规出台(权威发布)",
        "养护责任落实到村",
        "本报青柳1月6日电(记者 吴晨)" + P[3],
        P[2],
    )
    rule = items(text)[-1]
    assert (rule.title, rule.subtitle, rule.column) == (
        "乡村公路养护新规出台",
        "养护责任落实到村",
        "权威发布",
    )
    assert rule.section_heads == ()


def test_a_letters_signature_and_date_stay_in_the_letter() -> None:
    """It keeps the signer and the date under a letter in its text: the name is not a
    headline and the date does not open a new page."""
    text = page(
        article(
            "县长给河湾村村民回信", ["本报青柳1月6日电 " + P[4], P[5], "祝大家新春快乐,阖家幸福。"]
        ),
        "王建国",
        "2019年1月21日",
        P[6],
        RIVER_REPORT,
    )
    pages = split_text(text, profile_options())
    assert len(pages) == 1
    letter, river = items(text)
    assert letter.paragraphs[-3:] == ("王建国", "2019年1月21日", P[6])
    assert river.title == "河道治理见成效"


def test_a_photo_title_that_reads_like_a_name_titles_the_photo() -> None:
    """It reads "龙灯会" over a caption and the photographer's credit as the photo's title,
    not as the author of the article above."""
    text = page(
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11], P[0], P[1]]),
        "龙灯会",
        "1月5日,河湾村村民在新修的广场上舞龙迎新春,吸引了周边村镇的群众前来观看。",
        "本报记者 林小雨摄",
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
    )
    river, photo, library = items(text)
    assert (photo.kind, photo.title) == ("photo", "龙灯会")
    assert river.paragraphs[-1] == P[1]
    assert library.title == "县图书馆春节不打烊"


def test_closing_dash_lines_at_the_foot_of_the_page_end_the_last_article() -> None:
    """It keeps "——…!" lines printed after the last paragraph in the last article."""
    text = page(
        RIVER_REPORT,
        "——美哉,青柳河!",
        "——壮哉,新家园!",
    )
    (river,) = items(text)
    assert river.paragraphs[-2:] == ("——美哉,青柳河!", "——壮哉,新家园!")


def test_a_further_reading_box_with_its_own_headline_stays_with_its_story() -> None:
    """It keeps a "延伸阅读" box in the story above even when the box carries its own
    headline and follows a closing note."""
    text = page(
        article("青柳河治理工程完工", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
        "(文中图片由县水利局提供)",
        "延伸阅读",
        "这些河道管护规定要记牢",
        P[3],
    )
    (river,) = items(text)
    assert river.paragraphs[-1] == P[3]


def test_a_headline_after_a_full_length_column_piece_opens_the_next_article() -> None:
    """It starts a new article at a headline after a column's commentary that ran its full
    length without a subhead, though nothing else marks the start."""
    text = page(
        "让乡村公路成为致富路(今日谈)",
        P[0] + P[1],
        P[2] + P[3],
        LONG_PARA + P[9],
        LONG_PARA + P[4],
        LONG_PARA + P[5],
        LONG_PARA + P[6],
        LONG_PARA + P[10],
        LONG_PARA + P[11],
        "河湾村的大棚四季常青",
        P[7],
        P[8],
    )
    comment, village = items(text)
    assert (comment.title, comment.column) == ("让乡村公路成为致富路", "今日谈")
    assert (village.title, village.paragraphs) == ("河湾村的大棚四季常青", (P[7], P[8]))


def test_a_short_column_piece_keeps_its_first_subhead() -> None:
    """It keeps a subhead in a tagged feature when the text above it is still short."""
    text = page(
        "让乡村公路成为致富路(一线调研)",
        P[0],
        P[1],
        P[2],
        "养护责任落实到村",
        P[3],
    )
    (feature,) = items(text)
    assert feature.section_heads == ("养护责任落实到村",)


def test_a_question_after_a_long_untitled_stretch_stays_in_the_interview() -> None:
    """It keeps an interview's question ("问:…") in the article however long the text
    above it ran without a subhead."""
    text = page(
        "乡村公路怎么养护",
        *LONG_STRETCH,
        "问:养护资金从哪里来?",
        P[7],
    )
    (interview,) = items(text)
    assert interview.paragraphs[-1] == P[7]


def test_a_boxed_label_after_a_long_untitled_stretch_stays_in_the_article() -> None:
    """It keeps a "■小贴士" box in the article above however long that article ran
    without a subhead."""
    text = page("乡村公路怎么养护", *LONG_STRETCH, "■小贴士", P[7])
    (guide,) = items(text)
    assert guide.paragraphs[-1] == P[7]


def test_a_question_subhead_after_a_long_stretch_stays_in_the_commentary() -> None:
    """It keeps a question ("如何…?") heading a commentary's later part in the commentary
    however long the text above it ran."""
    text = page("乡村公路养护要有长效机制(财经观)", *LONG_STRETCH, "如何让养护资金用在实处?", P[7])
    (comment,) = items(text)
    assert comment.section_heads == ("如何让养护资金用在实处?",)


def test_a_series_of_a_column_over_a_headline_titles_the_item() -> None:
    """It reads "青柳走基层·节日里的坚守" over a piece's headline as the item's title, like
    the column label itself, and keeps the next piece in the item."""
    text = page(
        RIVER_REPORT,
        "青柳走基层·节日里的坚守",
        "巡查河道 守护安全(见图)",
        "本报记者 孙海摄影报道",
        LONG_PARA,
        "随车过节 保障平安",
        "本报记者 吴晨",
        P[3],
    )
    series = items(text)[-1]
    assert (series.title, series.subtitle) == ("青柳走基层·节日里的坚守", "")
    assert series.paragraphs[0].startswith("巡查河道 守护安全(见图)")
    assert series.paragraphs[-1] == P[3]


def test_a_summary_line_over_the_lead_box_is_the_subtitle() -> None:
    """It reads the long summary line between a tagged title and the box that opens the
    article ("本文导读", "开篇的话", a boxed point "■…") as the subtitle, not as the article's
    first paragraph."""
    short = "在山区办起流动图书站、开设乡村夜校,一本本好书走进了千家万户"
    long = short + ",村民的书架越来越满,夜校的灯越亮越晚"
    for box, summary in (("本文导读", short), ("开篇的话", long), ("■" + P[5], short)):
        text = page(
            RIVER_REPORT,
            "书香进山村(解码·乡村文化新风)",
            summary,
            box,
            P[3],
            P[4],
        )
        river, books = items(text)
        assert (books.title, books.subtitle, books.column) == (
            "书香进山村",
            summary,
            "解码·乡村文化新风",
        )
        assert books.paragraphs[0].startswith(box)
        assert river.paragraphs[-1] == P[11]


def test_a_question_title_keeps_its_column_tag() -> None:
    """It takes the column tag off a title that ends in a question or an exclamation mark
    ("…吗?(说道)"), so the title starts an item of that column."""
    for title in ("快递包装,能不能少一点?", "乱收费,停了!"):
        text = page(RIVER_REPORT, *LONG_STRETCH, f"{title}(说道)", P[3], P[4])
        river, piece = items(text)
        assert river.paragraphs[-1] == LONG_STRETCH[-1]
        assert (piece.title, piece.column) == (title, "说道")
        assert piece.paragraphs == (P[3], P[4])


def test_a_kicker_trailing_off_heads_the_tagged_title_below() -> None:
    """It reads a line that trails off ("……") right over a tagged title as the kicker;
    a story's last sentences that trail off stay its text."""
    kicker = "书屋找回了人气,流动服务扩大了范围……"
    text = page(RIVER_REPORT, kicker, "乡亲们的书,如何送到家门口(解码·乡村文化)", P[3], P[4])
    river, books = items(text)
    assert (books.kicker, books.title, books.column) == (
        kicker,
        "乡亲们的书,如何送到家门口",
        "解码·乡村文化",
    )
    assert river.paragraphs[-1] == P[11]
    ending = "半夜,果然起风了。风声越来越紧……"
    text = page(article("风口上的小站(遇见)", [P[0], P[1], ending]), "油站的春天(泥土芬芳)", P[3])
    wind, spring = items(text)
    assert wind.paragraphs[-1] == ending
    assert (spring.kicker, spring.title) == ("", "油站的春天")


def test_a_long_dash_kicker_over_a_title_and_its_boxed_points() -> None:
    """It reads a sentence-long "——" kicker at the top of the page, over a title whose text
    opens with boxed points ("■…"), as the headline's kicker, not as an untitled item."""
    kicker = "“绿色乡村”主题展在省城博物馆开幕,全省十个村的治理经验赢得数百名参观者的一致好评——"
    text = page(kicker, "“把好经验带回自己村”", "■" + P[3], "■" + P[4], P[5], RIVER_REPORT)
    show, river = items(text)
    assert (show.kicker, show.title) == (kicker, "“把好经验带回自己村”")
    assert show.paragraphs == ("■" + P[3], "■" + P[4], P[5])
    assert river.title == "河道治理见成效"


def test_a_still_photographer_credit_stays_with_its_review() -> None:
    """It reads "剧照摄影:…" after a review as a credit that stays with the review, not as
    the headline of an item of its own."""
    review = article("乡土舞剧的立身之本", LONG_STRETCH)
    text = page(review, "剧照摄影:刘海", "制图:蔡华", article("非遗进校园(谈艺录)", [P[3]]))
    found = items(text)
    assert [a.title for a in found] == ["乡土舞剧的立身之本", "非遗进校园"]
    assert "剧照摄影:刘海" in "".join(found[0].paragraphs)


def test_a_short_title_between_paragraphs_is_no_author_line() -> None:
    """It does not take a short title that reads as a name ("应聘"), set between the end of
    one story and the caption below it, for the story's author."""
    text = page(article("道口上的最后一个春运", [P[0], P[1], P[2]]), "应聘", P[3])
    found = items(text)
    assert all(a.byline != "应聘" for a in found)
    assert "应聘" in [a.title for a in found] + list(found[0].section_heads)
    # Text cut mid-sentence around the name: pieces out of order, and the name signs one.
    text = page(
        "深入推进改革实践",
        P[0],
        P[2][:-1] + ",这项工作还需要在实践中不断",
        "蒋建国",
        "探索前进,不可避免地会遇到一些新情况。",
        P[1],
    )
    (signed,) = items(text)
    assert signed.byline == "蒋建国"


def test_opening_hours_with_a_remark_are_no_column_tag() -> None:
    """It does not read the remark after opening hours ("时间:9:00—17:00(节假日休息)") as a
    column tag, so the sidebar stays with its story."""
    text = page(
        RIVER_REPORT,
        "花市里的年味",
        *LONG_STRETCH[:3],
        "■小贴士",
        "县文化馆一楼设有年宵花展销区,市民可以现场挑选,也可以预约送花上门。",
        "时间:9:00—11:00和14:00—17:00(节假日休息)",
        "地点:青柳县文化馆一楼",
        "花市节日期间照常开放,并增设便民服务点,欢迎市民前来选购年宵花。",
    )
    _river, market = items(text)
    assert market.title == "花市里的年味"
    assert "时间:9:00—11:00和14:00—17:00(节假日休息)" in "".join(market.paragraphs)
    assert market.column == ""


def test_a_submission_address_on_two_lines_stays_with_its_column() -> None:
    """It keeps "栏目投稿邮箱:" and the address on the line below with the column piece
    above, as its last lines, instead of making a headline of them."""
    text = page(
        article("化风成俗,从细处做起(一线行走)", LONG_STRETCH),
        "栏目投稿邮箱:",
        "qingliu2019@example.com",
        article("河道治理见成效", ["本报青柳1月5日电(记者 郑远)" + P[10], P[11]]),
    )
    column, river = items(text)
    assert column.section_heads == ()
    assert column.paragraphs[-2:] == ("栏目投稿邮箱:", "qingliu2019@example.com")
    assert river.title == "河道治理见成效"


def test_a_subhead_in_sentences_after_a_long_stretch_stays_in_the_report() -> None:
    """It keeps a long subhead with a "——" inside ("科学设计,稳步推进——规划…") in the report
    it sits in, even after 700 characters without a subhead."""
    subhead = "科学设计,稳步推进——先画图纸再动工的整村规划,全县乡村振兴实现良好开局"
    text = page(article("着眼发展大局,共享时代荣光", LONG_STRETCH), subhead, P[3], P[4])
    (report,) = items(text)
    assert report.section_heads == (subhead,)
    assert report.paragraphs[-1] == P[4]


def test_a_boxed_label_after_a_closing_note_stays_in_the_package() -> None:
    """It keeps a boxed label ("■专家观点") right after a piece's closing note in the
    package, as the box it sets off."""
    text = page(
        article("美好而充实的一天(讲述)", [P[0], P[1], "(本报记者 吴晨、郑远)"]),
        "■专家观点",
        "他们眼里有光芒",
        P[2],
        P[3],
    )
    (package,) = items(text)
    assert package.paragraphs[-1] == P[3]


def test_an_editors_note_box_is_an_item_titled_by_its_label() -> None:
    """It lists "编者按" standing alone at the top of a page, or after a closing note, as an
    item titled "编者按" whose text opens with the line below ("本期主题:…")."""
    note = ["编者按", "本期主题:乡村振兴", P[5], "——编 者"]
    essay = article("乡村振兴的新路子(人民观察)", [P[0], P[1], "(作者为青柳县委党校教授)"])
    for parts in ((*note, essay), (essay, *note)):
        found = items(page(*parts))
        box = next(a for a in found if a.title == "编者按")
        assert box.paragraphs[0].startswith("本期主题:乡村振兴")
        assert [a.title for a in found if a is not box] == ["乡村振兴的新路子"]


def test_a_long_stated_kicker_over_a_tagged_title() -> None:
    """It reads a long statement without a stop ("截至去年底,…已运送旅客13万人次") between
    the end of one story and a tagged title as the title's kicker."""
    kicker = (
        "截至去年底,青柳县承建的第一条按新标准修建的乡村公路已累计运送沿线十四个村的旅客十三万人次"
    )
    text = page(RIVER_REPORT, kicker, "“这条路为我们的发展增添动力”(乡村振兴)", P[3], P[4])
    river, road = items(text)
    assert (road.kicker, road.title, road.column) == (
        kicker,
        "“这条路为我们的发展增添动力”",
        "乡村振兴",
    )
    assert river.paragraphs[-1] == P[11]


def test_a_spaced_link_label_after_the_closing_note_stays_with_the_story() -> None:
    """It keeps a "链 接" box (the label spaced out, on a line of its own) after a story's
    closing note with that story."""
    story = article(
        "河湾村的新年", ["本报青柳1月5日电(记者 郑远)" + P[0], P[1], "(本报青柳1月5日电)"]
    )
    text = page(story, "链 接", P[2], P[3], article("青柳中学举办科技节", [P[4], P[5]]))
    village, school = items(text)
    assert village.paragraphs[-1] == P[3]
    assert school.title == "青柳中学举办科技节"


def test_a_headline_that_names_who_attended_starts_a_report() -> None:
    """It starts a report at a three-line headline whose last line names the leaders who
    attended ("…陪同考察", "…参加会见"), even when its text shares the words of the letter
    printed above it."""
    letter = article(
        "县委书记给青柳中学学生回信",
        [
            "本报青柳1月5日电 " + P[0],
            "青柳中学的同学们:",
            P[1],
            P[2],
            P[3],
            "王明",
            "2019年1月21日",
            P[4],
        ],
    )
    for attended in ("李强陪同考察", "李强赵红参加会见"):
        text = page(
            letter,
            "县委书记春节前夕看望慰问一线职工",
            "向全县干部职工致以新春祝福",
            attended,
            "■" + P[1],
            "■" + P[2],
            P[3],
            P[4],
        )
        reply, visit = items(text)
        assert (visit.title, visit.subtitle) == ("向全县干部职工致以新春祝福", attended)
        assert reply.paragraphs[-1] == P[4]


def test_a_notice_keeps_its_issuing_body_and_date() -> None:
    """It keeps the issuing body and the date under "特此公告。" as the notice's last lines,
    instead of dropping the date as a page date and heading the next item with the body."""
    text = page(
        "青柳县人民代表大会常务委员会公告",
        "[十七届]第五号",
        "青柳县第十七届人民代表大会第三次会议补选王明为县人民代表大会代表。",
        "特此公告。",
        "青柳县人民代表大会常务委员会",
        "2019年2月27日",
        RIVER_REPORT,
    )
    notice, river = items(text)
    assert notice.paragraphs[-2:] == ("青柳县人民代表大会常务委员会", "2019年2月27日")
    assert river.title == "河道治理见成效"


def test_a_statement_over_a_short_title_starts_a_news_story() -> None:
    """It starts a story at a two-line headline of a statement over a short title
    ("…实施强村领航工程" over "让弱村变强 把强村做优") with text right under it, even
    after a long feature with subheads; a figure line under a statement stays a subhead."""
    feature = article("乡村里的新年", [P[0], P[1], "集市上的年味", *LONG_STRETCH[:4]])
    text = page(feature, "青柳县河湾镇实施强村领航工程", "让弱村变强 把强村做优", P[5], P[6])
    village, scheme = items(text)
    assert (scheme.kicker, scheme.title) == (
        "青柳县河湾镇实施强村领航工程",
        "让弱村变强 把强村做优",
    )
    assert village.section_heads == ("集市上的年味",)
    spaced = "放出活力 管出公平 服出便利"  # 14 with its spaces, 12 characters
    text = page(feature, "各地各部门深化改革,加快政府职能转变", spaced, P[5], P[6])
    _village, reform = items(text)
    assert (reform.kicker, reform.title) == ("各地各部门深化改革,加快政府职能转变", spaced)
    text = page(feature, "党建引领,楼栋小组一级级连起来", "412个楼栋小组各管一片", P[5])
    (one,) = items(text)
    assert one.paragraphs[-1] == P[5]


def test_the_letters_page_columns_title_their_items() -> None:
    """It lists a letter under the letters page's column labels ("乡音", "邻里事") as an
    item titled by the label, with the letter's own title opening its text."""
    letters = article("出游,背上文明的行囊(来信综述)", [P[0], P[1], "辽宁大连市 王艺"])
    text = page(
        letters,
        "乡音",
        "农村交通设施应提升",
        P[2],
        "河北保定 李明",
        "邻里事",
        "乡村僵尸企业应予重视",
        P[3],
    )
    summary, advice, nearby = items(text)
    assert (advice.title, advice.paragraphs[0]) == ("乡音", "农村交通设施应提升")
    assert (nearby.title, nearby.paragraphs[0]) == ("邻里事", "乡村僵尸企业应予重视")
    assert summary.title == "出游,背上文明的行囊"


def test_the_first_headline_after_an_editors_note_is_a_subhead() -> None:
    """It keeps the first headline after an article's editor's note ("编者按:…") in the
    article, as the subhead that opens the feature the note introduces, though the text
    below it opens like a new story ("2月10日,…")."""
    note = "编者按:年味最是故乡浓。本版推出系列报道,记者回到家乡,记录身边的变化。"
    heading = "山坳里建起了一座木耳烘干车间"
    after = ["2月10日," + P[7], P[8], P[9], *(LONG_PARA + P[i] for i in (2, 3, 4))]
    text = page(article("小香菇成大产业(经济聚焦·回乡看变化)", [note, P[0], P[1]]), heading, *after)
    (feature,) = items(text)
    assert feature.section_heads == (heading,)
    assert feature.paragraphs[-1] == LONG_PARA + P[4]


def test_boxed_summary_points_under_a_headline_are_text() -> None:
    """It reads boxed summary points ("■原则上…不低于20%") under a headline as the
    article's text, not as a headline of their own."""
    points = [
        "■原则上县担保基金承担的风险责任比例均不低于百分之二十",
        "■重点支持单户担保金额五百万元及以下的小微企业",
    ]
    text = page(
        RIVER_REPORT,
        "县政府办公室印发意见",
        "为小店和农户的贷款担保兜底",
        *points,
        "本报青柳2月14日电 " + P[3],
        P[4],
    )
    river, opinion = items(text)
    headline = {opinion.kicker, opinion.title, opinion.subtitle}
    assert {"县政府办公室印发意见", "为小店和农户的贷款担保兜底"} <= headline
    assert opinion.paragraphs[:2] == tuple(points)
    assert (opinion.paragraphs[-1], river.paragraphs[-1]) == (P[4], P[11])


def test_lines_of_a_data_box_do_not_start_an_item() -> None:
    """It keeps a data box's own lines ("2018年中山市——" over "12%", "邮政业务总量12.7
    亿件" over "17万人次") in the article they sit in, instead of reading them as the
    headline of an item that the box opens."""
    story = article("让进城务工的人安下家", list(LONG_STRETCH[:4]))
    for lead in ("2018年青柳县——", "邮政业务总量12.7亿件"):
        text = page(
            story, lead, "12%", "教育、社保、医疗支出13亿元,占财政支出的12%", "6135", P[5], P[6]
        )
        (one,) = items(text)
        assert one.title == "让进城务工的人安下家"
        assert one.paragraphs[-1] == P[6]


def test_further_reading_stays_with_the_story_whatever_its_words() -> None:
    """It keeps a "(延伸阅读)" box in the story above even when the box shares few of the
    story's words: further reading belongs to the story by what it is."""
    text = page(
        article("厚植金融伦理土壤(财经观)", list(LONG_STRETCH[:3])),
        "警惕网络平台卖保险“大忽悠”(延伸阅读)",
        "近期,部分保险营销人员在自媒体平台发布误导性信息,消费者应当通过正规渠道了解产品条款。",
        P[9],
        article("县图书馆春节不打烊", ["本报讯(记者 吴晨)" + P[7], P[8]]),
    )
    finance, library = items(text)
    assert finance.paragraphs[-1] == P[9]
    assert library.title == "县图书馆春节不打烊"


def test_an_agency_line_under_a_caption_and_a_layout_credit_are_no_kickers() -> None:
    """It closes a photo at the agency's name under its caption ("青柳视觉") and keeps a
    "版面设计:…" credit with the article above, so neither becomes the next kicker."""
    for closing in ("青柳视觉", "版面设计:王明"):
        text = page(
            "背井离乡",
            "2月9日,青柳县的乡亲们在车站送别外出务工的亲人。",
            closing,
            RIVER_REPORT,
        )
        found = items(text)
        assert found[-1].kicker == "" and found[-1].title == "河道治理见成效"


def test_a_notice_signed_and_dated_on_one_line_keeps_it() -> None:
    """It keeps a notice's issuer and date printed on one line ("青柳县创业大赛组委会
    2019年2月26日") as the notice's last line, not as furniture after the page's text."""
    signed = "青柳县创业大赛组委会  2019年2月26日"
    text = page(RIVER_REPORT, "青柳县第二届创业大赛公告", P[3], signed)
    river, notice = items(text)
    assert notice.paragraphs[-1].split() == signed.split()
    assert river.paragraphs[-1] == P[11]


def test_the_lead_under_a_full_headline_is_text() -> None:
    """It reads a summary line between a three-line headline (kicker, title, subtitle)
    and the dateline as the story's lead, not as more of its headline."""
    lead = (
        "春节期间(除夕至初六),青柳县银联网络交易总金额达一点一亿元,"
        "比去年春节增长两成,消费升级的特征显著"
    )
    text = page(
        RIVER_REPORT,
        "春节期间",
        "银联网络交易超一亿",
        "消费升级特征显著",
        lead,
        "本报青柳2月11日电 " + P[3],
    )
    river, report = items(text)
    assert river.paragraphs[-1] == P[11]
    assert (report.kicker, report.title, report.subtitle) == (
        "春节期间",
        "银联网络交易超一亿",
        "消费升级特征显著",
    )
    assert report.paragraphs[0].startswith(lead)
