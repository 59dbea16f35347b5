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
        "after_paras": 0.106,
        "after_short": 0.408,
        "bias": -2.451,
        "collection": -0.355,
        "collection_brief": -0.283,
        "colon_end": 0.000,
        "dash_alone": -0.775,
        "dash_kicker": -0.363,
        "dash_sub": 2.283,
        "doubled": -0.082,
        "draft_paras": 1.107,
        "draft_subs": -1.043,
        "final_punct": -0.950,
        "lead_dateline": 2.202,
        "long_line": -0.422,
        "next_byline": -1.413,
        "next_dateline": 0.779,
        "next_name": 0.306,
        "next_quote": -0.704,
        "next_time_lead": 1.217,
        "numbered": -2.143,
        "one_line": -0.658,
        "parallel_next": -0.620,
        "parallel_prev": -1.570,
        "prev_end": 0.820,
        "prev_open": -0.248,
        "prev_unfinished": -0.551,
        "quoted": -0.776,
        "subs_count": -0.976,
        "three_lines": -0.688,
        "topic_known": -0.421,
        "topic_shift": 1.709,
        "topic_sim": -1.636,
    }
)
