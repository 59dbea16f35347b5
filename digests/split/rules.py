"""Recognisers for the lines of a newspaper page: each a small pure function of one line.

They are public so the PDF route (digests.pdf) can classify its text blocks the same way;
what a headline's own lines say is in digests.split.heading.
Every function accepts the line as printed (full- or half-width punctuation) and compares
on the NFKC form.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from digests.split.lexicon import Lexicon
from digests.textrepair import collapse_doubled, ends_sentence, has_doubling, unbalanced

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}

_DATE_LINE = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(?:星期|周)[一二三四五六日天])?"
    r"(?:\s*(?:农历[\u4e00-\u9fff]{2,8}|第\d+期|[\u4e00-\u9fff]{2,8}报))*$"
)
_HEADER_NUMBERED = re.compile(r"^第\s*0*(\d{1,3})\s*版\s*[:：]?\s*([\u4e00-\u9fff·]{1,8})?$")
_HEADER_PLAIN = re.compile(r"^0*(\d{1,3})\s*版\s*[:：]?\s*([\u4e00-\u9fff·]{1,8})$")
_HEADER_PDF = re.compile(r"^(\d{1,3})\s*([\u4e00-\u9fff·]{1,12}?)\s*(\d{1,3})$")
_CONTINUATION = re.compile(
    r"[（(]\s*(下转|上接|转|接)\s*第?\s*([一二三四五六七八九十\d]{1,3})\s*版\s*[）)]"
)
_CREDIT_WORD = (
    r"(?:版式设计|版面设计|版式|版面|美编|制图|图表|绘图|插图|漫画|本期统筹|稿件统筹|统筹|策划|责编|责任编辑|"
    r"图片来源|图片说明|图片提供|数据来源|资料来源|设计|图|摄影|摄像|视觉)"
)
# "本版制图:…", "版式、制图:…", "剧照摄影:…": a page's layout and graphics credits.
_CREDIT_PREFIX = re.compile(
    rf"^(?:本版|本期|剧照|题图|组图|配图)?{_CREDIT_WORD}(?:[、/]{_CREDIT_WORD})*\s*[:：]"
)
_PHOTO_CREDIT = re.compile(
    r"^[^。，,；;！？!?]{1,30}?摄(影)?(报道)?\s*([（(][^（）()]{1,12}[）)])?$"
)
_PROVIDED = re.compile(r"^(?:图片|照片|资料)?由[^。，,；;！？!?]{1,30}提供$")
# A contact line (an e-mail address, a QR code to scan, "投稿邮箱:" over the address)
# printed under a column.
_CONTACT = re.compile(r"[\w.\-]+@[\w\-]+\.[\w.]+|扫描?二维码|扫码|邮箱[:：]$")
_CLOSING_NOTE = re.compile(r"^[（(][^（）()。；;!?！？]{2,58}[）)]$")
_SIGNATURE = re.compile(
    r"^([\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|旗|盟|镇|乡|村))\s+([\u4e00-\u9fff·\s]{2,8})$"
)
_DRAWN_CREDIT = re.compile(
    r"^[^。，,；;！？!?]{1,12}[图画](?:\s*[（(][^（）()]{1,8}[）)])?\s+[^。，,；;！？!?]{1,8}文$"
)
KICKER_STATEMENT = 14  # characters: a kicker stating the news; its title is shorter
_AUTHOR_NOTE = re.compile(r"^[（(]\s*作者(为|单位|系|是|简介|[:：])")
_END_MARKER = re.compile(
    r"^[（(]\s*(本报|新华社|中新社|据|记者|作者|摘编|摘自|来源|原载|人民日报|相关报道|"
    r"文中|转载|[\u4e00-\u9fff、]{0,30}(?:采访)?整理)"
)
_ROLE = (
    r"(?:本报特约记者|本报记者|本报通讯员|特约记者|见习记者|实习生|通讯员|记者|"
    r"文\s*/\s*图|摄影记者)"
)
_BYLINE_LINE = re.compile(rf"^[□■◇◆●○]?\s*{_ROLE}\s*[:：]?\s*\S")
_BYLINE_REST = re.compile(rf"^(?:[\u4e00-\u9fff·]{{1,5}}|{_ROLE}|[\s、,，:：]+)+$")
_DATELINE = re.compile(
    r"^\s*(本报讯|据?(?:本报|新华社|中新社|人民网|新华网|央视)(?:[\u4e00-\u9fff、]{1,12})?"
    r"(?:\d{1,2}月\d{1,2}日)?电)\s*(?:[（(]([^（）()]{1,60})[）)])?"
)
_COLUMN_TAG = re.compile(r"[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]\s*$")
_CLOCK = re.compile(r"\d[:：]\d\d")
_FULL_STOP = re.compile(r"[。；;,，、]$")  # a title may end in "!" or "?" before its tag
# The boxes and bullets that set off a reporter line or a label ("□ 本报记者", "■小贴士").
BOX_MARKS = "□■◇◆●○"
_NAME_SEP = re.compile(r"[\s、，,]+")


@dataclass(frozen=True, slots=True)
class PageHeader:
    """A page header line: its page number and name, either of which may be missing."""

    number: int | None
    name: str


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# Round and square brackets carry column tags, closing notes and numbers, not quotations.
_NOT_QUOTES = frozenset("()[]{}《》〈〉【】〔〕")


def is_open_quote(ch: str) -> bool:
    """An opening quotation mark of any script: “ ‘ 「 『 《 « " (Unicode Pi, or Ps other
    than round and square brackets), so every paper's quote style reads the same."""
    if ch == '"':
        return True
    return len(ch) == 1 and ch not in _NOT_QUOTES and unicodedata.category(ch) in ("Pi", "Ps")


