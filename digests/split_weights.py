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
        "after_chars": 1.359,
        "after_paras": -0.223,
        "after_short": 0.522,
        "bias": -2.238,
        "block_chars": -0.494,
        "collection": -0.385,
        "collection_brief": -0.594,
        "colon_end": 0.000,
        "dash_alone": -0.888,
        "dash_kicker": -0.942,
        "dash_sub": 3.559,
        "doubled": -0.037,
        "draft_paras": 0.620,
        "draft_subs": -0.533,
        "final_punct": -1.329,
        "lead_dateline": 2.806,
        "long_line": 0.086,
        "next_byline": -2.070,
        "next_dateline": -0.594,
        "next_long_lead": -0.211,
        "next_name": 0.178,
        "next_quote": -0.788,
        "next_reporter": -0.459,
        "next_time_lead": 1.225,
        "numbered": -3.139,
        "one_line": -1.040,
        "parallel_next": -0.813,
        "parallel_prev": -1.060,
        "prev_end": 1.016,
        "prev_open": -0.330,
        "prev_unfinished": -0.524,
        "quoted": -1.125,
        "shape_break": 1.454,
        "spaced": 0.625,
        "subs_count": -0.553,
        "three_lines": -0.345,
        "topic_known": -0.822,
        "topic_shift": 2.069,
        "topic_sim": -2.480,
    }
)
