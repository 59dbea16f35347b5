"""What of an article may go into its summary: sentences of the body, without the rest.

Left out: datelines and bylines (本报讯(记者 …), 新华社…电, 本报北京…电（记者…）, □ 本报记者 …),
credits (本版制图：…, 本报记者 … 摄, 数据来源：…), author notes ((作者为…)), section heads (short
lines without a full stop), continuation markers ((下转第二版)) and any sentence that repeats
an earlier one. A dateline opening a sentence is cut off and the rest of the sentence kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from digests.sentences import char_len, ends_sentence, paragraphs, split_sentences

_P_OPEN, _P_CLOSE = "[（(]", "[）)]"
_PLACE_DATE = r"[\u4e00-\u9fff·]{0,12}\d{1,2}月\d{1,2}日"
# A dateline or byline at the start of a paragraph; what follows it is content.
_DATELINE_RE = re.compile(
    "^(?:"
    rf"(?:□|■|◆|●)?\s*本报讯\s*(?:{_P_OPEN}[^）)]{{0,40}}{_P_CLOSE})?"
    rf"|(?:本报|新华社|中新社|人民日报|央视|据新华社){_PLACE_DATE}?(?:专)?电\s*"
    rf"(?:{_P_OPEN}[^）)]{{0,40}}{_P_CLOSE})?"
    rf"|据[\u4e00-\u9fff]{{2,10}}报道[，,]"
    rf"|{_P_OPEN}记者[^）)]{{0,30}}{_P_CLOSE}"
    ")\\s*"
)
# Whole lines that are credits, bylines or notes, not content.
_CREDIT_RE = re.compile(
    "^(?:"
    r"(?:□|■|◆|●)\s*\S.{0,40}"  # □ 本报记者 何婧
    r"|(?:本报|特约|实习)?记者\s*[\u4e00-\u9fff·、\s]{2,30}"
    r"|(?:本报)?通讯员\s*[\u4e00-\u9fff·、\s]{2,30}"
    r"|.{0,40}(?:摄|摄影|供图|绘|制图)"
    r"|(?:本版|图表|图片)?(?:制图|责编|责任编辑|编辑|设计|校对|供图|图片来源|数据来源|来源)[：:].{0,80}"
    rf"|{_P_OPEN}(?:作者|本报记者|综合本报|本报|记者|新华社|据)[^）)]{{0,160}}{_P_CLOSE}"
    rf"|{_P_OPEN}[\u4e00-\u9fff·、]{{2,30}}\d{{1,2}}月\d{{1,2}}日电{_P_CLOSE}"
    ")$"
)
_MARKER_RE = re.compile(
    rf"{_P_OPEN}\s*(?:下转|上接|转|接)第?[\u4e00-\u9fff\d]{{1,4}}版\s*{_P_CLOSE}"
)
# An author note or reporting credit at the end of a paragraph.
_TRAILING_NOTE_RE = re.compile(
    rf"{_P_OPEN}(?:作者|本报记者|记者|综合本报)[^）)]{{0,160}}{_P_CLOSE}$"
)
_NON_WORD_RE = re.compile(r"[\W_]+")

# An unterminated line at most this long is a heading (小标题), not a sentence.
_MAX_HEADING = 40


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of an article's body that may go into its summary."""

    text: str
    paragraph: int  # index among content paragraphs
    index: int  # index within its paragraph
    order: int  # index among all units


def normalise(text: str) -> str:
    """Characters that carry content: NFKC, lower case, no spaces, punctuation or symbols."""
    return _NON_WORD_RE.sub("", unicodedata.normalize("NFKC", text).lower())


def strip_dateline(paragraph: str) -> str:
    """A paragraph with its opening dateline or byline removed."""
    return _DATELINE_RE.sub("", paragraph, count=1)


def is_credit(line: str) -> bool:
    """Whether a whole line is a byline, photo credit, author note or source line."""
    return _CREDIT_RE.match(line.strip()) is not None


def is_heading(paragraph: str) -> bool:
    """A short line without a full stop: a section head or a label, not a sentence."""
    return not ends_sentence(paragraph) and char_len(paragraph) <= _MAX_HEADING


def split_article(text: str) -> tuple[list[Unit], list[str]]:
    """The sentences of ``text`` that may be summary material, each once and in order, and
    the rest (headings, credits, datelines), which is not summary material but is still text
    a reader may search for."""
    seen: set[str] = set()
    out: list[Unit] = []
    rest: list[str] = []
    para_no = 0
    for raw in paragraphs(text):
        para = _MARKER_RE.sub("", raw).strip()
        if not para or is_credit(para) or is_heading(para):
            rest.append(para)
            continue
        body = strip_dateline(para)
        rest.append(para[: len(para) - len(body)])
        note = _TRAILING_NOTE_RE.search(body)
        if note:
            rest.append(note.group())
            body = body[: note.start()].rstrip()
        index = 0
        for sent in split_sentences(body):
            key = normalise(sent)
            if not key or key in seen or is_credit(sent):
                continue
            seen.add(key)
            out.append(Unit(sent, para_no, index, len(out)))
            index += 1
        para_no += 1 if index else 0
    return out, [r for r in rest if r]


def units(text: str) -> list[Unit]:
    """The sentences of ``text`` that may be summary material, each once, in order."""
    return split_article(text)[0]
