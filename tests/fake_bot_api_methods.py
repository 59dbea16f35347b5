"""The Bot API methods of the fake server, and the updates a test makes people send.

Each ``m_<method>`` takes the decoded parameters and uploaded files and returns the result
Telegram would, or raises :class:`ApiError` where Telegram answers with an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import TYPE_CHECKING, Any

from tests.fake_bot_checks import (
    MAX_CALLBACK_ANSWER,
    ApiError,
    bad_request,
    check_commands,
    check_markup,
    check_text,
    utf16_len,
)

if TYPE_CHECKING:
    from tests.fake_bot_api import FakeBotApi

MAX_DOWNLOAD = 20 * 1024 * 1024
_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}


class MethodsMixin:
    # -- what people do (called from the test's thread) ----------------------------------
    def user(
        self: FakeBotApi, user_id: int, language_code: str = "zh-hans", first_name: str = ""
    ) -> dict[str, Any]:
        """Register (or update) a person and their private chat with the bot."""
        user = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name or f"读者{user_id}",
            "language_code": language_code,
        }
        with self._cond:
            self._users[user_id] = user
            self._chats[user_id] = {
                "id": user_id,
                "type": "private",
                "first_name": user["first_name"],
            }
        return user

    def _user(self: FakeBotApi, user_id: int, language_code: str | None) -> dict[str, Any]:
        known = self._users.get(user_id)
        if known is None or (language_code and known.get("language_code") != language_code):
            return self.user(user_id, language_code or "zh-hans")
        return known

    def _incoming(self: FakeBotApi, user: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "from": user,
            "chat": self._chats[user["id"]],
            "date": int(time.time()),
            **fields,
        }

    def send_text(
        self: FakeBotApi, user_id: int, text: str, *, language_code: str | None = None
    ) -> int:
        """A person sends ``text`` in their private chat; the update id."""
        user = self._user(user_id, language_code)
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            word = text.split(maxsplit=1)[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]
        return self.add_update({"message": self._incoming(user, **fields)})

    def send_document(
        self: FakeBotApi,
        user_id: int,
        content: bytes,
        file_name: str,
        *,
        mime_type: str = "text/plain",
        file_size: int | None = None,
        caption: str | None = None,
        language_code: str | None = None,
    ) -> int:
        """A person uploads a file; ``file_size`` may claim more than ``content`` holds."""
        user = self._user(user_id, language_code)
        n = next(self._ids)
        file_id = f"BQACAgIAAxkBAAI{n:06d}"
        suffix = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
        with self._cond:
            self._files[file_id] = (f"documents/file_{n}.{suffix}", content)
            if file_size is not None:
                self._sizes[file_id] = file_size
        doc = {
            "file_id": file_id,
            "file_unique_id": f"AgAD{n:06d}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content) if file_size is None else file_size,
        }
        fields: dict[str, Any] = {"document": doc}
        if caption:
            fields["caption"] = caption
        return self.add_update({"message": self._incoming(user, **fields)})

    def send_photo(self: FakeBotApi, user_id: int, content: bytes) -> int:
        user = self._user(user_id, None)
        n = next(self._ids)
        file_id = f"AgACAgIAAxkBAAI{n:06d}"
        with self._cond:
            self._files[file_id] = (f"photos/file_{n}.jpg", content)
        size = {"file_id": file_id, "file_unique_id": f"AQAD{n:06d}", "width": 90, "height": 90}
        return self.add_update({"message": self._incoming(user, photo=[size])})

    def press(self: FakeBotApi, user_id: int, message: dict[str, Any], data: str) -> int:
        """A person presses the inline button with callback ``data`` under ``message``."""
        user = self._user(user_id, None)
        query_id = f"{next(self._ids)}{user_id}"
        with self._cond:
            self._callbacks.add(query_id)
        query = {
            "id": query_id,
            "from": user,
            "message": message,
            "chat_instance": f"-{user_id}",
            "data": data,
        }
        return self.add_update({"callback_query": query})

    def add_update(self: FakeBotApi, update: dict[str, Any]) -> int:
        """Queue any update; getUpdates (or the webhook) hands it to the bot."""
        with self._cond:
            update_id = next(self._update_ids)
            self._queue.append({"update_id": update_id, **update})
        if self._loop is not None and self._wakeup is not None:
            self._loop.call_soon_threadsafe(self._wakeup.set)
        return update_id

    def message(self: FakeBotApi, chat_id: int, message_id: int) -> dict[str, Any]:
        """The current state of a message the bot sent."""
        with self._cond:
            return dict(self._messages[(chat_id, message_id)])

    # -- getting updates -----------------------------------------------------------------
    async def m_getupdates(self: FakeBotApi, p: dict[str, Any], f: object) -> list[Any]:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(p.get("offset") or 0)
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        deadline = self.now() + float(p.get("timeout") or 0)
        assert self._wakeup is not None
        while True:
            self._wakeup.clear()
            with self._cond:
                if offset:
                    self._queue = [u for u in self._queue if u["update_id"] >= offset]
                ready = self._queue[:limit]
            left = deadline - self.now()
            if ready or left <= 0:
                now = self.now()
                for u in ready:
                    self.served.setdefault(u["update_id"], now)
                return ready
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), left)

    def m_setwebhook(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        url = str(p.get("url") or "")
        if not url:
            return self.m_deletewebhook(p, f)
        if not url.startswith(("https://", "http://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url, "secret_token": p.get("secret_token") or ""}
        if p.get("drop_pending_updates"):
            with self._cond:
                self._queue.clear()
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.get_running_loop().create_task(self._deliver())
        return True

    def m_deletewebhook(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        self.webhook = {}
        if p.get("drop_pending_updates"):
            with self._cond:
                self._queue.clear()
        return True

    def m_getwebhookinfo(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }

    async def _deliver(self: FakeBotApi) -> None:
        """Post queued updates to the webhook, one at a time, as Telegram does per bot."""
        import httpx

        assert self._wakeup is not None
        async with httpx.AsyncClient(timeout=10) as client:
            while self.webhook.get("url"):
                self._wakeup.clear()
                with self._cond:
                    head = self._queue[0] if self._queue else None
                if head is None:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wakeup.wait(), 0.5)
                    continue
                headers = {}
                if self.webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
                self.served.setdefault(head["update_id"], self.now())
                try:
                    r = await client.post(self.webhook["url"], json=head, headers=headers)
                    delivered = r.status_code < 300
                except httpx.HTTPError:
                    delivered = False
                if delivered:
                    with self._cond:
                        self._queue = [u for u in self._queue if u is not head]
                else:
                    await asyncio.sleep(0.2)

    # -- the bot itself ------------------------------------------------------------------
    def m_getme(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "报童",
            "username": "paperboy_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def m_setmycommands(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        commands = check_commands(p.get("commands"))
        scope = p.get("scope") or {}
        key = (str(scope.get("type", "default")), str(p.get("language_code") or ""))
        self.commands[key] = commands
        return True

    def m_getmycommands(self: FakeBotApi, p: dict[str, Any], f: object) -> list[Any]:
        scope = p.get("scope") or {}
        key = (str(scope.get("type", "default")), str(p.get("language_code") or ""))
        return self.commands.get(key, [])

    def m_deletemycommands(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        scope = p.get("scope") or {}
        key = (str(scope.get("type", "default")), str(p.get("language_code") or ""))
        self.commands.pop(key, None)
        return True

    def m_setmydescription(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        return True

    m_setmyshortdescription = m_setmydescription
    m_setchatmenubutton = m_setmydescription
    m_close = m_setmydescription
    m_logout = m_setmydescription

    # -- chats and messages --------------------------------------------------------------
    def _chat(self: FakeBotApi, raw: object) -> dict[str, Any]:
        try:
            chat_id = int(str(raw))
        except ValueError:
            raise bad_request("chat not found") from None
        chat = self._chats.get(chat_id)
        if chat is None:
            if self.strict_chats:
                raise bad_request("chat not found")
            chat = {"id": chat_id, "type": "private" if chat_id > 0 else "group"}
        return chat

    def _bot_message(self: FakeBotApi, chat: dict[str, Any], **fields: Any) -> dict[str, Any]:
        msg = {
            "message_id": next(self._ids),
            "from": self.m_getme({}, None),
            "chat": chat,
            "date": int(time.time()),
            **{k: v for k, v in fields.items() if v is not None},
        }
        with self._cond:
            self._messages[(chat["id"], msg["message_id"])] = msg
        return msg

    def m_sendmessage(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        chat = self._chat(p.get("chat_id"))
        plain = check_text(p.get("text"), p.get("parse_mode"))
        markup = check_markup(p.get("reply_markup"))
        return self._bot_message(chat, text=plain, reply_markup=markup)

    def m_sendchataction(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        self._chat(p.get("chat_id"))
        if p.get("action") not in _ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def m_senddocument(self: FakeBotApi, p: dict[str, Any], f: dict[str, bytes]) -> dict[str, Any]:
        chat = self._chat(p.get("chat_id"))
        content = next(iter(f.values()), b"")
        if not content:
            raise bad_request("file must be non-empty")
        n = next(self._ids)
        doc = {"file_id": f"BQAD{n:06d}", "file_unique_id": f"U{n}", "file_size": len(content)}
        return self._bot_message(chat, document=doc, caption=p.get("caption"))

    def _edited(self: FakeBotApi, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(p.get("chat_id"))
        with self._cond:
            msg = self._messages.get((chat["id"], int(p.get("message_id") or 0)))
        if msg is None:
            raise bad_request("message to edit not found")
        return msg

    def m_editmessagetext(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        msg = self._edited(p)
        plain = check_text(p.get("text"), p.get("parse_mode"))
        markup = check_markup(p.get("reply_markup"))
        if msg.get("text") == plain and msg.get("reply_markup") == markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        new = {**msg, "text": plain, "edit_date": int(time.time())}
        new.pop("reply_markup", None)
        if markup:
            new["reply_markup"] = markup
        with self._cond:
            self._messages[(msg["chat"]["id"], msg["message_id"])] = new
        return new

    def m_editmessagereplymarkup(self: FakeBotApi, p: dict[str, Any], f: object) -> Any:
        msg = self._edited(p)
        markup = check_markup(p.get("reply_markup"))
        if msg.get("reply_markup") == markup:
            raise bad_request("message is not modified")
        new = {**msg, "reply_markup": markup}
        with self._cond:
            self._messages[(msg["chat"]["id"], msg["message_id"])] = new
        return new

    def m_deletemessage(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        msg = self._edited(p)
        with self._cond:
            self._messages.pop((msg["chat"]["id"], msg["message_id"]), None)
        return True

    def m_answercallbackquery(self: FakeBotApi, p: dict[str, Any], f: object) -> bool:
        query_id = str(p.get("callback_query_id") or "")
        with self._cond:
            known = query_id in self._callbacks
            self._callbacks.discard(query_id)
        if not known:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(p.get("text") or "")) > MAX_CALLBACK_ANSWER:
            raise bad_request("MESSAGE_TOO_LONG")
        return True

    def m_getchat(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        return {**self._chat(p.get("chat_id")), "accent_color_id": 0, "max_reaction_count": 11}

    # -- files ---------------------------------------------------------------------------
    def m_getfile(self: FakeBotApi, p: dict[str, Any], f: object) -> dict[str, Any]:
        file_id = str(p.get("file_id") or "")
        with self._cond:
            stored = self._files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        path, content = stored
        size = self._sizes.get(file_id, len(content))
        if size > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        return {
            "file_id": file_id,
            "file_unique_id": "U" + file_id[-6:],
            "file_size": size,
            "file_path": path,
        }
