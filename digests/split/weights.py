"""The weights of the signs that a headline block starts an article (digests.split.score).

Fitted by bench/split_fit.py (which prints this table) on the odd days of one month of
composed national-daily pages (bench/split_composed.py --keep DIR builds them) and checked
on the even days; refits on later code measured no better on the even days. As the rules
around them grew, three weights (one_line, dash_kicker, next_byline) were moved by
bench/split_tune.py, coordinate ascent on the odd days' F1, keeping the moves that raised
the even days' F1 too (0.9367 -> 0.9380). They are the default of
``Lexicon.start_weights``, so every caller weighs the same way; a newspaper may override
single weights under ``[start_weights]`` in config/splitter.toml. rule_start
weighs the rules that used to settle a block outright (split_page.WEIGHED_RULES); 3.0 was
the best of 1-6 on the fitted days 1-14 of bench/split_validate.py. group_outgrown (text
more than twice as long as any piece of a group so far) was set by hand: 3.0 is the least
of 1-6 that helped on the fitted days. (group_unsigned, a headline with no writer under it
ending a group of signed pieces, helped the fitted composed days but cost synthetic theory
pages 0.01 from text, and went.)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

START_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "after_chars": 1.325,
        "after_paras": -0.219,
        "after_short": 0.449,
        "bias": -2.058,
        "block_chars": -0.519,
        "collection": -0.839,
        "collection_brief": -0.645,
        "colon_end": 0.000,
        "dash_alone": -0.740,
        "dash_kicker": 0.042,
        "dash_sub": 3.536,
        "doubled": -0.029,
        "draft_paras": 0.599,
        "draft_subs": -0.255,
        "final_punct": -1.275,
        "group_outgrown": 3.0,
        "lead_dateline": 2.771,
        "long_line": 0.206,
        "next_byline": -2.550,
        "next_dateline": -0.645,
        "next_long_lead": -0.274,
        "next_head": -0.720,
        "next_name": 0.136,
        "next_quote": -0.720,
        "next_reporter": -0.552,
        "next_time_lead": 1.234,
        "numbered": -3.296,
        "one_line": -0.556,
        "parallel_next": -0.818,
        "parallel_prev": -1.102,
        "prev_end": 1.076,
        "prev_open": -0.297,
        "prev_unfinished": -0.479,
        "quoted": -1.107,
        "rule_start": 3.0,
        "shape_break": 1.406,
        "spaced": 0.635,
        "subs_count": -0.734,
        "three_lines": -0.734,
        "topic_known": -0.863,
        "topic_shift": 2.094,
        "topic_sim": -2.450,
    }
)
