"""The splitter: newspaper page text (one page or a whole issue) into pages of articles.

Its stages are modules: ``lines`` gives each line a role, ``blocks`` groups headline
lines, ``score`` and ``rules`` weigh the evidence that a block starts an article,
``walk`` and ``page`` turn the decisions into drafts, ``pieces`` repairs scattered
pages, ``article`` fills an article's fields, and ``issue`` is the entry point.
"""

from digests.split.issue import (
    SplitOptions,
    detect_issue_date,
    join_continuations,
    split_page_lines,
    split_text,
)

__all__ = [
    "SplitOptions",
    "detect_issue_date",
    "join_continuations",
    "split_page_lines",
    "split_text",
]
