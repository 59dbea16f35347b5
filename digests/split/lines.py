"""First pass of the splitter: the lines of one page, each given a role.

Roles: ``head`` (a headline-like short line), ``body``, ``byline`` (a reporter line),
``name`` (a bare author name), ``credit`` (photo/graphic/layout credit), ``end`` (a closing
note such as "(作者为…)" or "(新华社北京3月5日电)"), ``label`` (a column label).
``banner`` (a slogan across the page, which sits above an article's headline).
Page headers are dropped here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from digests.split import heading as heading
from digests.split import rules as rules
from digests.split.lexicon import Lexicon
from digests.textrepair import clean_line, ends_sentence, runs_on_block

Role = Literal["head", "body", "byline", "name", "credit", "end", "label", "banner"]


@dataclass(frozen=True, slots=True)
class Line:
    role: Role
    text: str


def page_lines(text: str) -> list[str]:
    """The non-empty lines of a page, spaces tidied, author notes split in two rejoined."""
    raw = [clean_line(x) for x in text.splitlines()]
    lines = [x for x in raw if x]
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # "(作者为某学会副会长、…研" + "究员)": a note broken over two lines.
        while (
            rules.is_author_note(line)
            and not rules.nfkc(line).rstrip().endswith(")")
            and i + 1 < len(lines)
            and len(lines[i + 1]) <= 30
            and rules.nfkc(lines[i + 1]).rstrip().endswith(")")
            and "(" not in rules.nfkc(lines[i + 1])
        ):
            line += lines[i + 1]
            i += 1
        out.append(line)
        i += 1
    return out


def classify(lines: Sequence[str], lex: Lexicon) -> list[Line]:
    """Give every line its role; drop page headers."""
    return _trailing_slogans(_classify(lines, lex))


def _trailing_slogans(lines: list[Line]) -> list[Line]:
    """A couplet of short parallel phrases after the page's last body text is a slogan
    printed beside an advertisement or at the foot of the page."""
    last = max((i for i, x in enumerate(lines) if x.role != "head"), default=-1)
    return [
        Line("banner", x.text) if i > last and heading.is_couplet(x.text) else x
        for i, x in enumerate(lines)
    ]


SHORT_LINE = 12  # characters: a signer's name, a photo's title; text runs longer
# A notice's issuer and date on one line ("某县…组委会  2031年4月2日").
_SIGNED_AND_DATED = re.compile(
    r"^[\u4e00-\u9fff]{2,30}(?:委员会|组委会|政府|办公室|办公厅|协会)\s+\d{4}年\d{1,2}月\d{1,2}日$"
)
_ISSUERS = ("委员会", "人民政府", "办公厅", "国务院")  # the bodies that sign notices
SIGNED_OFFICE = 20  # characters: "某某市人民政府市长 林远" under a decree
SIGNED_PLACE = 15  # characters: "写于某国首都的海边" under a signature; text runs longer
STATED_KICKER = 60  # characters: a kicker stated as a sentence without its stop
BOXED_LABEL = 16  # characters: a boxed label ("■小贴士·剪纸的流派"); a point runs longer
RUN_OF_NAMES = 6  # characters: two names run together ("白云飞夏清") are shorter
FULL_HEADLINE = 3  # lines: kicker, title and subtitle
LEAD_SUBTITLE = 100  # characters: a summary line under a title, longer lines are text


def _classify(lines: Sequence[str], lex: Lexicon) -> list[Line]:
    out: list[Line] = []
    printed = _printed_layout(lines)
    for idx, line in enumerate(lines):
        text = rules.nfkc(line).strip()
        if (
            signature(lines, idx)
            or (rules.date_line(text) and signature(lines, idx - 1))
            or _SIGNED_AND_DATED.match(text)
        ):
            out.append(Line("end", line))  # a letter's signature and date close its text
            continue
        if rules.page_header(text) or rules.date_line(text):
            continue
        if rules.is_banner(text, lex):
            out.append(Line("banner", line))
            continue
        if rules.is_column_label(text, lex):
            titles = _titles_item(lines, idx, lex, printed)
            out.append(Line("head" if titles else "label", line))
        elif rules.is_credit(text) or (text in lex.photo_series and out):
            out.append(Line("credit", line))
        elif _series_after_caption(out, lines, idx, lex):
            out.append(Line("credit", line))  # "影像视界" under a caption: its photo series
        elif heading.is_document_date(text) and out and out[-1].role == "head":
            out.append(Line("head", line))
        elif rules.is_author_note(text) or rules.is_end_marker(text):
            out.append(Line("end", line))
        elif rules.is_byline_line(text):
            out.append(Line("byline", line))
        elif rules.is_signature(text, lex):
            out.append(Line("body", line))
        elif _author_line(out, lines, idx, lex):
            out.append(Line("name", line))
        elif _lead_box_label(out, lines, idx, lex):
            out.append(Line("body", line))  # "内容提要" under a headline: its box's text
        elif text in lex.body_starters and (not out or out[-1].role == "end"):
            out.append(Line("head", line))  # "编者按" opening the page's box: its title
        elif (
            out and out[-1].role == "head" and rules.nfkc(out[-1].text).strip() in lex.body_starters
        ):
            out.append(Line("body", line))  # and the box's text below it
        elif out and out[-1].role == "head" and rules.nfkc(out[-1].text).strip() == text:
            out.append(Line("body", line))  # a document's text opens by repeating its title
        elif (
            _heading(lines, idx, lex)
            or _long_subtitle(out, lines, idx, lex)
            or _long_kicker(lines, idx, lex)
        ):
            out.append(Line("head", line))
        else:
            out.append(Line("body", line))
    return out


SERIES_NAME = 4  # characters: a photo series' or agency's name ("影像视界")
CAPTION_PARAS = 2  # paragraphs: a photo's caption; a section's text runs longer
CAPTION_CHARS = 250  # characters: the same


def _series_after_caption(
    done: Sequence[Line], lines: Sequence[str], idx: int, lex: Lexicon
) -> bool:
    """A short name between a photo's caption (one or two short paragraphs that open on
    the day the picture was taken) and the next headline or the page's end: the photo
    series or agency the caption closes with, not a kicker over that headline."""
    text = rules.nfkc(lines[idx]).strip()
    if not 2 <= len(text) <= SERIES_NAME or not all("\u4e00" <= c <= "\u9fff" for c in text):
        return False
    if idx + 1 < len(lines) and not _heading(lines, idx + 1, lex):
        return False
    caption = list(itertools.takewhile(lambda x: x.role == "body", reversed(done)))
    return (
        0 < len(caption) <= CAPTION_PARAS
        and len(caption) < len(done)
        and done[-len(caption) - 1].role == "head"
        and sum(len(x.text) for x in caption) <= CAPTION_CHARS
        and heading.opens_caption(caption[-1].text)
    )


LEAD_LABEL = 4  # characters: the label of a lead box ("内容提要"); a headline says more
LEAD_TEXT = 30  # characters: the box's text under its label runs longer than a headline


def _lead_box_label(done: Sequence[Line], lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A short label right under a kicker and a title, over a long line or a boxed point:
    the label of the box of summary points that opens the article ("内容提要"), read by
    its place, not from a list. (Under a tagged title alone the same shape measured worse:
    a short line there is as often the first line of the text.)"""
    text = rules.nfkc(lines[idx]).strip()
    if len(done) < 2 or done[-1].role != "head" or done[-2].role != "head":
        return False
    if idx + 1 >= len(lines) or rules.nfkc(done[-1].text).strip().startswith("——"):
        return False
    if not 2 <= len(text) <= LEAD_LABEL or not all("\u4e00" <= c <= "\u9fff" for c in text):
        return False
    if rules.is_name_line(text, lex):
        return False  # a writer's name under a signed piece's title
    nxt = rules.nfkc(lines[idx + 1]).strip()
    return len(nxt) > LEAD_TEXT or nxt[:1] in rules.BOX_MARKS


