"""Headline blocks: runs of headline lines that the splitter reads together.

A block closes where a headline ends: after a complete "——" subtitle, after a tagged
title (unless its subtitle follows over the dateline), before a section number or a
label that titles its own item, and around a data box. Pure functions on local values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digests.split import heading as heading
from digests.split import rules as rules
from digests.split.lexicon import Lexicon
from digests.split.lines import Line, opens_lead
from digests.textrepair import runs_on_block

SUBTITLE_MAX = 30  # characters: a longer line over the dateline is a summary in sentences


@dataclass(frozen=True, slots=True)
class Block:
    """A run of headline-like lines."""

    lines: tuple[str, ...]


Token = Block | Line


def group_blocks(lines: Sequence[Line], lex: Lexicon) -> list[Token]:
    """Group consecutive headline lines into blocks, closing a block where a headline ends."""
    out: list[Token] = []
    current: list[str] = []

    def close() -> None:
        if current:
            out.append(Block(tuple(current)))
            current.clear()

    for i, line in enumerate(lines):
        if line.role != "head":
            close()
            out.append(line)
            continue
        text = rules.nfkc(line.text).strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        nxt_text = rules.nfkc(nxt.text).strip() if nxt else ""
        if current and not text.startswith("——") and _closed(current):
            close()
        if len(current) >= 2 and rules.column_tag(text)[1]:
            close()  # a tagged title under two lines or more heads the next article
        if current and (heading.is_numbered(text) or lex.heads_collection(text)):
            close()  # "一、…" under a headline opens its first section; "数读" its own item
        boxed = bool(current) and heading.is_figure(rules.nfkc(current[0]).strip())
        figure = heading.is_figure(text) and not _over_dateline(lines, i)
        if current and (figure or (boxed and len(current) >= 2)):
            close()  # a data box ("239家" over its explanation) stands apart
        current.append(line.text)
        # A tagged title ends its block, unless a subtitle follows it over the dateline.
        subtitled = nxt_text.startswith("——") or (
            nxt is not None and (_over_dateline(lines, i + 1) or _over_lead_box(lines, i + 1, lex))
        )
        tagged = bool(rules.column_tag(text)[1]) and not subtitled
        # "微阅读" heads briefs that each keep their own title, as subheads.
        collection = len(current) == 1 and lex.heads_collection(text)
        if tagged or collection or len(current) >= 4:
            close()
    close()
    return out


def _over_dateline(lines: Sequence[Line], i: int) -> bool:
    """Is ``lines[i]`` a headline line right over a report's dateline ("本报北京…电")? The
    line there is the last of the headline ("3000多户受益"), not a data box."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (
        lines[i].role == "head"
        and len(rules.nfkc(lines[i].text).strip()) <= SUBTITLE_MAX
        and nxt is not None
        and nxt.role == "body"
        and rules.dateline(nxt.text) is not None
    )


def _over_lead_box(lines: Sequence[Line], i: int, lex: Lexicon) -> bool:
    """Is ``lines[i]`` a headline line right over the box that opens the article ("核心阅读",
    "开栏的话", boxed points "■…")? The line there is the headline's summary, its subtitle."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (
        lines[i].role == "head"
        and nxt is not None
        and nxt.role == "body"
        and opens_lead(nxt.text, lex)
    )


def _closed(block: Sequence[str]) -> bool:
    """A block ends after a "——" subtitle that is complete."""
    last = rules.nfkc(block[-1]).strip()
    return last.startswith("——") and not runs_on_block(block)


def neighbour(tokens: Sequence[Token], t: int, step: int) -> Token | None:
    """The next (step +1) or previous (-1) token, skipping column labels; looking ahead
    also skips banners."""
    i = t + step
    skip = ("label", "banner") if step > 0 else ("label",)
    while 0 <= i < len(tokens):
        tok = tokens[i]
        if not (isinstance(tok, Line) and tok.role in skip):
            return tok
        i += step
    return None
