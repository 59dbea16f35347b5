"""Welcome, help, subscription and settings: what a reader keeps between visits."""

from __future__ import annotations

import dataclasses
import re

from bot import callbacks as cb
from bot.i18n import LANGUAGES
from bot.render import line
from bot.replies.base import Button, Ctx, Reply, button, reply
from digests.model import Subscriber

_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")
_TIME_CHOICES = ("06:00", "06:30", "07:00", "07:30", "08:00", "09:00", "12:00", "18:00", "21:00")
READER_COMMANDS = (
    "today",
    "sections",
    "section",
    "headlines",
    "headline",
    "search",
    "article",
    "subscribe",
    "unsubscribe",
    "settings",
    "lang",
    "help",
)
EDITOR_COMMANDS = ("issues", "withdraw", "restore", "stats", "preview", "push", "pushstatus")


def start(ctx: Ctx, args: str) -> Reply:
    archive = ctx.services.archive
    sub = archive.get_subscriber(ctx.who.channel, ctx.who.chat_id)
    if sub is not None and sub.state == "blocked":
        # A reader who blocked the bot and came back wants their digest again.
        archive.set_subscriber_state(ctx.who.channel, ctx.who.chat_id, "active")
    paper = ctx.services.settings.newspaper
    chunks = [
        line(ctx.t("start.welcome", newspaper=paper), bold=True),
        line(ctx.t("start.guide")),
    ]
    rows = []
    if sub is None:
        rows.append([button(ctx.t("start.subscribe_button"), cb.Subscribe())])
    else:
        chunks.append(line(ctx.t("start.subscribed", time=sub.push_time)))
    return reply(chunks, rows)


def help_(ctx: Ctx, args: str) -> Reply:
    chunks = [line(ctx.t("help.title"), bold=True)]
    chunks += [line(f"/{c} — {ctx.t(f'help.{c}')}") for c in READER_COMMANDS]
    chunks.append(line(ctx.t("help.plain_text")))
    if ctx.who.is_admin:
        chunks.append(line(ctx.t("help.editor_title"), bold=True))
        chunks += [line(f"/{c} — {ctx.t(f'help.{c}')}") for c in EDITOR_COMMANDS]
        chunks.append(line(ctx.t("help.upload")))
    return reply(chunks)


def known_sections(ctx: Ctx) -> list[str]:
    """Section names a reader can choose: the latest issue's, then the configured ones."""
    names = [s.name for s in ctx.services.archive.sections(None) if s.name]
    return list(dict.fromkeys([*names, *ctx.sections]))


def _parse_time(text: str) -> str | None:
    m = _TIME.match(text)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return f"{int(m[1]):02d}:{m[2]}"


def _subscriber(ctx: Ctx) -> Subscriber | None:
    return ctx.services.archive.get_subscriber(ctx.who.channel, ctx.who.chat_id)


def _new_subscriber(ctx: Ctx) -> Subscriber:
    settings = ctx.services.settings
    return Subscriber(
        channel=ctx.who.channel,
        chat_id=ctx.who.chat_id,
        push_time=settings.default_push_time,
        timezone=settings.timezone,
        language=ctx.who.language,
    )


def _sections_label(ctx: Ctx, sections: tuple[str, ...]) -> str:
    return ctx.t("prefs.list_sep").join(sections) if sections else ctx.t("prefs.all_sections")


def subscribe(ctx: Ctx, args: str) -> Reply:
    """``/subscribe [HH:MM] [sections…]``: start or change the daily digest."""
    sub = _subscriber(ctx) or _new_subscriber(ctx)
    time = sub.push_time
    chosen: list[str] = []
    known = known_sections(ctx)
    for word in args.replace(",", " ").replace("，", " ").split():
        if _TIME.match(word) or re.fullmatch(r"\d{1,2}[:：]\d+", word):
            parsed = _parse_time(word)
            if parsed is None:
                return reply([line(ctx.t("prefs.bad_time", text=word))])
            time = parsed
        elif word in known or word.isdigit():
            chosen.append(word)
        else:
            listed = ctx.t("prefs.list_sep").join(known) or "—"
            return reply([line(ctx.t("prefs.bad_section", text=word, known=listed))])
    sections = tuple(dict.fromkeys(chosen)) if chosen else sub.sections
    new = dataclasses.replace(sub, push_time=time, sections=sections, state="active")
    ctx.services.archive.save_subscriber(new)
    text = ctx.t("prefs.subscribed", time=time, sections=_sections_label(ctx, sections))
    return reply([line(text), line(ctx.t("prefs.settings_hint"))])


def subscribe_button(ctx: Ctx) -> Reply:
    result = subscribe(ctx, "")
    return Reply(result.messages, toast=ctx.t("prefs.subscribed_toast"))


def unsubscribe(ctx: Ctx, args: str) -> Reply:
    removed = ctx.services.archive.remove_subscriber(ctx.who.channel, ctx.who.chat_id)
    return reply([line(ctx.t("prefs.unsubscribed" if removed else "prefs.not_subscribed"))])


