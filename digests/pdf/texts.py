"""Text patterns the PDF route needs beside the type itself: headers, credits, markers."""

from __future__ import annotations

import re

_NUM = r"[0-9０-９一二三四五六七八九十]+"

DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
WEEKDAY = re.compile(r"星期[一二三四五六日天]")
PAGE_NO = re.compile(r"第?\s*(\d{1,3})\s*版")
CONTINUED_TO = re.compile(rf"[（(]\s*(?:下转|转)\s*第?\s*({_NUM})\s*版\s*[)）]")
CONTINUED_FROM = re.compile(rf"[（(]\s*(?:上接|接)\s*第?\s*({_NUM})\s*版\s*[)）]")
# Picture and page credits: not articles, never body text.
CREDIT = re.compile(
    r"^(?:[（(]?\s*(?:制图|图表|绘图|漫画|插图|设计|版式设计|责编|本版责编|责任编辑|美编|校对)"
    r"\s*[:：]\s*\S.{0,30}|.{0,40}(?:摄|供图|制图|绘)[)）]?)$"
)
CAPTION_START = re.compile(r"^(?:图为|上图|下图|左图|右图|图\s*[:：]|图片说明)")
AUTHOR_NOTE = re.compile(r"^[（(]\s*作者(?:为|单位|系|是|：|:)")
BYLINE_TEXT = re.compile(
    r"^(?:[□■◎]\s*)?(?:本报记者|本报通讯员|记者|通讯员|新华社记者|本报特约评论员|本报评论员)"
    r"|^(?:新华社|本报)\S{0,12}电|^本报讯"
)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def page_number(text: str) -> int | None:
    """A number written in Arabic, full-width or simple Chinese numerals (up to 99)."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (_CN_DIGITS.get(ones, 0) if ones else 0)


def is_name_line(text: str) -> bool:
    """Two to four Chinese characters per name, a few names: how bylines are set."""
    names = text.replace("\u3000", " ").split()
    if not names or len(names) > 6:
        return False
    joined = "".join(names)
    return 2 <= len(joined) <= 16 and all("\u4e00" <= c <= "\u9fff" or c == "·" for c in joined)
