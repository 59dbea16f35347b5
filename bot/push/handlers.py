"""Editors' push commands: /preview, /push now, /pushstatus (and the status text the CLI prints)."""

from __future__ import annotations

import json
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop, CommandHandler, ContextTypes

from bot.i18n import language_for
from bot.push.service import PushService, PushStatus
from digests.archive.base import DeliveryCounts
from digests.digest import DigestOptions, build_digest

TEXTS = {
    "zh": {
        "refused": "抱歉，这个命令只有编辑可以使用。",
        "no_issue": "还没有任何一期报纸。请先上传。",
        "push_usage": "用法：/push now —— 立即把最新一期推送给所有订阅者。",
        "pushing": (
            "开始推送《{paper}》{date}：{pending} 位订阅者待发送，{sent} 位已收到。"
            "发送 /pushstatus 查看进度。"
        ),
        "status": (
            "推送 {key}\n已发送 {sent} · 待发送 {pending} · 失败 {failed} · 已屏蔽 {blocked}\n"
            "当前速率 {rate} · 预计还需 {eta}"
        ),
        "rate": "{r:.1f} 条/秒",
        "eta_done": "已完成",
        "eta_unknown": "未知",
        "eta": "{s} 秒",
        "preview_note": "（预览：订阅者收到的就是下面这些消息）",
        "not_pushed": "{key} 还没有推送过。",
        "asked": "已请正在运行的 serve 推送《{paper}》{date}（{n} 位订阅者）。",
    },
    "en": {
        "refused": "Sorry, only editors may use this command.",
        "no_issue": "There is no issue yet. Upload one first.",
        "push_usage": "Usage: /push now — send the latest issue to every subscriber now.",
        "pushing": (
            "Pushing {paper} {date}: {pending} subscribers to go, {sent} already have it. "
            "Send /pushstatus to follow."
        ),
        "status": (
            "Push {key}\nsent {sent} · pending {pending} · failed {failed} · blocked {blocked}\n"
            "rate {rate} · ETA {eta}"
        ),
        "rate": "{r:.1f} msg/s",
        "eta_done": "done",
        "eta_unknown": "unknown",
        "eta": "{s} s",
        "preview_note": "(Preview: subscribers get exactly the messages below)",
        "not_pushed": "{key} has not been pushed yet.",
        "asked": "Asked the running serve to push {paper} {date} ({n} subscribers).",
    },
}


def t(language: str, name: str, **values: object) -> str:
    return TEXTS.get(language, TEXTS["zh"])[name].format(**values)


def status_text(
    language: str, key: str, counts: DeliveryCounts, rate: float | None, eta_s: float | None
) -> str:
    if not counts.total:
        return t(language, "not_pushed", key=key)
    if counts.pending == 0:
        eta = t(language, "eta_done")
    elif eta_s is None:
        eta = t(language, "eta_unknown")
    else:
        eta = t(language, "eta", s=int(eta_s + 0.999))
    return t(
        language,
        "status",
        key=key,
        sent=counts.sent,
        pending=counts.pending,
        failed=counts.failed,
        blocked=counts.blocked,
        rate=t(language, "rate", r=rate or 0.0),
        eta=eta,
    )


def describe(status: PushStatus, language: str) -> str:
    return status_text(language, status.issue_key, status.counts, status.rate, status.eta_s)


class EditorCommands:
    """The three commands, bound to one PushService."""

    def __init__(self, service: PushService) -> None:
        self.service = service

    def handlers(self) -> list[CommandHandler[Any, Any]]:
        return [
            CommandHandler("preview", self.preview),
            CommandHandler("push", self.push),
            CommandHandler("pushstatus", self.pushstatus),
        ]

    def _allowed(self, update: Update) -> bool:
        user = update.effective_user
        return bool(user and user.id in self.service.services.settings.admins)

    async def _answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        chat = update.effective_chat
        if chat is not None:
            await context.bot.send_message(chat.id, text)

    async def _guard(self, update: Update, context: ContextTypes.DEFAULT_TYPE, what: str) -> str:
        """The editor's language; refuses (and stops) anyone else."""
        user = update.effective_user
        language = language_for(user.language_code if user else None)
        if not self._allowed(update):
            await self._answer(update, context, t(language, "refused"))
            raise ApplicationHandlerStop
        self.service.services.archive.audit(f"telegram:{user.id if user else '?'}", what)
        return language

    async def preview(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        language = await self._guard(update, context, "preview")
        latest = self.service.latest()
        chat = update.effective_chat
        if latest is None or chat is None:
            await self._answer(update, context, t(language, "no_issue"))
            raise ApplicationHandlerStop
        sections = tuple(context.args or ())
        options = DigestOptions(
            sections=sections, language=language, bot_username=context.bot.username or ""
        )
        await self._answer(update, context, t(language, "preview_note"))
        digest = build_digest(latest[0], options)
        for html, markup in self.service.engine.render(latest[0], digest, language):
            await context.bot.send_message(
                chat.id,
                html,
                parse_mode=ParseMode.HTML,
                disable_web_page_preview=True,
                api_kwargs={"reply_markup": json.loads(markup)} if markup else None,
            )
        raise ApplicationHandlerStop

    async def push(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        language = await self._guard(update, context, "push " + " ".join(context.args or ()))
        if [a.lower() for a in context.args or ()] != ["now"]:
            await self._answer(update, context, t(language, "push_usage"))
            raise ApplicationHandlerStop
        started = self.service.push_now()
        if started is None:
            await self._answer(update, context, t(language, "no_issue"))
            raise ApplicationHandlerStop
        key, counts = started
        paper, _, date = key.rpartition("/")
        text = t(
            language, "pushing", paper=paper, date=date, pending=counts.pending, sent=counts.sent
        )
        await self._answer(update, context, text)
        raise ApplicationHandlerStop

    async def pushstatus(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        language = await self._guard(update, context, "pushstatus")
        status = self.service.status()
        text = describe(status, language) if status else t(language, "no_issue")
        await self._answer(update, context, text)
        raise ApplicationHandlerStop