def settings(ctx: Ctx, args: str) -> Reply:
    return settings_menu(ctx, "", edit=False)


def settings_menu(ctx: Ctx, what: str, edit: bool = True) -> Reply:
    sub = _subscriber(ctx)
    back = [button(ctx.t("prefs.back"), cb.SettingsMenu(""))]
    if what == "time":
        current = sub.push_time if sub else ""
        times = [button(("✓ " if t == current else "") + t, cb.SetTime(t)) for t in _TIME_CHOICES]
        rows = [times[i : i + 3] for i in range(0, len(times), 3)]
        return reply([line(ctx.t("prefs.choose_time"))], [*rows, back], edit=edit)
    if what == "sections":
        chosen = set(sub.sections) if sub else set()
        buttons = [
            button(("✓ " if name in chosen else "") + name, cb.ToggleSection(name))
            for name in known_sections(ctx)
            if cb.fits(cb.ToggleSection(name))
        ]
        every = button(
            ("✓ " if not chosen else "") + ctx.t("prefs.all_sections"), cb.ToggleSection("*")
        )
        rows = [[every], *[buttons[i : i + 3] for i in range(0, len(buttons), 3)], back]
        return reply([line(ctx.t("prefs.choose_sections"))], rows, edit=edit)
    if what == "lang":
        rows = [[button(ctx.t(f"prefs.lang_{lang}"), cb.SetLanguage(lang)) for lang in LANGUAGES]]
        return reply([line(ctx.t("prefs.choose_lang"))], [*rows, back], edit=edit)
    lines = [line(ctx.t("prefs.title"), bold=True)]
    if sub is None:
        lines.append(line(ctx.t("prefs.not_subscribed")))
    else:
        state = ctx.t(f"prefs.state_{sub.state}")
        lines.append(line(ctx.t("prefs.summary", time=sub.push_time, state=state)))
        lines.append(line(ctx.t("prefs.sections_now", sections=_sections_label(ctx, sub.sections))))
    lines.append(line(ctx.t("prefs.lang_now", lang=ctx.t(f"prefs.lang_{ctx.who.language}"))))
    main_rows: list[list[Button]] = [
        [
            button(ctx.t("prefs.time_button"), cb.SettingsMenu("time")),
            button(ctx.t("prefs.sections_button"), cb.SettingsMenu("sections")),
            button(ctx.t("prefs.lang_button"), cb.SettingsMenu("lang")),
        ]
    ]
    if sub is None:
        main_rows.append([button(ctx.t("start.subscribe_button"), cb.Subscribe())])
    elif sub.state == "paused":
        main_rows.append([button(ctx.t("prefs.resume_button"), cb.SetPaused(False))])
    else:
        main_rows.append([button(ctx.t("prefs.pause_button"), cb.SetPaused(True))])
    return reply(lines, main_rows, edit=edit)


def set_paused(ctx: Ctx, req: cb.SetPaused) -> Reply:
    """Pause the digest for a holiday, keeping every preference; or resume it."""
    sub = _subscriber(ctx)
    if sub is None:
        return Reply(toast=ctx.t("prefs.not_subscribed"))
    ctx.services.archive.set_subscriber_state(
        ctx.who.channel, ctx.who.chat_id, "paused" if req.paused else "active"
    )
    menu = settings_menu(ctx, "")
    toast = ctx.t("prefs.paused" if req.paused else "prefs.resumed")
    return Reply(menu.messages, edit=True, toast=toast)


def set_time(ctx: Ctx, req: cb.SetTime) -> Reply:
    sub = _subscriber(ctx) or _new_subscriber(ctx)
    ctx.services.archive.save_subscriber(dataclasses.replace(sub, push_time=req.time))
    menu = settings_menu(ctx, "")
    return Reply(menu.messages, edit=True, toast=ctx.t("prefs.time_set", time=req.time))


def toggle_section(ctx: Ctx, req: cb.ToggleSection) -> Reply:
    sub = _subscriber(ctx) or _new_subscriber(ctx)
    if req.name == "*":
        sections: tuple[str, ...] = ()
    elif req.name in sub.sections:
        sections = tuple(s for s in sub.sections if s != req.name)
    else:
        sections = (*sub.sections, req.name)
    ctx.services.archive.save_subscriber(dataclasses.replace(sub, sections=sections))
    menu = settings_menu(ctx, "sections")
    toast = ctx.t("prefs.sections_now", sections=_sections_label(ctx, sections))
    return Reply(menu.messages, edit=True, toast=toast[:200])


def lang(ctx: Ctx, args: str) -> Reply:
    choice = args.strip().lower()[:2]
    if not choice:
        return settings_menu(ctx, "lang", edit=False)
    if choice not in LANGUAGES:
        return reply([line(ctx.t("usage.lang"))])
    return reply([line(ctx.texts.t(choice, "prefs.lang_set"))])
