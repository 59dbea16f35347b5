"""How well a headline matches a fragment a reader typed (pure; headline lookup ranks by it).

The first measure is the edit distance of the fragment to the best-matching stretch of the
headline (:func:`~digests.archive.rank.stretch_distance`), so a short kicker, title or
subtitle wholly inside the fragment is no perfect match. The rest is evidence of how
readers type a headline they remember: a good part of the title, neither a few characters
of a long one nor all of a short one. When two headlines hold the fragment equally well,
the one whose title the fragment spans in the usual share is likelier the one meant; a
share far outside it costs about as much as an edit, since a reader drops or mistypes a
character about as often as they type a whole fragment right. All weights are fitted by
bench/search_fit.py on the fit days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.archive.query import compact, fold
from digests.archive.rank import stretch_distance

# A title's column tag in trailing brackets, "…（今日谈）", one level of nesting inside: a
# reader remembers the title proper, and the tag would make every tagged title look long.
_TAG = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$")


@dataclass(frozen=True, slots=True)
class HeadlineWeights:
    """What ranks headlines beside the edit distance, in edits (bench/search_fit.py)."""

    candidates: int = 50
    cover: float = 0.2  # x the share of the title the fragment spans
    title: float = 0.2  # the best stretch is in the title, not kicker or subtitle
    grams: float = 0.05  # x the pair-overlap score relative to the best candidate's
    omitted: float = 0.3  # every edit is a character left out, none a wrong or extra one
    low: float = 0.5  # readers type at least this share of a title…
    high: float = 0.8  # …and at most this share (more: the title is too short for it)
    outside: float = 2.0  # edits per unit of share below low or above high


@dataclass(frozen=True, slots=True)
class HeadlineMatch:
    """How one headline matches a fragment of ``size`` characters."""

    size: int
    distance: int  # edits from the fragment to the headline's best stretch
    share: float  # the fragment's length over the title proper's (without a column tag)
    share_all: float  # … over the whole title's, tag and all
    in_title: bool  # that stretch is as good in the title alone
    grams: float  # the pair-overlap score relative to the best candidate's
    omitted: bool = False  # the edits only leave characters out (the fragment is in order)

    def score(self, w: HeadlineWeights) -> float:
        """One minus the edits per character, the evidence of shares and parts counted in."""
        off = min(_outside(self.share, w), _outside(self.share_all, w))
        ties = (
            w.cover * min(self.share, 1.0)
            + w.title * self.in_title
            + w.grams * self.grams
            + w.omitted * (self.omitted and self.distance > 0)
            - w.outside * off
        )
        return 1 - (self.distance - ties) / self.size


def _outside(share: float, w: HeadlineWeights) -> float:
    return max(0.0, w.low - share, share - w.high)


def in_order(frag: str, text: str, span: int) -> bool:
    """Whether ``frag``'s characters occur in order in a stretch of ``text`` at most
    ``span`` long: a reader left characters out and typed none wrong."""
    first = frag[0]
    start = text.find(first)
    while start >= 0:
        pos = start
        for c in frag[1:]:
            pos = text.find(c, pos + 1, start + span)
            if pos < 0:
                break
        else:
            return True
        start = text.find(first, start + 1)
    return False


def title_proper(title: str) -> str:
    """The compacted title without a trailing column tag (the whole one if that is all)."""
    folded = fold(title)
    return compact(_TAG.sub("", folded)) or compact(folded)


def match(frag: str, kicker: str, title: str, subtitle: str, grams: float) -> HeadlineMatch:
    """How the compacted fragment ``frag`` matches one headline's parts."""
    whole = compact(kicker + title + subtitle)
    full = compact(title)
    d = stretch_distance(frag, whole)
    in_title = full == whole or (bool(full) and stretch_distance(frag, full) == d)
    proper = title_proper(title) if full else whole
    n = len(frag)
    omitted = 0 < d < n and in_order(frag, whole, n + d)
    share, share_all = n / max(1, len(proper)), n / max(1, len(full or whole))
    return HeadlineMatch(n, d, share, share_all, in_title, grams, omitted)
