"""The splitter's walk down a page: forked readings stay apart, and a caller may fix the
reading of the blocks that are weighed."""

from __future__ import annotations

from pathlib import Path

from digests.loader import load_lexicon
from digests.split import SplitOptions, split_text
from digests.split.blocks import Block, group_blocks
from digests.split.lines import classify, page_lines
from digests.split.page import build_drafts
from digests.split.walk import Walk
from tests.builders.pages import LONG_PARA, PARAS, article, page

CONFIG = Path(__file__).resolve().parents[3] / "config"


def test_a_forked_walk_leaves_the_original_unchanged() -> None:
    """It copies the article being assembled, so a subhead added to the fork is not in the
    original walk, while finished articles are shared."""
    lex = load_lexicon(CONFIG)
    walk = Walk()
    walk.block(0, ("第一篇的标题",), True, lex)
    other = walk.fork()
    other.block(1, ("一个小标题",), False, lex)
    assert walk.draft is not None and other.draft is not None
    assert walk.draft.entries == []
    assert other.draft.entries == [("sub", "一个小标题")]
    other.block(2, ("第二篇的标题",), True, lex)
    assert len(walk.drafts) == 1 and len(other.drafts) == 2


def test_a_fixed_reading_decides_every_weighed_block() -> None:
    """It starts an article at each weighed block the caller says starts one, and reads
    the others as subheads."""
    lex = load_lexicon(CONFIG)
    text = page("村里的新年", PARAS[1], PARAS[2], "灯笼挂起来", PARAS[3], "集市热起来", PARAS[4])
    tokens = group_blocks(classify(page_lines(text), lex), lex)
    blocks = [t for t, tok in enumerate(tokens) if isinstance(tok, Block)]
    every = build_drafts(tokens, lex, fixed=lambda _tokens, _t, _draft: True)
    none = build_drafts(tokens, lex, fixed=lambda _tokens, _t, _draft: False)
    assert len(blocks) == 3
    assert [d.head for d in every] == [tokens[t].lines for t in blocks]  # type: ignore[union-attr]
    assert len(none) == 1
    assert [x for k, x in none[0].entries if k == "sub"] == ["灯笼挂起来", "集市热起来"]


def test_on_a_page_of_signed_pieces_an_unsigned_headline_is_still_weighed() -> None:
    """It starts an article at a headline with no author line under it on a page whose
    other pieces carry one, when the text below is about something else: an untagged
    commentary or feature on an opinion page, not a subhead of the piece above."""
    books = [
        "读者服务部还为返乡的青年办理了借书证,方便他们假期里借阅农业技术和职业培训类书籍。",
        "图书馆计划在全县每个乡镇设立分馆,让村民在家门口就能借到新书、参加读书活动。",
    ]
    swim = [
        "冬泳爱好者在湖面破冰下水,岸边围观的人们不时鼓掌叫好。",
        "组织者介绍,参加活动的泳友年龄最大的七十八岁,最小的只有十九岁。",
        "医护人员在岸边搭起帐篷,为上岸的泳友准备了热姜汤和毛毯。",
        "一位泳友说,坚持冬泳十几年,身体比以前结实多了,很少感冒。",
        "活动持续了一个上午,主办方还为坚持全程的泳友颁发了纪念奖章和一份热乎乎的早餐。",
    ]
    text = page(
        article("把路修到群众心坎上", [PARAS[0], PARAS[1], PARAS[3]], byline=["王建国"]),
        article("让书香飘满乡村", [*PARAS[7:10], *books], byline=["李秀英"]),
        article("破冰而游", swim),
    )
    options = SplitOptions(lexicon=load_lexicon(CONFIG))
    arts = [a for p in split_text(text, options) for a in p.articles]
    assert [(a.title, a.byline) for a in arts] == [
        ("把路修到群众心坎上", "王建国"),
        ("让书香飘满乡村", "李秀英"),
        ("破冰而游", ""),
    ]
    assert arts[1].section_heads == ()


def test_a_long_first_part_does_not_settle_that_a_numbered_subhead_starts_a_story() -> None:
    """A report that has run its full length without a subhead is evidence that the next
    headline starts a new story, not a verdict: a numbered subhead under it ("二、…") still
    heads the report's second part."""
    first_part = [
        "".join(PARAS[0:4]),
        "".join(PARAS[4:8]),
        "".join(PARAS[8:12]),
        LONG_PARA,
        "沿线村庄的客运班车从每天两班增加到六班,学生放学后半小时内就能到家,外出务工的村民"
        "也不用再绕远路去镇上坐车。",
        "县里还在每个行政村设了快递收发点,农产品网上卖出后当天就能发出,去年全县农村网店"
        "销售额比前年翻了一番。",
        "交通运输部门的调查显示,公路通车后沿线村民到县城看病的平均时间缩短了四十分钟,村里"
        "的小卖部和农家乐生意也跟着好了起来。",
        "今年春天,县里还将启动第二批十二条村道的改造,计划在雨季到来之前完成路基和排水工程。",
    ]
    text = page(
        article("乡村公路通到家门口", first_part, byline=["□ 本报记者 周晓岚"]),
        "二、养护有人管",
        "县交通局今年为每条村道配备了两名护路员,每周巡查一次路面和边沟。",
        "护路员发现坑槽后当天上报,三天内完成修补,全年修补路面一千多处。",
    )
    (report,) = split_text(text)[0].articles
    assert report.section_heads == ("二、养护有人管",)
