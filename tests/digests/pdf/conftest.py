"""A theory page of our own making, drawn as a PDF: every layout rule of the PDF route in
one page (text written for these tests)."""

from __future__ import annotations

import pytest

from digests.model import Article
from tests.builders.pdfs import Drawer, PdfBuilder

OLD_TOWN = (
    "古城是一座城市的记忆，也是一方百姓的精神家园。近年来，各地在古城保护上投入了大量心血，"
    "修缮城墙、疏浚河道、恢复老街，让许多濒临消失的历史风貌重新展现在人们眼前。",
    "保护古城，首先要守住它的格局。街巷的走向、院落的尺度、建筑的高低，都是前人留下的智慧，"
    "不能因一时之便随意改动。规划先行、底线清晰，才能避免建设性破坏。",
    "保护古城，还要留住生活在其中的人。只有居民安居乐业，古城才有烟火气；如果只剩下游客和商铺，"
    "再精美的建筑也会失去灵魂。改善基础设施、完善公共服务，是留住居民的关键。",
    "古城的价值不仅在于建筑，更在于代代相传的手艺、节庆和故事。把非遗项目请进街巷，"
    "让老手艺人开门授徒，让年轻人在传承中创新，文化才能真正活起来。",
    "数字技术为古城保护打开了新的窗口。通过三维扫描建立建筑档案，通过线上展览讲述城市故事，"
    "既能为修缮提供依据，也能让更多人足不出户领略古城之美。",
    "古城保护离不开持续投入。探索政府引导、社会参与、市场运作相结合的模式，合理发展文化旅游，"
    "把保护成果转化为发展动力，才能走出一条良性循环之路。",
    "守护好古城，就是守护好我们共同的根与魂。只要坚持保护第一、传承为要、合理利用，"
    "古城一定能在新时代焕发出更加迷人的光彩。",
    "（作者为某大学历史文化学院教授）",
)
OLD_TOWN_HEADS = {3: "让文化活起来", 5: "让发展可持续"}
RIVER = (
    "春日的清晨，沿着村口的小河慢慢走，水面清澈见底，岸边的柳树抽出新芽。"
    "几年前，这里还是一条垃圾漂浮、气味难闻的臭水沟。",
    "变化始于一次村民议事会。大家商定，先清淤泥、再截污水、后种花草，每户出工出力，"
    "村里请来技术人员帮助设计方案。",
    "如今，小河成了村民散步聊天的好去处，不少在外打工的年轻人也回到家乡，"
    "开起了民宿和农家乐，日子越过越红火。（下转第六版）",
)
LIBRARY = (
    "走进社区图书馆，书架整齐，灯光柔和，几位老人正戴着老花镜读报，"
    "孩子们围坐在地毯上听志愿者讲故事。",
    "图书馆每周开放六天，还定期举办读书分享会和亲子阅读活动。馆长说，"
    "希望每个家庭都能养成读书的习惯，让书香飘进千家万户。",
    "阅读改变的不只是知识，还有一个社区的气质。邻里之间因为一本好书结缘，"
    "交流多了，关系也更融洽了。",
)


