"""The weights of the signs that a headline block starts an article (digests.split_score).

Fitted by bench/split_fit.py (which prints this table) on the odd days of one month of
composed national-daily pages and checked on the even days. They are the default of
``Lexicon.start_weights``, so every caller weighs the same way; a newspaper may override
single weights under ``[start_weights]`` in config/splitter.toml.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

START_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "after_chars": 1.245,
        "after_paras": -0.286,
        "after_short": 0.360,
        "bias": -2.607,
        "block_chars": -0.341,
        "collection": 0.072,
        "collection_brief": -0.289,
        "colon_end": 0.000,
        "dash_alone": -0.993,
        "dash_kicker": -0.788,
        "dash_sub": 3.228,
        "doubled": -0.061,
        "draft_paras": 1.142,
        "draft_subs": -0.778,
        "final_punct": -1.355,
        "lead_dateline": 2.641,
        "long_line": 0.063,
        "next_byline": -2.068,
        "next_dateline": -0.289,
        "next_long_lead": -0.157,
        "next_name": 0.228,
        "next_quote": -0.801,
        "next_reporter": -0.114,
        "next_time_lead": 1.338,
        "numbered": -3.220,
        "one_line": -1.041,
        "parallel_next": -0.787,
        "parallel_prev": -1.279,
        "prev_end": 0.937,
        "prev_open": -0.404,
        "prev_unfinished": -0.543,
        "quoted": -1.059,
        "shape_break": 0.398,
        "spaced": 0.522,
        "subs_count": -0.933,
        "three_lines": -0.495,
        "topic_known": -0.898,
        "topic_shift": 1.816,
        "topic_sim": -2.250,
    }
)
