"""The words the splitter recognises page furniture by, as one frozen value.

The defaults here are what Chinese dailies commonly print; a newspaper's own banners,
column labels, collection labels and advertisement words live in its profile,
``config/papers/<slug>.toml`` (see :func:`digests.loader.load_lexicon`). Keeping them
in a value rather than in module globals lets tests and the PDF route pass their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from types import MappingProxyType
from typing import Any

from digests.split.weights import START_WEIGHTS

# Common single-character surnames, most frequent first; names are 2-3 characters long.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米"
    "柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封"
    "谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
    "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母"
    "裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣"
    "信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容")

DEFAULT_BANNERS = (
    r"^(深入|认真|全面)?学习(宣传)?贯彻.{2,40}(精神|思想)(.{0,4}系列.{0,8})?$",
    r"^(庆祝|纪念).{2,20}(周年|华诞)$",
    r"^(不忘初心|牢记使命)[ ,，、]*(不忘初心|牢记使命)?$",
)
DEFAULT_COLUMN_LABELS = ("走基层",)
DEFAULT_PHOTO_LABELS = ("图片报道", "图片新闻", "新闻图片", "图说", "看图", "漫画")
DEFAULT_COLLECTION_LABELS = ("简讯", "新闻简讯", "短讯", "速览", "快讯")
DEFAULT_AD_WORDS = (
    "热线",
    "电话",
    "咨询",
    "投诉建议",
    "广告",
    "招聘",
    "招商",
    "地址",
    "优惠",
    "欢迎来电",
    "服务热线",
    "联系人",
    "二维码",
    "扫码",
)
DEFAULT_BODY_STARTERS = ("编者按", "编者的话", "阅读提示", "导读")
# Weights of the signs that a headline block starts an article (digests.split.score).
DEFAULT_START_WEIGHTS: Mapping[str, float] = START_WEIGHTS


# The word lists config/splitter.toml may extend (surnames is a string, extended apart).
_EXTENDABLE_LISTS = (
    "banners",
    "column_labels",
    "photo_labels",
    "collection_labels",
    "ad_words",
    "body_starters",
    "compound_surnames",
    "non_names",
    "note_tags",
    "photo_series",
)


@dataclass(frozen=True, slots=False)
class Lexicon:
    """Furniture and label words; every field may be extended from config/splitter.toml."""

    banners: tuple[str, ...] = DEFAULT_BANNERS
    column_labels: tuple[str, ...] = DEFAULT_COLUMN_LABELS
    photo_labels: tuple[str, ...] = DEFAULT_PHOTO_LABELS
    collection_labels: tuple[str, ...] = DEFAULT_COLLECTION_LABELS
    ad_words: tuple[str, ...] = DEFAULT_AD_WORDS
    body_starters: tuple[str, ...] = DEFAULT_BODY_STARTERS
    surnames: str = SURNAMES
    compound_surnames: tuple[str, ...] = COMPOUND_SURNAMES
    # Notes and sidebars that belong to the story above them.
    note_tags: tuple[str, ...] = ("记者手记", "链接", "相关链接", "延伸阅读", "小贴士")
    non_names: tuple[str, ...] = field(default=("本报", "记者", "通讯员", "编者", "图片"))
    # A photo series' or agency's name on its own line closes the photo above it, as a
    # credit does.
    photo_series: tuple[str, ...] = ("新华社发",)
    start_weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_START_WEIGHTS)

    @cached_property
    def banner_re(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.banners) or r"(?!)")

    @cached_property
    def surname_set(self) -> frozenset[str]:
        return frozenset(self.surnames)

    @cached_property
    def _collection_heads(self) -> frozenset[str]:
        return frozenset((*self.collection_labels, *self.column_labels))

    def heads_collection(self, text: str) -> bool:
        """A label that titles the pieces printed under it ("速览"), or a column label set
        right over a headline ("走基层"): the e-paper lists the whole as one item under
        the label, with the pieces' headlines as its text."""
        return text in self._collection_heads or self.is_series_label(text)

    def is_series_label(self, text: str) -> bool:
        """A column label with the name of one series of it: "走基层·雪夜里的灯光",
        "走基层 山里的新校舍"."""
        for label in self.column_labels:
            rest = text[len(label) :]
            if text.startswith(label) and rest[:1] in ("·", " ") and 1 < len(rest) <= 12:
                return True
        return False

    def extended(self, extra: Mapping[str, object]) -> Lexicon:
        """A copy with the lists in ``extra`` (as read from TOML) appended to the defaults."""
        values: dict[str, Any] = {}  # field name -> its extended value
        for name in _EXTENDABLE_LISTS:
            more = extra.get(name)
            if isinstance(more, list):
                values[name] = _merge(getattr(self, name), (str(x) for x in more))
        weights = extra.get("start_weights")
        if isinstance(weights, Mapping):
            merged = {**self.start_weights, **{str(k): float(v) for k, v in weights.items()}}
            values["start_weights"] = MappingProxyType(merged)
        if isinstance(extra.get("surnames"), str):
            values["surnames"] = self.surnames + str(extra["surnames"])
        return replace(self, **values)


def _merge(base: tuple[str, ...], more: Iterable[str]) -> tuple[str, ...]:
    out = list(base)
    for item in more:
        if item and item not in out:
            out.append(item)
    return tuple(out)
