"""Repairs for text that came out of a page layout: pure string functions.

PDF text layers and e-paper exports damage text in a few typical ways: headline glyphs
printed twice for bold come out doubled ("老街区老街区::换上新模样"), paragraphs are cut
mid-sentence at column breaks, a paragraph is sometimes printed twice, author notes are
split over two lines. Each repair here is small and conservative, because a wrong repair
damages text that was fine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# Sentence-final punctuation (full and half width) and closing quotes/brackets after it.
_SENTENCE_END = re.compile(r"[。！？!?…；;]['\"”’」』）)】]*$|[”’」』]$")
_CLOSERS = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "（": "）",
    "(": ")",
    "「": "」",
    "『": "』",
    "【": "】",
}
_DOUBLED = {n: re.compile(rf"(.{{{n},}})\1", re.S) for n in (2, 3)}
_KEEP_DOUBLE = "—….·-"  # a doubled dash or ellipsis is wording, not an artefact
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u3000]+")
_CJK_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff“”《》，。、：；！？（）])[ ]+(?=[\u4e00-\u9fff“”《》，。、：；！？（）])"
)


def norm_key(text: str) -> str:
    """NFKC without whitespace: the form used to compare and recognise text."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def clean_line(line: str) -> str:
    """One physical line with odd spaces made plain and trimmed."""
    return _SPACES.sub(" ", line).strip()


def squeeze_cjk_spaces(text: str) -> str:
    """Drop justification spaces between Chinese characters ("肖 珺" -> "肖珺")."""
    return _CJK_SPACE.sub("", text)


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence or quotation."""
    return bool(_SENTENCE_END.search(text[-16:].rstrip()))  # the tail decides; keeps it O(1)


def unbalanced(text: str) -> bool:
    """True when an opening quote or bracket is not closed: the line runs on."""
    depth = 0
    for ch in text:
        if ch in _CLOSERS:
            depth += 1
        elif ch in _CLOSERS.values():
            depth = max(0, depth - 1)
    # "“" and "”" may both be the same ASCII quote after NFKC; count straight quotes apart.
    return depth > 0 or text.count('"') % 2 == 1


def collapse_doubled(text: str, min_len: int = 2) -> str:
    """Undo doubling from bold printed twice: "老街区老街区::换上新模样" -> "老街区:换上新模样".

    A run that repeats immediately (XX) becomes X when X has at least ``min_len``
    characters, or is punctuation. Only meant for headline and byline lines, where such a
    repeat is an artefact rather than wording.
    """
    out = text
    changed = True
    while changed:
        changed = False
        n = len(out)
        for size in range(n // 2, 0, -1):
            i = 0
            while i + 2 * size <= len(out):
                chunk = out[i : i + size]
                if out[i + size : i + 2 * size] == chunk and (
                    size >= min_len or (not chunk[0].isalnum() and chunk[0] not in _KEEP_DOUBLE)
                ):
                    out = out[: i + size] + out[i + 2 * size :]
                    changed = True
                else:
                    i += 1
            if changed:
                break
    return out


def has_doubling(text: str, min_len: int = 3) -> bool:
    """True when some run of ``min_len`` or more characters repeats immediately."""
    pattern = _DOUBLED.get(min_len) or re.compile(rf"(.{{{min_len},}})\1", re.S)
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return False
        if any(c.isalnum() for c in m.group(1)):
            return True
        pos = m.start() + 1


def remove_echo(line: str, earlier: Iterable[str], min_len: int = 4) -> str:
    """Remove from ``line`` text that the earlier headline lines already hold.

    Doubled bold titles interleave: the second line of "老街区:换上新模样 / 走出新路子"
    comes out as "走出新路子换上新模样走出新路子"; dropping the echo "换上新模样" and
    collapsing leaves "走出新路子".
    """
    result = line
    for prev in earlier:
        for size in range(len(prev), min_len - 1, -1):
            for start in range(0, len(prev) - size + 1):
                piece = prev[start : start + size]
                if piece in result and result != piece:
                    candidate = result.replace(piece, "", 1)
                    if len(candidate) >= min_len:
                        result = candidate
                        break
            else:
                continue
            break
    return collapse_doubled(result)


def repair_headline_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """Collapse doubled glyphs in a headline block and drop lines that only echo others."""
    doubled = any(has_doubling(line) for line in lines)
    out: list[str] = []
    for line in lines:
        fixed = collapse_doubled(line) if doubled else line
        if doubled and out:
            fixed = remove_echo(fixed, out)
        if fixed and fixed not in out:
            out.append(fixed)
    return tuple(out)


def join_broken(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """Join a paragraph cut mid-sentence at a column break with the one that follows."""
    out: list[str] = []
    for para in paragraphs:
        if out and not ends_sentence(out[-1]) and not looks_like_start(para):
            out[-1] = out[-1] + para
        else:
            out.append(para)
    return tuple(out)


def runs_on_block(lines: Sequence[str]) -> bool:
    """True when the lines together leave a quote or bracket open."""
    return unbalanced("".join(lines))


def looks_like_start(para: str) -> bool:
    """A paragraph that opens with a quote or a list marker is rarely a continuation."""
    return para[:1] in "“‘「【■□●◆" or bool(re.match(r"^[（(][一二三四五六七八九十]+[）)]", para))


def drop_repeats(paragraphs: Sequence[str], min_len: int = 20) -> tuple[str, ...]:
    """Keep a paragraph printed twice once (the first time it appears)."""
    seen: set[str] = set()
    out: list[str] = []
    for para in paragraphs:
        key = norm_key(para)
        if len(key) >= min_len and key in seen:
            continue
        seen.add(key)
        out.append(para)
    return tuple(out)
