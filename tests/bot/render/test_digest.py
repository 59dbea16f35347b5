"""The digest said to a reader: header, headed sections, linked titles, cut into messages."""

from __future__ import annotations

import datetime as dt
import html
import re

from bot.i18n import Messages
from bot.render import TELEGRAM_LIMIT, utf16_len
from bot.render.digest import DigestMessage, render_digest
from bot.render.links import article_command, article_link
from bot.settings import config_dir
from digests.digest import DigestOptions, build_digest
from digests.model import Article, ArticleKind, Issue, Page

DATE = dt.date(2024, 2, 10)


def make_article(page: int, n: int, summary: str = "", kind: ArticleKind = "article") -> Article:
    return Article(
        id=f"dtrb20240210p{page:02d}n{n:02d}",
        kind=kind,
        title=f"第{page}版第{n}篇的标题",
        summary=summary or f"第{page}版第{n}篇的摘要，说的是一件事。",
        paragraphs=("正文第一段。",),
    )


def make_issue(*pages: tuple[int, str, int], summary: str = "", number: int | None = 9876) -> Issue:
    """pages: (number, name, article count)."""
    return Issue(
        newspaper="大同日报",
        date=DATE,
        number=number,
        pages=tuple(
            Page(p, name, tuple(make_article(p, n, summary) for n in range(1, count + 1)))
            for p, name, count in pages
        ),
    )


def rendered(issue: Issue, options: DigestOptions | None = None) -> tuple[DigestMessage, ...]:
    digest = build_digest(issue, options or DigestOptions())
    return render_digest(digest, Messages.load(config_dir()))


