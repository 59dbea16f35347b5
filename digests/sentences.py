"""Paragraphs, sentences and clauses of Chinese newspaper text.

Pages reach us with full-width and ASCII punctuation mixed (the customer's PDF export writes
ASCII commas and parentheses), quotes inside and around sentences, and line breaks where a
column ended in mid-sentence. A sentence ends at a run of 。！？!? (an ASCII full stop only
after a Chinese character, so 2.97 stays whole), together with the closing quotes and
brackets that follow it, but not inside a quotation or bracket that closes later in the same
paragraph.
"""

from __future__ import annotations

import re

_ENDERS = "。！？!?"
_CLOSERS = "”’」』\"')）》】"
_OPENERS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
_CLOSE_TO_OPEN = {v: k for k, v in _OPENERS.items()}
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_BRACKET_RE = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_CLOSE_TO_OPEN)) + "]")

# A run of enders (or a lone ASCII full stop after a CJK character) plus any closers.
_END_RE = re.compile(
    f"(?:[{_ENDERS}]+|(?<=[\u4e00-\u9fff”）])\\.(?![0-9A-Za-z]))[.{_ENDERS}]*[{re.escape(_CLOSERS)}]*"
)
_CLAUSE_RE = re.compile(r"[^，；：,;:]+[，；：,;:]?")
# A line that was cut at a column break ends in the middle of a clause.
_OPEN_END_RE = re.compile("[\u4e00-\u9fff0-9A-Za-z，、,（(“]$")
_TERMINAL_RE = re.compile(f"[{_ENDERS}…][{re.escape(_CLOSERS)}]*$")
_SPACE_RE = re.compile(r"\s+")
_SPACE_CHARS_RE = re.compile(r"\s")
_CJK_GAP_RE = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\u3000]+(?=[\u3000-\u9fff\uff00-\uffef])"
)

# Lines at least this long that stop mid-clause continue on the next line.
_MIN_BROKEN_LINE = 40
# A quotation longer than this is several sentences of speech, not part of one sentence.
_MAX_QUOTE = 120


def char_len(text: str) -> int:
    """The budget length: every non-whitespace character, punctuation included."""
    return len(text) - len(_SPACE_CHARS_RE.findall(text))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation (closers allowed after it)."""
    return _TERMINAL_RE.search(text.rstrip()) is not None


def _is_broken(line: str) -> bool:
    """A line that stops in mid-sentence: its paragraph goes on in the next line."""
    if not _OPEN_END_RE.search(line):
        return False
    if line[-1] in "，、,（(“" or len(line) >= _MIN_BROKEN_LINE:
        return True
    # A heading has no full stop and no quotation left open.
    return _END_RE.search(line) is not None or line.count("“") > line.count("”")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, with a line broken at a column end joined to the next one.

    A long line ending in mid-clause (a character, a comma, an open quote) is the first part
    of a paragraph that goes on in the next non-empty line; short unterminated lines are
    headings and stay on their own.
    """
    lines = [_CJK_GAP_RE.sub("", ln.strip()) for ln in text.splitlines()]
    out: list[str] = []
    carry = ""
    for line in lines:
        if not line:
            continue
        line = carry + line
        carry = ""
        if _is_broken(line):
            carry = line
            continue
        out.append(line)
    if carry:
        out.append(carry)
    return out


def _quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation or bracket that closes, short enough to be one sentence."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for m in _BRACKET_RE.finditer(text):
        c, i = m.group(), m.start()
        if c in _OPENERS:
            stack.append((c, i))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == _CLOSE_TO_OPEN[c]:
                if i - stack[k][1] <= _MAX_QUOTE:
                    spans.append((stack[k][1], i))
                del stack[k:]
                break
    return spans


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order; together they give back the paragraph."""
    return [p.strip() for p in sentence_pieces(paragraph) if p.strip()]


def sentence_pieces(text: str) -> list[str]:
    """The text cut after each sentence end, nothing dropped: joined they are ``text``."""
    spans = _quotations(text) if _OPENER_RE.search(text) else []
    out: list[str] = []
    start = 0
    for m in _END_RE.finditer(text):
        end = m.end() - 1
        if spans and any(s < end < e for s, e in spans):
            continue  # inside a quotation that closes later: not a sentence end
        out.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return [p for p in out if p]


def sentences(text: str) -> list[str]:
    """All sentences of a text, paragraph by paragraph."""
    return [s for p in paragraphs(text) for s in split_sentences(p)]


def clauses(sentence: str) -> list[str]:
    """A sentence cut after each ，；： (full-width or ASCII), the marks kept."""
    return [c for c in _CLAUSE_RE.findall(sentence) if c]


def squeeze(text: str) -> str:
    """Whitespace removed between Chinese characters, other runs of whitespace made one space."""
    return _SPACE_RE.sub(" ", _CJK_GAP_RE.sub("", text)).strip()
