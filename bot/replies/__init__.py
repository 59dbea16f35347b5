"""The bot's commands, the same for every channel: a line of text or a button in, a Reply out.

:class:`Responder` is what the Telegram handlers and the terminal channel both call, so
both offer the same commands with the same replies.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import callbacks as cb
from bot.i18n import LANGUAGES, Messages, language_for
from bot.render import line
from bot.replies import editor, prefs, push, reader
from bot.replies.base import Ctx, Reply, Who, reply
from bot.services import Services
from digests.ids import from_command

if TYPE_CHECKING:
    from digests.words import Segmenter  # loaded with the segmenter, after the first answer

Command = Callable[[Ctx, str], Reply]

COMMANDS: dict[str, Command] = {
    "start": prefs.start,
    "help": prefs.help_,
    "today": reader.today,
    "sections": reader.sections,
    "section": reader.section,
    "headlines": reader.headlines,
    "headline": reader.headline,
    "search": reader.search,
    "article": reader.article,
    "subscribe": prefs.subscribe,
    "unsubscribe": prefs.unsubscribe,
    "settings": prefs.settings,
    "lang": prefs.lang,
    "issues": editor.issues,
    "withdraw": editor.withdraw,
    "restore": editor.restore,
    "stats": editor.stats,
    "preview": push.preview,
    "push": push.push,
    "pushstatus": push.pushstatus,
}
DEEP_LINK_PREFIX = "a_"


class FloodGuard:
    """More than ``limit`` messages in ``window`` seconds from one person: slow down.

    It remembers only people heard from in the last ``window`` seconds (older messages no
    longer count) and at most ``max_chats`` of them, so a bot with millions of readers keeps
    a few thousand small entries, not one per reader it ever heard from.
    """

    def __init__(self, limit: int = 20, window: float = 10.0, max_chats: int = 50_000) -> None:
        self.limit = limit
        self.window = window
        self.max_chats = max_chats
        # Least recently heard from first, so forgetting the idle is popping from the front.
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._warned: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def check(self, key: str, now: float | None = None) -> str:
        """ "ok", "warn" (the first message over the limit) or "drop" (the ones after it)."""
        now = time.monotonic() if now is None else now
        self._forget(now)
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = deque()
        else:
            self._seen.move_to_end(key)
        while seen and now - seen[0] > self.window:
            seen.popleft()
        seen.append(now)
        if len(seen) <= self.limit:
            self._warned.pop(key, None)
            return "ok"
        if now - self._warned.get(key, -1e9) > self.window:
            self._warned[key] = now
            return "warn"
        return "drop"

    def _forget(self, now: float) -> None:
        """Drop people silent for a whole window (and the least recent beyond the cap)."""
        while self._seen:
            key, seen = next(iter(self._seen.items()))
            if len(self._seen) < self.max_chats and seen and now - seen[-1] <= self.window:
                return
            del self._seen[key]
            self._warned.pop(key, None)  # a warning is never newer than the last message


class Responder:
    """Answers commands, plain text and button presses for one channel."""

    def __init__(self, services: Services, texts: Messages, sections: tuple[str, ...] = ()) -> None:
        self.services = services
        self.texts = texts
        self.sections = sections
        self.flood = FloodGuard()
        self._languages: dict[str, str] = {}  # chosen by /lang before subscribing

    def segmenter(self) -> Segmenter:
        """The word segmenter for posting issues: the runtime's one (the archive's too)."""
        return self.services.segmenter

    # -- who -----------------------------------------------------------------------------
    def who(
        self,
        channel: str,
        chat_id: str,
        user_id: int | None,
        language_code: str | None = None,
        *,
        is_admin: bool = False,
        bot_username: str = "",
    ) -> Who:
        key = f"{channel}:{chat_id}"
        language = self._languages.get(key)
        if language is None:
            sub = self.services.archive.get_subscriber(channel, chat_id)
            language = sub.language if sub else language_for(language_code)
        return Who(channel, chat_id, user_id, language, is_admin, bot_username)

    def ctx(self, who: Who) -> Ctx:
        return Ctx(self.services, self.texts, who, self.sections)

    def guard(self, who: Who) -> tuple[bool, Reply | None]:
        """Whether to answer, and the slow-down note for the first message over the limit."""
        verdict = self.flood.check(who.actor)
        if verdict == "ok":
            return True, None
        if verdict == "warn":
            return False, reply([line(self.texts.t(who.language, "errors.slow_down"))])
        return False, None

    # -- text ----------------------------------------------------------------------------
    def text(self, who: Who, text: str) -> Reply:
        """A line a person typed: a command, a deep link, or (plain text) a search."""
        stripped = text.strip()
        if not stripped:
            return Reply()
        if not stripped.startswith("/"):
            return reader.search(self.ctx(who), stripped)
        word, _, args = stripped.partition(" ")
        name = word[1:].split("@", 1)[0]
        if name.lower() in COMMANDS:
            return self.command(who, name.lower(), args)
        if name[: len(DEEP_LINK_PREFIX)].lower() == DEEP_LINK_PREFIX:  # /A_… from a phone too
            return self.deep_link(who, name[len(DEEP_LINK_PREFIX) :])
        ctx = self.ctx(who)
        return reply([line(ctx.t("errors.unknown_command", command=word[:40]))])

    def command(self, who: Who, name: str, args: str) -> Reply:
        if name == "start" and args.strip().startswith(DEEP_LINK_PREFIX):
            return self.deep_link(who, args.strip()[len(DEEP_LINK_PREFIX) :])
        if name == "lang" and args.strip().lower()[:2] in LANGUAGES:
            who = self.set_language(who, args.strip().lower()[:2])
        return COMMANDS[name](self.ctx(who), args)

    def deep_link(self, who: Who, spelled: str) -> Reply:
        ctx = self.ctx(who)
        if not spelled:
            return reply([line(ctx.t("usage.article"))])
        article_id = from_command(spelled)
        if not article_id:
            return reply([line(ctx.t("reader.no_article", id=spelled[:64]))])
        return reader.full_text(ctx, article_id)

    def set_language(self, who: Who, language: str) -> Who:
        self._languages[f"{who.channel}:{who.chat_id}"] = language
        archive = self.services.archive
        sub = archive.get_subscriber(who.channel, who.chat_id)
        if sub is not None and sub.language != language:
            archive.save_subscriber(dataclasses.replace(sub, language=language))
        return dataclasses.replace(who, language=language)

    # -- buttons -------------------------------------------------------------------------
    def callback(self, who: Who, data: str, message_text: str = "") -> Reply:
        """A button press; the reply usually edits the message the button sat under."""
        value = cb.decode(data, message_text)
        ctx = self.ctx(who)
        match value:
            case None:
                return Reply(toast=ctx.t("errors.old_button"))
            case cb.Noop():
                return Reply()
            case cb.SearchPage():
                return reader.search_page(ctx, value)
            case cb.HeadlinePage():
                return reader.headline_page(ctx, value)
            case cb.HeadlinesPage():
                return reader.headlines_page(ctx, value)
            case cb.SectionPage():
                return reader.section_page(ctx, value, edit=message_text.startswith(cb.QUERY_MARK))
            case cb.IssuesPage():
                return editor.issues_page(ctx, value)
            case cb.FullText(article_id):
                return reader.full_text(ctx, article_id)
            case cb.Subscribe():
                return prefs.subscribe_button(ctx)
            case cb.SettingsMenu(what):
                return prefs.settings_menu(ctx, what)
            case cb.SetTime():
                return prefs.set_time(ctx, value)
            case cb.ToggleSection():
                return prefs.toggle_section(ctx, value)
            case cb.SetPaused():
                return prefs.set_paused(ctx, value)
            case cb.SetLanguage(language):
                ctx = self.ctx(self.set_language(who, language))
                menu = prefs.settings_menu(ctx, "")
                return Reply(menu.messages, edit=True, toast=ctx.t("prefs.lang_set"))
        return Reply()

    # -- uploads -------------------------------------------------------------------------
    def check_upload(self, who: Who, file_name: str, size: int | None) -> Reply | None:
        return editor.check_upload(self.ctx(who), file_name, size)

    def refuse_media(self, who: Who) -> Reply:
        return editor.refuse_media(self.ctx(who))