def visible(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_header_names_paper_date_number_and_count() -> None:
    """It opens with the newspaper, the date, the issue number and the article count."""
    messages = rendered(make_issue((1, "要闻", 3), (2, "经济", 2)))
    first = messages[0]
    assert first.html.startswith("<b>《大同日报》</b>\n2024年2月10日 星期六 · 第9876期 · 共 5 篇")
    assert first.text.startswith("《大同日报》\n2024年2月10日")


def test_english_header() -> None:
    """It speaks English to a reader who chose it."""
    messages = rendered(make_issue((1, "要闻", 1), number=None), DigestOptions(language="en"))
    assert "2024-02-10 Sat · 1 articles" in messages[0].text


def test_section_heading_then_bold_linked_title_and_summary() -> None:
    """Each section has a heading; each article a bold title linked to its full text."""
    messages = rendered(make_issue((1, "要闻", 1)), DigestOptions(bot_username="paperboy_bot"))
    markup = messages[0].html
    assert "<b>【第1版 要闻】</b>" in markup
    link = "https://t.me/paperboy_bot?start=a_dtrb20240210p01n01"
    assert f'<b><a href="{link}">第1版第1篇的标题</a></b>\n第1版第1篇的摘要' in markup
    assert messages[0].article_ids == ("dtrb20240210p01n01",)


def test_without_a_bot_name_titles_carry_the_article_command() -> None:
    """Without a bot username the /a_<id> command follows the title, in both renderings."""
    messages = rendered(make_issue((1, "要闻", 1)))
    assert "<b>第1版第1篇的标题</b> /a_dtrb20240210p01n01" in messages[0].html
    assert "第1版第1篇的标题  /a_dtrb20240210p01n01" in messages[0].text


def test_ids_outside_the_command_alphabet_are_spelled() -> None:
    """An id with a dash still gives a valid command and deep link."""
    assert article_command("20190201-01-01") == "/a_20190201_h01_h01"
    assert article_link("20190201-01-01", "paperboy_bot").endswith("start=a_20190201_h01_h01")
    assert article_link("x" * 70, "paperboy_bot") == ""  # over the 64-byte payload limit
    assert article_link("abc", "") == ""


def test_article_text_is_escaped() -> None:
    """Markup in a title or summary shows as text and never breaks the HTML."""
    issue = Issue(
        "大同日报",
        DATE,
        (Page(1, "要<闻>", (Article(id="a1", title="<b>&amp;", summary="1 < 2 & 3 > 2"),)),),
    )
    messages = rendered(issue)
    markup = messages[0].html
    assert "&lt;b&gt;&amp;amp;" in markup
    assert "1 &lt; 2 &amp; 3 &gt; 2" in markup
    assert "【第1版 要&lt;闻&gt;】" in markup
    assert "<b>&amp;" in messages[0].text


def test_messages_stay_within_the_limit_and_split_between_articles() -> None:
    """Every message fits 4096 UTF-16 units; each article lies whole in one message."""
    summary = "长摘要里有表情😀也有汉字。" * 12
    issue = make_issue((1, "要闻", 20), (2, "要闻", 15), (3, "综合", 12), summary=summary)
    messages = rendered(issue, DigestOptions(bot_username="paperboy_bot"))
    assert len(messages) > 2
    seen: list[str] = []
    for message in messages:
        assert utf16_len(message.html) <= TELEGRAM_LIMIT
        assert utf16_len(message.text) <= TELEGRAM_LIMIT
        for article_id in message.article_ids:
            n = int(article_id[-2:])
            page = int(article_id[-5:-3])
            title = f"第{page}版第{n}篇的标题"
            assert f"{title}</a></b>\n{summary}" in message.html
            assert title in message.text
        seen.extend(message.article_ids)
    assert seen == [a.id for a in issue.articles]


def test_a_section_running_on_repeats_its_heading() -> None:
    """A section cut across messages is headed again, marked as continued."""
    messages = rendered(make_issue((1, "要闻", 40), summary="摘要。" * 60))
    assert len(messages) > 1
    assert messages[1].text.startswith("【第1版 要闻】（续）\n")
    assert messages[1].html.startswith("<b>【第1版 要闻】（续）</b>\n")


def test_a_heading_never_ends_a_message() -> None:
    """A section heading moves with its first article to the next message."""
    for count in range(1, 30):
        issue = make_issue((1, "要闻", count), (2, "经济", 3), summary="摘要。" * 60)
        for message in rendered(issue):
            assert not message.text.rstrip().endswith("】")


def test_no_chosen_section_in_the_issue_says_so() -> None:
    """It sends one message that says the issue has none of the reader's sections."""
    messages = rendered(make_issue((1, "要闻", 2)), DigestOptions(sections=("体育",)))
    assert len(messages) == 1
    assert "没有您订阅的版面" in messages[0].text


def test_photos_get_one_line_and_ads_none() -> None:
    """A photo item is one line with its caption title; an advertisement is left out."""
    issue = Issue(
        "大同日报",
        DATE,
        (
            Page(
                1,
                "要闻",
                (
                    make_article(1, 1),
                    Article(id="p2", kind="photo", title="古城灯会", summary="灯会现场。"),
                    Article(id="p3", kind="ad", title="广告"),
                ),
            ),
        ),
    )
    messages = rendered(issue)
    assert "📷 古城灯会  /a_p2\n" in messages[0].text + "\n"
    assert "灯会现场" not in messages[0].text
    assert "广告" not in messages[0].text
    assert messages[0].article_ids == ("dtrb20240210p01n01", "p2")


def test_an_oversized_summary_is_cut() -> None:
    """A summary too long for one message is shortened and ends in an ellipsis."""
    messages = rendered(make_issue((1, "要闻", 2), summary="很长。" * 3000))
    for message in messages:
        assert utf16_len(message.html) <= TELEGRAM_LIMIT
    assert "…" in messages[0].text
    assert [i for m in messages for i in m.article_ids] == [
        "dtrb20240210p01n01",
        "dtrb20240210p01n02",
    ]


def test_untitled_items_use_their_first_sentence() -> None:
    """A brief without a title is named by its first sentence."""
    issue = Issue(
        "大同日报",
        DATE,
        (Page(1, "要闻", (Article(id="b1", kind="brief", paragraphs=("简讯内容。第二句。",)),)),),
    )
    text = rendered(issue)[0].text
    assert "简讯内容。  /a_b1\n简讯内容。" in text


def test_visible_text_matches_plain_rendering() -> None:
    """The HTML shows the same words as the terminal rendering (links aside)."""
    messages = rendered(make_issue((1, "要闻", 3)))
    for message in messages:
        assert visible(message.html).replace(" /a_", "  /a_") == message.text


def test_one_oversized_item_never_breaks_the_message_limit() -> None:
    """A 7,500-character title or a 5,000-character id is cut; every message still fits."""
    long_title = Article(id="t1", title="长" * 7500, summary="摘要。", paragraphs=("正文。",))
    long_id = Article(id="x" * 5000, title="正常标题", summary="摘要。", paragraphs=("正文。",))
    photo = Article(id="p1", kind="photo", title="图" * 7500)
    issue = Issue("大同日报", DATE, (Page(1, "要闻", (long_title, long_id, photo)),))
    messages = rendered(issue)
    for message in messages:
        assert utf16_len(message.html) <= TELEGRAM_LIMIT
        assert utf16_len(message.text) <= TELEGRAM_LIMIT
    text = "\n".join(m.text for m in messages)
    assert "长" * 100 in text and "…" in text
    assert "正常标题" in text and "x" * 100 not in text


def test_a_page_without_name_or_number_still_has_a_heading() -> None:
    """A page with neither a section name nor a number is headed by a name, never 【】."""
    issue = Issue("大同日报", DATE, (Page(None, "", (make_article(1, 1),)),))
    assert "【未标版名的版面】" in rendered(issue)[0].text
    english = rendered(issue, DigestOptions(language="en"))[0].text
    assert "[Unnamed page]" in english and "[]" not in english


def test_each_message_has_a_full_text_button_per_article() -> None:
    """The buttons under a message open exactly the articles it shows, titled short."""
    messages = rendered(make_issue((1, "要闻", 40), summary="摘要。" * 60))
    for m in messages:
        assert len(m.buttons) == len(m.article_ids)
    label, _ = messages[0].buttons[0]
    assert label.startswith("全文：第1版第1篇")