def draw_theory_page(d: Drawer) -> None:
    d.line(330, 22, "2024年3月5日 星期二", 9)
    d.line(480, 18, "第05版：理论", 14)
    # A three-column article: kicker, overprinted title, subtitle, byline, two subheads.
    d.line(120, 58, "为乡村振兴注入文化动力", 14)
    d.line(60, 80, "让古城文脉在新时代延续", 26, bold=True)
    d.line(110, 116, "——关于古城保护的几点思考", 12)
    d.line(190, 138, "李文华", 10.5)
    boxes = [(30, 160, 147, 425), (161, 160, 278, 425), (292, 160, 409, 425)]
    d.columns(boxes, OLD_TOWN, heads=OLD_TOWN_HEADS)
    d.rule(30, 440, 410)
    # A two-column report with its byline in body type and a continuation note.
    d.line(100, 458, "小河变清了\u3000村民笑开了", 22)
    d.line(150, 490, "本报记者\u3000王晓明", 9)
    d.columns([(30, 510, 211, 640), (228, 510, 409, 640)], RIVER)
    # A framed article with its title and byline set vertically at the right.
    d.frame(425, 60, 570, 430)
    d.vertical(540, 80, "书香润万家", 20)
    d.vertical(520, 100, "陈思远", 10)
    d.columns([(432, 70, 513, 425)], LIBRARY)
    # A photo with its caption and credit, a framed slogan, an editor's line.
    d.picture(425, 450, 145, 90)
    d.line(425, 548, "图为古城南门夜景，灯火映照着修", 8)
    d.line(425, 560, "缮一新的城楼。", 8)
    d.line(500, 574, "本报记者\u3000张建国摄", 8)
    d.frame(425, 620, 570, 660)
    d.line(432, 632, "深入学习贯彻会议精神", 13)
    d.line(400, 820, "本版责编：刘一鸣　邮箱：llb@example.cn", 8)


@pytest.fixture(scope="session")
def theory_pdf() -> bytes:
    return PdfBuilder().page(draw_theory_page).build()


def made_up_paragraphs(topic: str, count: int) -> tuple[str, ...]:
    """Plain paragraphs about a topic, each different, written for the tests."""
    openings = ("说起", "谈到", "围绕", "关于", "聚焦", "着眼")
    middles = (
        "大家有很多话想说，有人讲经验，有人提建议，讨论热烈而务实。",
        "基层干部和群众一起想办法，把难题一件件摆上桌面，逐条研究解决。",
        "专家建议立足实际，分步推进，既要算经济账，也要算长远账。",
        "不少地方已经先行先试，积累了一些可复制、可推广的做法。",
    )
    return tuple(
        f"{openings[i % len(openings)]}{topic}的第{i + 1}个问题，"
        f"{middles[i % len(middles)]}{middles[(i + 1) % len(middles)]}"
        for i in range(count)
    )


FARMS = made_up_paragraphs("高标准农田建设", 9)
WATER = made_up_paragraphs("农村饮水安全", 3)
NOTES = (
    made_up_paragraphs("社区食堂", 1),
    made_up_paragraphs("旧物回收", 1),
    made_up_paragraphs("夜间公交", 1),
)


def draw_column_page(d: Drawer) -> None:
    """An L-shaped article whose third column runs down beside the article under it, and a
    column of three short notes parted by rules, their titles no bigger than subheads, one
    with its byline set in display type."""
    d.line(480, 18, "第09版：观察", 14)
    d.line(60, 60, "把高标准农田建在群众心坎上", 24)
    d.columns([(30, 100, 147, 250), (161, 100, 278, 250), (292, 100, 409, 520)], FARMS)
    d.rule(30, 262, 278)
    d.line(50, 272, "一口井带来的新变化", 20)
    d.columns([(30, 305, 147, 520), (161, 305, 278, 520)], WATER)
    for i, (title, note) in enumerate(
        zip(("社区食堂开张了", "旧物有了新去处", "夜班车开到村口"), NOTES, strict=True)
    ):
        top = 60 + i * 160
        if i:
            d.rule(430, top - 12, 565)
        d.line(440, top, title, 14.5 if i == 1 else 12.6)
        if i == 1:
            d.line(470, top + 20, "赵一鸣", 11.5)
        d.columns([(430, top + 42, 565, top + 145)], note)


@pytest.fixture(scope="session")
def column_pdf() -> bytes:
    return PdfBuilder().page(draw_column_page).build()


def body_of(article: Article) -> tuple[str, ...]:
    """An article's paragraphs without its subheads (which both routes keep in the text,
    each before the paragraph it heads)."""
    return tuple(p for p in article.paragraphs if p not in article.section_heads)
