"""Builders for page text: small newspaper pages written for the tests.

All wording here is made up for the tests (a fictional county, 青柳县); none of it comes
from a real newspaper. A page is built from parts as a PDF-to-text export prints them: one
line per headline line or paragraph, blank lines between them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from digests.split import SplitOptions
from digests.split.lexicon import Lexicon

# Paragraphs that end a sentence; each is distinct so tests can find it in the output.
PARAS = (
    "青柳县今年新建乡村公路一百二十公里,沿线十四个村的农产品可以当天运到县城市场。",
    "县交通局负责人介绍,新路全部按照双车道标准修建,并在急弯处加装了防护栏和反光标志。",
    "村民王桂芳说,过去去一趟镇上要走两个小时,现在坐班车二十分钟就到了,孩子上学也方便多了。",
    "下一步,县里将把养护责任落实到村,每条路都有专人巡查,发现问题及时修补。",
    "清晨六点,河湾村的蔬菜大棚里已经亮起了灯,种植户们忙着采摘当天要送出的黄瓜和番茄。",
    "合作社理事长介绍,今年大棚面积扩大到三百亩,带动周边八十多户村民在家门口就业。",
    "县农业农村局派出技术员驻村指导,帮助种植户改进滴灌和温控设备,亩均收入明显提高。",
    "县图书馆春节期间照常开放,每天接待读者近千人次,少儿阅览室尤其热闹。",
    "馆长介绍,今年新增图书两万册,并开通了线上借阅,读者在家就能预约取书。",
    "志愿者们在馆内开设书法和剪纸课堂,吸引了不少家长带着孩子一起参加。",
    "青柳河治理工程已完成河道清淤十八公里,两岸新建绿道和亲水平台,成为市民散步的好去处。",
    "工程负责人表示,治理后的河段水质稳定达到三类标准,鱼类和水鸟明显增多。",
)

# A long paragraph that a column break can cut in two (see ``broken``).
LONG_PARA = (
    "县医院急诊科主任李明远已经连续第五年在除夕夜值班,他说急诊室的灯一刻也不能熄,"
    "只要有病人来就必须有人在,这是医生的本分,也是对群众的承诺。"
)

CREDIT = "本报记者 林小雨摄"


def broken(para: str, at: int) -> tuple[str, str]:
    """A paragraph cut mid-sentence at a column break: (first part, second part)."""
    return para[:at], para[at:]


def page(*parts: str | Iterable[str], header: Sequence[str] = ()) -> str:
    """Page text: header lines, then every part (a line or lines), blank lines between."""
    lines: list[str] = list(header)
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
        else:
            lines.extend(part)
    return "\n\n".join(lines) + "\n"


def article(
    title: str,
    body: Sequence[str],
    *,
    kicker: str = "",
    subtitle: str = "",
    byline: Sequence[str] = (),
) -> list[str]:
    """The lines of one article as printed: headline block, byline lines, paragraphs."""
    head = [x for x in (kicker, title, subtitle) if x]
    return [*head, *byline, *body]


def issue(*pages: str, separator: str = "\f") -> str:
    """An issue: pages one after the other, separated by form feeds (or other text)."""
    return separator.join(pages)


def profile_lexicon() -> Lexicon:
    """The splitter's words for a made-up paper, 青柳日报: its profile (as a
    config/papers/*.toml would hold) on top of the common defaults."""
    return Lexicon().extended(
        {
            "column_labels": ["青柳走基层", "乡音", "邻里事"],
            "collection_labels": ["数说青柳", "青柳来论"],
            "body_starters": ["本文导读", "开篇的话"],
            "photo_series": ["青柳影像", "青柳视觉"],
        }
    )


def profile_options() -> SplitOptions:
    return SplitOptions(lexicon=profile_lexicon())
