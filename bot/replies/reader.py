"""What readers ask for: today's digest, sections, headlines, search, a full article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot import callbacks as cb
from bot.render import Chunk, line, marked
from bot.render.digest import render_digest, short
from bot.render.links import COMMAND_MAX, article_command
from bot.replies.base import (
    PAGE_SIZE,
    Button,
    Ctx,
    Message,
    Reply,
    button,
    find_article,
    looks_like_date,
    one_line,
    parse_date,
    parse_range,
    reply,
)
from digests.archive.base import Hit, SearchOptions, SearchResult, StoredArticle
from digests.digest import MAX_TITLE_CHARS, DigestOptions, build_digest, counted, display_title
from digests.model import Issue


def _no_issue(ctx: Ctx, date: dt.date | None = None) -> Reply:
    if date:
        return reply([line(ctx.t("reader.no_issue_on", date=f"{date:%Y-%m-%d}"))])
    return reply([line(ctx.t("reader.no_issue"))])


def _usage(ctx: Ctx, command: str) -> Reply:
    return reply([line(ctx.t(f"usage.{command}"))])


def today(ctx: Ctx, args: str) -> Reply:
    """The latest issue's digest, for the reader's sections if they chose some."""
    archive = ctx.services.archive
    issue = archive.get_issue(None)
    if issue is None:
        return _no_issue(ctx)
    sub = archive.get_subscriber(ctx.who.channel, ctx.who.chat_id)
    return digest_reply(ctx, issue, sub.sections if sub else ())


def digest_reply(ctx: Ctx, issue: Issue, sections: tuple[str, ...]) -> Reply:
    """The digest of ``issue`` for ``sections`` as subscribers get it, with 全文 buttons."""
    options = DigestOptions(
        sections=sections, language=ctx.who.language, bot_username=ctx.who.bot_username
    )
    return Reply(
        tuple(
            Message(m.html, m.text, tuple((Button(label, data),) for label, data in m.buttons))
            for m in render_digest(build_digest(issue, options), ctx.texts)
        )
    )


def _fulltext_rows(ctx: Ctx, ids: Sequence[str]) -> tuple[tuple[Button, ...], ...]:
    """Number buttons 1..n that open the articles of a list, five to a row."""
    buttons = [
        button(str(i), cb.FullText(a)) for i, a in enumerate(ids, 1) if cb.fits(cb.FullText(a))
    ]
    return tuple(tuple(buttons[i : i + PAGE_SIZE]) for i in range(0, len(buttons), PAGE_SIZE))


def _nav_row(ctx: Ctx, page: int, pages: int, make: Callable[[int], cb.Callback]) -> list[Button]:
    if pages <= 1:
        return []
    row = []
    if page > 0:
        row.append(button(ctx.t("nav.previous"), make(page - 1)))
    row.append(button(f"{page + 1}/{pages}", cb.Noop()))
    if page + 1 < pages:
        row.append(button(ctx.t("nav.next"), make(page + 1)))
    return row


def _where(ctx: Ctx, s: StoredArticle) -> str:
    page = ctx.t("reader.page", n=s.page) if s.page is not None else ""
    return " · ".join(p for p in (f"{s.date:%Y-%m-%d}", page, s.section) if p)


def _listed(
    ctx: Ctx, n: int, title: str, where: str, article_id: str, extra: str | Chunk = ""
) -> Chunk:
    """One item of a list; a broken archive line's huge title or id is cut (the number
    button still opens it), so one item never fills a message."""
    title = short(title, MAX_TITLE_CHARS)
    command = article_command(article_id)
    command = command if len(command) <= COMMAND_MAX else ""
    head = line(f"{n}. {title}", bold=True)
    parts = [head.html, f"{line(where).html} {command}".rstrip()]
    texts = [head.text, f"{where} {command}".rstrip()]
    if isinstance(extra, str) and extra:
        extra = line(short(extra, 3 * MAX_TITLE_CHARS))
    if isinstance(extra, Chunk) and extra.text:
        parts.append(extra.html)
        texts.append(extra.text)
    return Chunk("\n".join(parts), "\n".join(texts))


def _paged(
    ctx: Ctx,
    header: Sequence[Chunk],
    items: Sequence[Chunk],
    ids: Sequence[str],
    page: int,
    total: int,
    make: Callable[[int], cb.Callback],
    edit: bool,
) -> Reply:
    pages = max(1, -(-total // PAGE_SIZE))
    rows = [*_fulltext_rows(ctx, ids), _nav_row(ctx, page, pages, make)]
    body = [*header, *items]
    if total > len(items) or ids:
        body.append(line(ctx.t("reader.tap_number")))
    return reply(body, rows, sep="\n\n", edit=edit)


def sections(ctx: Ctx, args: str) -> Reply:
    """Each page with the number of articles /today and /section show (ads not counted,
    and said so)."""
    issue = ctx.services.archive.get_issue(None)
    if issue is None:
        return _no_issue(ctx)
    date = issue.date
    chunks = [line(ctx.t("reader.sections_title", date=f"{date:%Y-%m-%d}"), bold=True)]
    buttons = []
    for p in issue.pages:
        page = ctx.t("reader.page", n=p.number) if p.number is not None else ""
        label = " ".join(x for x in (page, p.name) if x)
        n = sum(1 for a in p.articles if counted(a))
        ads = len(p.articles) - n
        key = "reader.section_line_ads" if ads else "reader.section_line"
        chunks.append(line(ctx.t(key, section=label, n=n, ads=ads)))
        name = p.name or str(p.number or "")
        if name and cb.fits(cb.SectionPage(0, name, date)):
            buttons.append(button(label, cb.SectionPage(0, name, date)))
    chunks.append(line(ctx.t("reader.sections_hint")))
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    return reply(chunks, rows)


def section(ctx: Ctx, args: str) -> Reply:
    words = args.split()
    date = parse_date(words[-1]) if len(words) > 1 else None
    if date is None and len(words) > 1 and looks_like_date(words[-1]):
        return reply([line(ctx.t("reader.bad_date", text=words[-1]))])
    name = " ".join(words[:-1] if date else words)
    if not name:
        return _usage(ctx, "section")
    return section_page(ctx, cb.SectionPage(0, name, date), edit=False)


def section_page(ctx: Ctx, req: cb.SectionPage, edit: bool = True) -> Reply:
    found = [
        s
        for s in ctx.services.archive.section(req.name, req.date)
        if not s.withdrawn and counted(s.article)
    ]
    if not found:
        return reply([line(ctx.t("reader.no_section", name=req.name))])
    first = found[0]
    title = " ".join(
        p
        for p in (
            ctx.t("reader.page", n=first.page) if first.page is not None else "",
            first.section,
        )
        if p
    )
    header = [
        line(f"{cb.QUERY_MARK}{req.name}"),
        line(
            ctx.t("reader.section_title", section=title, date=f"{first.date:%Y-%m-%d}"), bold=True
        ),
    ]
    start = req.page * PAGE_SIZE
    shown = found[start : start + PAGE_SIZE]
    items = [
        _listed(ctx, start + i, _title(s), _where(ctx, s), s.article.id, s.article.summary)
        for i, s in enumerate(shown, 1)
    ]
    ids = [s.article.id for s in shown]
    make = lambda p: cb.SectionPage(p, req.name, req.date)  # noqa: E731
    return _paged(ctx, header, items, ids, req.page, len(found), make, edit)


def _title(s: StoredArticle) -> str:
    return display_title(s.article)


def headlines(ctx: Ctx, args: str) -> Reply:
    date = parse_date(args) if args.strip() else None
    if args.strip() and date is None:
        return reply([line(ctx.t("reader.bad_date", text=args.strip()))])
    return headlines_page(ctx, cb.HeadlinesPage(0, date), edit=False)


def headlines_page(ctx: Ctx, req: cb.HeadlinesPage, edit: bool = True) -> Reply:
    issue = ctx.services.archive.get_issue(req.date)
    if issue is None:
        return _no_issue(ctx, req.date)
    listed = [(page, a) for page in issue.pages for a in page.articles if counted(a)]
    header = [line(ctx.t("reader.headlines_title", date=f"{issue.date:%Y-%m-%d}"), bold=True)]
    start = req.page * PAGE_SIZE
    shown = listed[start : start + PAGE_SIZE]
    items = []
    for i, (page, a) in enumerate(shown, start + 1):
        where = " · ".join(
            p for p in (ctx.t("reader.page", n=page.number) if page.number else "", page.name) if p
        )
        extra = " ".join(p for p in (a.kicker, a.subtitle) if p)
        items.append(_listed(ctx, i, display_title(a), where, a.id, extra))
    ids = [a.id for _, a in shown]
    make = lambda p: cb.HeadlinesPage(p, req.date)  # noqa: E731
    return _paged(ctx, header, items, ids, req.page, len(listed), make, edit)


def headline(ctx: Ctx, args: str) -> Reply:
    fragment = one_line(args)
    if not fragment:
        return _usage(ctx, "headline")
    return headline_page(ctx, cb.HeadlinePage(0, fragment), edit=False)


def headline_page(ctx: Ctx, req: cb.HeadlinePage, edit: bool = True) -> Reply:
    opts = SearchOptions(limit=PAGE_SIZE, offset=req.page * PAGE_SIZE)
    result = ctx.services.archive.headline(req.fragment, opts)
    make = lambda p: cb.HeadlinePage(p, req.fragment)  # noqa: E731
    return _results(ctx, req.fragment, req.page, result, make, edit)


def search(ctx: Ctx, args: str) -> Reply:
    words = one_line(args).split()
    since = until = None
    while words and looks_like_date(words[-1]):
        bounds = parse_range(words[-1])
        if bounds is None:
            return reply([line(ctx.t("reader.bad_date", text=words[-1]))])
        words.pop()
        since = min(bounds[0], since) if since else bounds[0]
        until = max(bounds[1], until) if until else bounds[1]
    query = " ".join(words)
    if not query:
        return _usage(ctx, "search")
    return search_page(ctx, cb.SearchPage(0, query, since, until), edit=False)


def search_page(ctx: Ctx, req: cb.SearchPage, edit: bool = True) -> Reply:
    archive = ctx.services.archive
    if not edit:
        archive.record_search()
    opts = SearchOptions(
        limit=PAGE_SIZE, offset=req.page * PAGE_SIZE, since=req.since, until=req.until
    )
    result = archive.search(req.query, opts)
    make = lambda p: cb.SearchPage(p, req.query, req.since, req.until)  # noqa: E731
    return _results(ctx, req.query, req.page, result, make, edit)


def _results(
    ctx: Ctx,
    query: str,
    page: int,
    result: SearchResult,
    make: Callable[[int], cb.Callback],
    edit: bool,
) -> Reply:
    header = [line(f"{cb.QUERY_MARK}{query}")]
    if not result.hits:
        header.append(line(ctx.t("reader.no_results")))
        return reply(header, edit=edit)
    header.append(line(ctx.t("reader.results", n=result.total), bold=True))
    header += [line(ctx.texts.say(ctx.who.language, n)) for n in result.notices]
    start = page * PAGE_SIZE
    items = [_hit(ctx, i, h) for i, h in enumerate(result.hits, start + 1)]
    ids = [h.id for h in result.hits]
    return _paged(ctx, header, items, ids, page, result.total, make, edit)


def _hit(ctx: Ctx, n: int, h: Hit) -> Chunk:
    """One result per text; a text printed more than once names its other printings."""
    where = " · ".join(p for p in (f"{h.date:%Y-%m-%d}", _page(ctx, h.page), h.section) if p)
    others = [
        " ".join(x for x in (f"{p.date:%Y-%m-%d}", _page(ctx, p.page)) if x)
        for p in h.printings[1:]
    ]
    if others:
        where += " · " + ctx.t("reader.also_printed", places=" / ".join(others))
    return _listed(ctx, n, h.title, where, h.id, marked(h.snippet, 3 * MAX_TITLE_CHARS))


def _page(ctx: Ctx, page: int | None) -> str:
    return ctx.t("reader.page", n=page) if page is not None else ""


def article(ctx: Ctx, args: str) -> Reply:
    article_id = args.strip()
    if not article_id:
        return _usage(ctx, "article")
    return full_text(ctx, article_id)


def full_text(ctx: Ctx, article_id: str) -> Reply:
    """The whole article: kicker, title, subtitle, byline, where printed, then the text."""
    stored = find_article(ctx.services.archive, article_id)
    if stored is None or (stored.withdrawn and not ctx.who.is_admin):
        return reply([line(ctx.t("reader.no_article", id=article_id))])
    a = stored.article
    head: list[Chunk] = []
    if stored.withdrawn:
        head.append(line(ctx.t("editor.withdrawn_mark", id=a.id), italic=True))
    if a.kicker:
        head.append(line(a.kicker, italic=True))
    # An untitled item (a photo, a brief) is headed by its kind, its text follows.
    head.append(line(a.title or a.kicker or ctx.t(f"kind.{a.kind}"), bold=True))
    if a.subtitle:
        head.append(line(a.subtitle))
    if a.byline:
        head.append(line(a.byline, italic=True))
    paper = ctx.t("digest.paper", name=stored.newspaper)
    head.append(line(" · ".join(p for p in (paper, _where(ctx, stored)) if p)))
    first = Chunk("\n".join(c.html for c in head), "\n".join(c.text for c in head))
    body = [line(p) for p in a.paragraphs if p.strip()]
    if a.continued_to:
        body.append(line(ctx.t("reader.continued_to", n=a.continued_to), italic=True))
    return reply([first, *body], sep="\n\n")