def is_close_quote(ch: str) -> bool:
    """A closing quotation mark of any script: ” ’ 」 』 》 » " (Pf, or Pe but brackets)."""
    if ch == '"':
        return True
    return len(ch) == 1 and ch not in _NOT_QUOTES and unicodedata.category(ch) in ("Pf", "Pe")


def strip_close_quotes(text: str) -> str:
    """The text without the closing quotation marks at its end."""
    end = len(text)
    while end and is_close_quote(text[end - 1]):
        end -= 1
    return text[:end]


def date_line(line: str) -> dt.date | None:
    """The date printed in a page header such as "2031年3月5日星期三"."""
    m = _DATE_LINE.match(nfkc(line).strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def page_header(line: str) -> PageHeader | None:
    """Page header lines: "第02版：要闻", "2版 要闻", or the PDF's "7理论理论7"."""
    text = nfkc(line).strip()
    m = _HEADER_NUMBERED.match(text) or _HEADER_PLAIN.match(text)
    if m:
        return PageHeader(int(m.group(1)), m.group(2) or "")
    m = _HEADER_PDF.match(text)
    if m and m.group(1) == m.group(3) and len(m.group(2)) >= 2:
        return PageHeader(int(m.group(1)), collapse_doubled(m.group(2)))
    return None


def continuation(text: str) -> tuple[str, int] | None:
    """("下转"/"上接", page) for a continuation note such as "(下转第二版)"."""
    m = _CONTINUATION.search(nfkc(text))
    if not m:
        return None
    kind = "下转" if m.group(1) in ("下转", "转") else "上接"
    return kind, cn_number(m.group(2))


def strip_continuation(text: str) -> str:
    """The paragraph without its "(下转第二版)" / "(上接第一版)" note."""
    return _CONTINUATION.sub("", text).strip()


def cn_number(text: str) -> int:
    """ "二" -> 2, "十二" -> 12, "12" -> 12."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS.get(ch, 0)
    return value


def is_banner(line: str, lex: Lexicon) -> bool:
    """Banners and slogans printed across the page, not part of any article."""
    return bool(lex.banner_re.search(nfkc(line).strip()))


def is_column_label(line: str, lex: Lexicon) -> bool:
    """A column label printed on its own, such as "新春走基层"."""
    return nfkc(line).strip() in {nfkc(x) for x in lex.column_labels}


def is_credit(line: str) -> bool:
    """Photo, graphic and layout credits: "制图:林小雨", "新华社记者 方明远摄"."""
    text = nfkc(line).strip()
    if len(text) > 40:
        return False
    return bool(
        _CREDIT_PREFIX.match(text)
        or is_photo_credit(text)
        or _DRAWN_CREDIT.match(text)
        or _PROVIDED.match(text)
        or _CONTACT.search(text)
    )


def is_photo_credit(line: str) -> bool:
    """A photographer's credit that ends a photo caption: "本报记者 苏晓天摄"."""
    text = nfkc(line).strip()
    return len(text) <= 40 and bool(_PHOTO_CREDIT.match(text))


def is_author_note(line: str) -> bool:
    """ "(作者为某大学教授)" and the like, possibly still open (split in two)."""
    return bool(_AUTHOR_NOTE.match(nfkc(line).strip()))


def is_end_marker(line: str) -> bool:
    """A closing note that ends an article: "(新华社北京2月14日电)", "(作者单位:…)", and
    any short line wholly in parentheses ("(本系列评论到此结束)", "(王明参与采写)")."""
    text = nfkc(line).strip()
    if _CLOSING_NOTE.match(text) and not continuation(text):
        return True
    return len(text) <= 160 and text.endswith(")") and bool(_END_MARKER.match(text))


def kicker_over_title(kicker: str, title: str) -> bool:
    """A statement of the news over a short catchy line ("某县实施山村振兴行动"
    over "让小村变美 把大村做强"): a kicker and its title, not a title and its subtitle."""
    kicker, title = nfkc(kicker).strip(), nfkc(title).strip()
    return (
        len(kicker) >= KICKER_STATEMENT > len("".join(title.split()))
        and not is_open_quote(kicker[:1])
        and not kicker.endswith(("——", "...", ":"))
        and ":" not in kicker
        and "," not in title
        and not title.startswith(("——", "("))  # a subtitle, a document's date
        and not title[:1].isdigit()  # "120个社区夯实基础": a figure heads a section
    )


def is_signature(line: str, lex: Lexicon) -> bool:
    """A reader's letter signed with place and name: "青柳县 王桂芳", at the letter's end."""
    m = _SIGNATURE.match(nfkc(line).strip())
    return m is not None and is_name_line(m.group(2), lex)


def is_byline_line(line: str) -> bool:
    """A line that names the reporters: "□ 本报记者 方晴", "通讯员 林川 夏雨"."""
    text = nfkc(line).strip()
    if len(text) > 40 or ends_sentence(text) or is_photo_credit(text):
        return False
    m = _BYLINE_LINE.match(text)
    if m is None or not _BYLINE_REST.match(text[m.end() - 1 :]):
        return False
    # Two names run together are at most six characters; "记者年初走访山村书屋" is a kicker.
    runs = re.split(rf"{_ROLE}|[\s、,，:：{BOX_MARKS}]+", text)
    return all(len(run) <= 6 for run in runs)


def is_name_line(line: str, lex: Lexicon) -> bool:
    """A bare author line under a title: "林远山", "周 江 方晓川", "白云飞夏清和"."""
    text = nfkc(line).strip()
    if len(text) > 30:  # a few names, even doubled and spaced, are shorter
        return False
    if has_doubling(text, 2):
        text = collapse_doubled(text)
    parts = [p for p in _NAME_SEP.split(text) if p]
    if not parts or len("".join(parts)) > 12:
        return False
    if len(parts) > 1 and all(1 <= len(p) <= 3 for p in parts):
        # "周 江 方晓川": spaced single characters belong to one name.
        return _split_names("".join(parts), lex) is not None
    return all(_split_names(p, lex) is not None for p in parts)


def _split_names(text: str, lex: Lexicon) -> list[str] | None:
    """Split run-together names ("白云飞夏清") into 1-3 names each led by a surname."""
    if not text or not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in text):
        return None
    if any(word in text for word in lex.non_names):
        return None

    def split(rest: str, depth: int) -> list[str] | None:
        if not rest:
            return []
        if depth == 3:
            return None
        heads = [c for c in lex.compound_surnames if rest.startswith(c)]
        options: list[int] = []
        for head in heads:
            options += [len(head) + 1, len(head) + 2]
        if rest[0] in lex.surname_set:
            options += [3, 2]
        for size in options:
            if size <= len(rest):
                tail = split(rest[size:], depth + 1)
                if tail is not None:
                    return [rest[:size], *tail]
        return None

    return split(text, 0)