def _titles_item(lines: Sequence[str], idx: int, lex: Lexicon, printed: bool) -> bool:
    """A column label right over a headline titles the item, as e-paper lists print it
    (Lexicon.heads_collection). On a printed page (boxed reporter lines, "□ 本报记者 …")
    the label stands beside the article's own title instead."""
    return not printed and idx + 1 < len(lines) and _heading(lines, idx + 1, lex)


def _printed_layout(lines: Sequence[str]) -> bool:
    return any(
        rules.nfkc(x).lstrip()[:1] in rules.BOX_MARKS and rules.is_byline_line(x) for x in lines
    )


def signature(lines: Sequence[str], idx: int) -> bool:
    """A short line between a letter's last sentence and the date it was written
    ("林远" over "2031年4月2日", or the office before the name, "市长 林远" under
    a decree): the signature, not a headline."""
    if idx < 1 or idx + 1 >= len(lines):
        return False
    text = rules.nfkc(lines[idx]).strip()
    before = rules.nfkc(lines[idx - 1]).strip()
    date = rules.nfkc(lines[idx + 1]).strip()
    signer = text.split()[-1] if len(text) <= SIGNED_OFFICE and " " in text else text
    if len(text) <= SIGNED_OFFICE and text.endswith(_ISSUERS):
        signer = text[-SHORT_LINE:]  # "某市人民代表大会常务委员会" under "特此公告。"
    return (
        0 < len(signer) <= SHORT_LINE
        and not rules.is_credit(text)
        and rules.page_header(text) is None
        and rules.date_line(date) is not None
        and date.endswith("日")  # a page header's date goes on to the weekday or the paper
        and ends_sentence(before)
        and (len(before) > SHORT_LINE or before.startswith("特此"))
    )


