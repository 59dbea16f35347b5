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
        "after_paras": 0.272,
        "after_short": 0.648,
        "bias": -1.995,
        "collection": -0.173,
        "colon_end": -0.359,
        "dash_alone": -0.476,
        "dash_kicker": -0.442,
        "dash_sub": 2.501,
        "doubled": -0.125,
        "draft_paras": 0.635,
        "draft_subs": -2.325,
        "final_punct": -0.911,
        "lead_dateline": 2.019,
        "long_line": -0.196,
        "next_byline": -1.596,
        "next_dateline": 0.995,
        "next_name": 0.489,
        "next_quote": -0.88,
        "numbered": -3.283,
        "one_line": -1.1,
        "prev_end": 0.829,
        "prev_open": -0.236,
        "prev_unfinished": -0.603,
        "quoted": -0.363,
        "three_lines": -0.884,
        "topic_known": -0.43,
        "topic_shift": 2.09,
        "topic_sim": -1.905,
    }
)
