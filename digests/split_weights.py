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
        "after_paras": 0.134,
        "after_short": 0.209,
        "bias": -2.521,
        "collection": -0.322,
        "collection_brief": -0.773,
        "colon_end": 0.000,
        "dash_alone": -1.089,
        "dash_kicker": -0.341,
        "dash_sub": 3.107,
        "doubled": -0.080,
        "draft_paras": 1.175,
        "draft_subs": -0.699,
        "final_punct": -1.339,
        "lead_dateline": 2.665,
        "long_line": -0.647,
        "next_byline": -1.954,
        "next_dateline": 0.792,
        "next_name": 0.302,
        "next_quote": -0.803,
        "next_time_lead": 1.380,
        "numbered": -3.132,
        "one_line": -0.586,
        "parallel_next": -0.663,
        "parallel_prev": -1.174,
        "prev_end": 0.870,
        "prev_open": -0.346,
        "prev_unfinished": -0.607,
        "quoted": -1.106,
        "subs_count": -1.013,
        "three_lines": -0.870,
        "topic_known": -0.747,
        "topic_shift": 1.978,
        "topic_sim": -2.360,
    }
)
