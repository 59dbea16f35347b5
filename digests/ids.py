"""Article ids, and their spelling in chat commands.

Telegram commands allow only letters, digits and underscores, so ``/a_<id>`` carries the id
in that alphabet: letters and digits stand as they are, ``-`` becomes ``_h``, ``_`` becomes
``_u`` and any other character ``_x`` plus four hex digits (or ``_y`` plus six for those
beyond the Basic Multilingual Plane). The mapping is reversible for every string.
"""

from __future__ import annotations

import datetime as dt
import re

_PLAIN = re.compile(r"[A-Za-z0-9]")
_TOKEN = re.compile(r"[A-Za-z0-9]|_h|_u|_x[0-9a-f]{4}|_y[0-9a-f]{6}")


def article_id(slug: str, date: dt.date, page: int | None, position: int) -> str:
    """The id of the item at ``position`` (1-based) of a page: stable while the page is."""
    return f"{slug}{date:%Y%m%d}p{page or 0:02d}n{position:02d}"


def to_command(article_id: str) -> str:
    """Spell an id with letters, digits and underscores only."""
    out: list[str] = []
    for ch in article_id:
        if _PLAIN.fullmatch(ch):
            out.append(ch)
        elif ch == "-":
            out.append("_h")
        elif ch == "_":
            out.append("_u")
        elif ord(ch) <= 0xFFFF:
            out.append(f"_x{ord(ch):04x}")
        else:
            out.append(f"_y{ord(ch):06x}")
    return "".join(out)


def from_command(spelled: str) -> str | None:
    """The id spelled by :func:`to_command`; None when the text is not such a spelling."""
    out: list[str] = []
    pos = 0
    while pos < len(spelled):
        m = _TOKEN.match(spelled, pos)
        if not m:
            return None
        tok = m.group()
        if len(tok) == 1:
            out.append(tok)
        elif tok == "_h":
            out.append("-")
        elif tok == "_u":
            out.append("_")
        else:
            out.append(chr(int(tok[2:], 16)))
        pos = m.end()
    return "".join(out)