def _author_line(done: Sequence[Line], lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A bare author line ("林远山"), and not a short title that happens to read as names:
    a collection's label ("来论"), a line over a dateline, a photo's or a piece's title, or
    a line between two paragraphs ("应聘" over its caption)."""
    text = rules.nfkc(lines[idx]).strip()
    return (
        bool(done)
        and rules.is_name_line(text, lex)
        and not lex.heads_collection(text)
        and not _dateline_after(lines, idx)
        and not _titles_signed_piece(lines, idx, lex)
        and not _between_paragraphs(done, lines, idx)
        and not heading.is_signed_piece(lines[idx + 1 : idx + 3], lex)
    )


def _between_paragraphs(done: Sequence[Line], lines: Sequence[str], idx: int) -> bool:
    """A signature closes the text above it; a name-like line with text on both sides
    heads the text below (a photo's title, a subhead)."""
    if done[-1].role != "body" or not ends_sentence(done[-1].text) or idx + 1 >= len(lines):
        return False  # text cut mid-sentence above: pieces out of order, the name signs one
    return len(rules.nfkc(lines[idx + 1]).strip()) > SIGNED_PLACE


def _titles_signed_piece(lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A run of six or more characters that reads as names ("方便群众办事") over the
    real author line ("夏 清") is the piece's title."""
    text = rules.nfkc(lines[idx]).strip()
    if " " in text or len(text) < RUN_OF_NAMES or idx + 1 >= len(lines):
        return False
    return rules.is_name_line(lines[idx + 1], lex)


def _dateline_after(lines: Sequence[str], idx: int) -> bool:
    """A report that opens on its dateline names its reporters there, so the short line
    above it ("林远胜方晓") is a headline line, not an author line."""
    return idx + 1 < len(lines) and rules.dateline(lines[idx + 1]) is not None


def _heading(lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """Headline-like, and not the start of a paragraph broken inside a quotation."""
    text = rules.nfkc(lines[idx]).strip()
    if not heading.heading_like(text, lex) or rules.continuation(text):
        return False
    if _boxed_point(text):
        return False
    nxt = rules.nfkc(lines[idx + 1]).strip() if idx + 1 < len(lines) else ""
    if _closes_letter(lines, idx, lex):
        return False
    if idx and rules.nfkc(lines[idx - 1]).strip().endswith(("来源:", "来源：")):
        return False  # "数据来源:" over the name of the source, under a chart
    if text.endswith((":", "：")) and not heading.heading_like(nxt, lex):
        return False  # "有人建议:" leads into the paragraph below, a kicker into a title
    if (
        text.endswith("——")
        and len(text) >= 25
        and "," in text
        and not heading.heading_like(nxt, lex)
    ):
        return False  # a sentence leading into the paragraph below ("…,拉开了序幕——")
    if runs_on_block([text]):
        nxt = rules.nfkc(lines[idx + 1]).strip() if idx + 1 < len(lines) else ""
        return heading.heading_like(nxt, lex)
    return True


def _boxed_point(text: str) -> bool:
    """A summary point set off by a box ("■每年…比例不低于一成"): text of the article.
    Short boxed lines are labels ("■小贴士"); two points on one line are a subtitle."""
    marks = sum(text.count(m) for m in rules.BOX_MARKS)
    return text[:1] in rules.BOX_MARKS and marks == 1 and len(text) > BOXED_LABEL


def _long_kicker(lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A kicker in full sentences ("…多次走访调研…聚焦难点——") over a title that carries a
    column tag or is followed by the dateline or the reporter line; one that ends in a
    colon ("《山水谣》“以歌咏诗”:") over a tagged title."""
    text = rules.nfkc(lines[idx]).strip()
    if idx + 2 >= len(lines) or len(text) > 90:
        return False
    if not text.endswith(("——", "...", ":")):  # NFKC spells "……" as "......"
        return _stated_kicker(lines, idx, lex)
    if text.endswith("...") and "。" in text:
        return False  # the last sentences of a story ("夜里,雨果然停了。…"), not a kicker
    title, after = rules.nfkc(lines[idx + 1]).strip(), lines[idx + 2]
    if not heading.heading_like(title, lex):
        return False
    if text.endswith(":"):
        return "。" not in text and bool(rules.column_tag(title)[1])
    return bool(rules.column_tag(title)[1]) or bool(
        rules.dateline(after) or rules.is_byline_line(after) or opens_lead(after, lex)
    )


def _stated_kicker(lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A statement with no stop of its own ("截至去年底,…已接待游客5万人次") between a
    finished sentence and a tagged title: the title's kicker, not a paragraph."""
    text = rules.nfkc(lines[idx]).strip()
    before = rules.nfkc(lines[idx - 1]).strip() if idx else ""
    title = rules.nfkc(lines[idx + 1]).strip()
    return (
        len(text) <= STATED_KICKER
        and not ends_sentence(text)
        and (not before or ends_sentence(before) or rules.is_end_marker(before))
        and heading.heading_like(title, lex)
        and bool(rules.column_tag(title)[1])
    )


def _closes_letter(lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A closing line ("敬礼!") before the closing note, or before the signature that
    precedes it: no headline stands right above the note that ends an article."""
    after = [rules.nfkc(x).strip() for x in lines[idx + 1 : idx + 3]]
    if after and heading.is_document_date(after[0]):
        return False  # a document's title over the date it was issued
    if after and rules.is_name_line(after[0], lex):
        after = after[1:]
    return bool(after) and (rules.is_author_note(after[0]) or rules.is_end_marker(after[0]))


def _headline_line(text: str, lex: Lexicon) -> bool:
    """A line of a story's own headline, not a label over it ("数读") or a data box."""
    text = rules.nfkc(text).strip()
    return not (lex.heads_collection(text) or heading.is_figure(text))


def _opens_lead_box(line: str, lex: Lexicon) -> bool:
    """The box that opens an article under its headline ("核心阅读", "开栏的话", "编者按")."""
    text = rules.nfkc(line).strip()
    return text.startswith(lex.body_starters)


def opens_lead(line: str, lex: Lexicon) -> bool:
    """The lead box, or a boxed summary point ("■…"), right under a headline."""
    return _opens_lead_box(line, lex) or rules.nfkc(line).lstrip()[:1] in rules.BOX_MARKS


def _long_subtitle(done: Sequence[Line], lines: Sequence[str], idx: int, lex: Lexicon) -> bool:
    """A long subtitle ("听取…；审议…") sits between a title and a dateline; under a
    headline of three lines already (kicker, title, subtitle) the line is the lead."""
    if not done or done[-1].role != "head" or idx + 1 >= len(lines):
        return False
    heads = done[-FULL_HEADLINE:]
    if len(heads) == FULL_HEADLINE and all(
        x.role == "head" and _headline_line(x.text, lex) for x in heads
    ):
        return False
    text = rules.nfkc(lines[idx]).strip()
    if len(text) > 250 or rules.dateline(text):
        return False
    nxt = lines[idx + 1]
    if rules.dateline(nxt):
        return True  # nothing but a subtitle stands between a title and its dateline
    if _opens_lead_box(nxt, lex):
        return not ends_sentence(text) and len(text) <= LEAD_SUBTITLE  # over "核心阅读"
    return not ends_sentence(text) and len(text) <= 200 and rules.is_byline_line(nxt)