def dateline(paragraph: str) -> tuple[str, str] | None:
    """(dateline, reporters) at the start of a lead.

    "本报讯(记者 林小川)" gives ("本报讯", "记者 林小川").
    """
    m = _DATELINE.match(nfkc(paragraph))
    if not m:
        return None
    return m.group(1), (m.group(2) or "").strip()


def column_tag(title: str) -> tuple[str, str]:
    """Split a trailing "(column)" tag off a title: ("title", "column") or (title, "")."""
    text = title.rstrip()
    m = _COLUMN_TAG.search(text)
    if not m or m.start() < 2:
        return title, ""
    core, tag = text[: m.start()].rstrip(), m.group(1).strip()
    if not tag or len(tag) > 60 or _FULL_STOP.search(core) or core.endswith(("(", "（")):
        return title, ""
    if _CLOCK.search(core):
        return title, ""  # "时间:8:30—12:00(周日闭馆)": opening hours and a remark
    return core, tag


def is_ad_text(text: str, lex: Lexicon) -> bool:
    """Advertisement words or a phone/hotline number."""
    plain = nfkc(text)
    return any(word in plain for word in lex.ad_words) or bool(re.search(r"\d{5,}", plain))


def runs_on(line: str) -> bool:
    """A headline line whose quote or bracket closes on the next line."""
    return unbalanced(nfkc(line))
