"""Recognisers of what a headline's lines say: a line that could head an article, a
slogan's couplet, a document's date, who attended, a data box's figure, a section number,
a writer's name under a signed piece's title. Each a small pure function of one line (or
one block's lines), comparing on the NFKC form like digests.split.rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.split import rules as rules
from digests.split.lexicon import Lexicon
from digests.textrepair import ends_sentence

# The line of a news headline that names who attended ("某某陪同考察", "…某某主持").
_ATTENDANCE = re.compile(r"(?:陪同(?:考察|调研|会见)?|参加会见|出席(?:会议|活动)?|主持)$")
# The date line printed under the title of a document or a speech: "(2031年4月2日)",
# "(二〇三一年三月一日某市人民代表大会常务委员会第五次会议通过)".
_DOCUMENT_DATE = re.compile(
    r"^[（(](?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,3}月"
    r"[\d〇零一二三四五六七八九十]{1,3}日[^()（）]{0,60}[）)]$"
)
_COUPLET = re.compile(r"^([\u4e00-\u9fff]{4,5})(?:\s+[\u4e00-\u9fff]{4,5})+$")
_EXCLAIMED = re.compile(r"[,，].*(?:[!！]|…|\.\.\.)$")
_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})$|^[一二三四五六七八九十]{1,3}、")
# A piece's signature under its title: a place and a name ("河湾镇 周 岚"), a foreign name
# ("安娜·伊万诺娃") or one after its country in brackets ("(印度)拉吉")
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}\s+([\u4e00-\u9fff][\u4e00-\u9fff\s]{1,4})$")
_FOREIGN_NAME = re.compile(
    r"^(?:[(（][\u4e00-\u9fff]{2,8}[)）])?[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8}){1,2}$"
    r"|^[(（][\u4e00-\u9fff]{2,8}[)）][\u4e00-\u9fff]{2,5}$"
)
# A photo's caption opens on when the picture was taken ("2月6日,", "当地时间2月9日,") or
# on its number in a series ("图3:").
_CAPTION_OPENING = re.compile(
    r"^(?:(?:当地时间)?\d{1,2}月\d{1,2}日|近日|日前|图\s*\d{1,2}\s*[:：])"
)
_FIGURE = re.compile(
    r"^\d[\d.]{0,9}(?:%|(?:多|余)?(?:万|亿|万亿)?(?![年月日时])[\u4e00-\u9fff]{0,3})$"
)


def is_couplet(line: str) -> bool:
    """Two or more parallel phrases of the same length, four or five characters each:
    the shape of a slogan. Titles take this shape too, so the caller decides by where the
    line stands."""
    text = rules.nfkc(line).strip()
    m = _COUPLET.match(text)
    return m is not None and len({len(p) for p in text.split()}) == 1


def names_attendance(line: str) -> bool:
    """A headline line naming the leaders who attended ("某某某某…参加会见"): a subhead
    never says who came along, so the block heads a report."""
    text = rules.nfkc(line).strip()
    return len(text) <= 40 and bool(_ATTENDANCE.search(text))


def is_document_date(line: str) -> bool:
    """The dated line under a document's or a speech's title: part of its headline."""
    return bool(_DOCUMENT_DATE.match(rules.nfkc(line).strip()))


def is_figure(text: str) -> bool:
    """The figure of a data box: a number and its unit ("239家", "3.57万亿", "83.9分")."""
    return bool(_FIGURE.match(text))


def is_signed_piece(lines: Sequence[str], lex: Lexicon) -> bool:
    """A title over its writer's name ("我的新年 | 河湾镇 周 岚"): one piece of a package of
    signed pieces (readers' letters, voices from abroad), which the paper lists as one."""
    if len(lines) < 2:
        return False
    last = rules.nfkc(lines[-1]).strip()
    if _FOREIGN_NAME.match(last):
        return True
    m = _PLACE_NAME.match(last)
    return m is not None and rules.is_name_line(m.group(1), lex)


def heading_like(line: str, lex: Lexicon, max_len: int = 40) -> bool:
    """A short line that could be a headline, kicker, subtitle or subhead."""
    text = rules.nfkc(line).strip()
    key = "".join(text.split())
    core, tag = rules.column_tag(text)
    if tag:
        key = "".join(core.split())
    if not key or len(key) > max_len or "。" in text[:-1]:
        return False
    if ends_sentence(text) and not (
        rules.is_close_quote(text[-1:]) or text.endswith(("!", "?", "！", "？"))
    ):
        return False
    if text.endswith((",", "、", ";", "，", "；")):
        return False
    if text.startswith("——编") or key in lex.body_starters or key.startswith("【"):
        return False
    if text.endswith((":", "：")) and len(key) > 12:
        return False
    if _EXCLAIMED.search(rules.strip_close_quotes(text)) and len(key) > 20:
        return False  # a closing exclamation ("…,把日子过得更好!") is a sentence
    return not _quote_is_speech(text)


def _quote_is_speech(text: str) -> bool:
    """A closing quote after a full stop ends a quoted sentence, not a quoted title."""
    bare = rules.strip_close_quotes(text)
    return len(bare) < len(text) and bare.endswith(("。", "！", "？", "!", "?"))


def is_numbered(line: str) -> bool:
    """A section number on its own ("二") or leading a subhead ("二、…")."""
    return bool(_NUMERAL.match(rules.nfkc(line).strip()))


def opens_caption(text: str) -> bool:
    """The first words of a photo's caption: the day it was taken, or its number."""
    return bool(_CAPTION_OPENING.match(rules.nfkc(text).strip()))
