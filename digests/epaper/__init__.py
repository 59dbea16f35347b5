"""Reading e-paper sites of Chinese dailies: pure functions from HTML to frozen values.

Three systems cover most local dailies (see ../shared/EPAPER.md): Founder classic
(``html/YYYY-MM/DD/node_N.htm``), Founder new (``pc/layout/YYYYMM/DD/node_01.html``) and
the shtml system (``shtml/<paper>/YYYYMMDD/vNN.shtml``). The system is told from the HTML;
the fetching (I/O) lives in bot.fetch.
"""

from digests.epaper.charset import decode_html
from digests.epaper.common import date_in_url, with_date
from digests.epaper.detect import read_article, read_page, redirect_target
from digests.epaper.issue import page_from_articles, with_headlines
from digests.epaper.model import ArticleLink, ArticleView, PageLink, PageView, System

__all__ = [
    "ArticleLink",
    "ArticleView",
    "PageLink",
    "PageView",
    "System",
    "date_in_url",
    "decode_html",
    "page_from_articles",
    "read_article",
    "read_page",
    "redirect_target",
    "with_date",
    "with_headlines",
]
