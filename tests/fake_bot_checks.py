"""The checks a real Bot API server makes on what a bot sends, for the fake server.

Telegram answers 400 for a text longer than 4096 UTF-16 units after entity parsing, for
callback data longer than 64 bytes and for HTML it cannot parse; these functions raise
:class:`ApiError` with the description Telegram gives in those cases.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

MAX_TEXT_UTF16 = 4096
MAX_CALLBACK_BYTES = 64
MAX_CALLBACK_ANSWER = 200

# Tags Telegram's HTML parse mode understands (https://core.telegram.org/bots/api#html-style).
_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
}
_TOKEN = re.compile(
    r"<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>[^<>]*)>"
    r"|&(?P<ent>#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);"
    r"|(?P<bad>[<>&])"
)
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


@dataclass(frozen=True, slots=True)
class ApiError(Exception):
    """An error answer: HTTP status, Telegram's description, and retry_after for 429."""

    code: int
    description: str
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        params: dict[str, int] = {}
        if self.retry_after is not None:
            params["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            params["migrate_to_chat_id"] = self.migrate_to_chat_id
        if params:
            out["parameters"] = params
        return out


def bad_request(what: str) -> ApiError:
    return ApiError(400, f"Bad Request: {what}")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The plain text Telegram makes of an HTML message; ApiError where it refuses."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.group("bad"):
            # Stricter than Telegram, which lets a lone "&" or ">" pass: an unescaped one
            # is a bug in the bot that the tests should catch.
            offset = utf16_len(text[: m.start()])
            raise bad_request(
                f"can't parse entities: unsupported start tag at byte offset {offset}"
            )
        if m.group("ent"):
            ent = m.group("ent")
            if ent.startswith("#x"):
                out.append(chr(int(ent[2:], 16)))
            elif ent.startswith("#"):
                out.append(chr(int(ent[1:])))
            elif ent in _NAMED:
                out.append(_NAMED[ent])
            else:
                raise bad_request(f'can\'t parse entities: unsupported HTML entity "&{ent};"')
            continue
        tag = m.group("tag").lower()
        if tag == "br":
            raise bad_request('can\'t parse entities: unsupported start tag "br"')
        if tag not in _TAGS:
            raise bad_request(f'can\'t parse entities: unsupported start tag "{tag}"')
        if m.group("close"):
            if not stack:
                raise bad_request(f'can\'t parse entities: unexpected end tag "{tag}"')
            if stack[-1] != tag:
                raise bad_request(
                    f"can't parse entities: can't find end tag corresponding to start tag \""
                    f'{stack[-1]}"'
                )
            stack.pop()
        else:
            if tag == "a" and "href" not in m.group("attrs"):
                raise bad_request("can't parse entities: <a> without href")
            stack.append(tag)
    out.append(text[pos:])
    if stack:
        raise bad_request(
            f"can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def check_text(text: object, parse_mode: object) -> str:
    """Validate a message text as sendMessage/editMessageText do; the parsed plain text."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    plain = parse_html(text) if str(parse_mode or "").upper() == "HTML" else text
    plain = plain.strip()
    if not plain:
        raise bad_request("message text is empty")
    if utf16_len(plain) > MAX_TEXT_UTF16:
        raise bad_request("message is too long")
    return plain


def check_markup(raw: object) -> dict[str, Any] | None:
    """Validate reply_markup (a JSON string or dict) as Telegram does."""
    if raw is None or raw == "":
        return None
    markup: Any = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        if not isinstance(row, list):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        for button in row:
            if not str(button.get("text", "")).strip():
                raise bad_request("BUTTON_TEXT_EMPTY")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_BYTES:
                raise bad_request("BUTTON_DATA_INVALID")
            if data is None and not any(
                k in button for k in ("url", "switch_inline_query", "copy_text", "web_app")
            ):
                raise bad_request('can\'t find field "callback_data"')
    return markup


def check_commands(raw: object) -> list[dict[str, str]]:
    commands: Any = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be an array of at most 100 BotCommand")
    for c in commands:
        if not _COMMAND.fullmatch(str(c.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(c.get("description", ""))) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return list(commands)
