"""The terminal channel: the bot's commands and replies as plain text on stdin and stdout.

Each line read is what a Telegram user would type. Buttons print as ``[key] label``; typing
the key presses the button (list numbers are their own keys, other buttons get letters).
The channel ends cleanly at end of input, so ``printf '/today\\n' | paperboy serve`` works.
"""

from __future__ import annotations

import logging
import string
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from bot import callbacks as cb
from bot.replies import Responder
from bot.replies.base import Button, Reply, Who

log = logging.getLogger(__name__)
CHANNEL = "console"
_NOOP = cb.encode(cb.Noop())


@dataclass(slots=True)
class Console:
    """One terminal session: the person at the keyboard is an editor (they run the bot)."""

    responder: Responder
    out: TextIO
    chat_id: str = "console"
    keys: dict[str, Button] = field(default_factory=dict)
    last_text: str = ""

    def who(self) -> Who:
        return self.responder.who(CHANNEL, self.chat_id, None, None, is_admin=True)

    def handle(self, text: str) -> None:
        """Answer one typed line and print the reply."""
        text = text.strip()
        if not text:
            return
        try:
            pressed = self.keys.get(text)
            if pressed is not None:
                reply = self.responder.callback(self.who(), pressed.data, self.last_text)
            else:
                reply = self.responder.text(self.who(), text)
        except Exception:
            incident = uuid.uuid4().hex[:8]
            log.exception("incident %s while answering %r", incident, text)
            apology = self.responder.texts.t(
                self.who().language, "errors.apology", incident=incident
            )
            self._write(apology + "\n")
            return
        self.show(reply)

    def show(self, reply: Reply) -> None:
        text, keys = keyed_text(reply)
        self._write(text)
        if reply.messages:
            self.keys = keys
            self.last_text = reply.messages[-1].text
        self.out.flush()

    def _write(self, text: str) -> None:
        self.out.write(text)


def keyed_text(reply: Reply) -> tuple[str, dict[str, Button]]:
    """A reply as plain text with its buttons as ``[key] label`` lines, and the keys.

    List numbers are their own keys, other buttons get letters; the WeChat channel shows
    replies the same way, so a reader answers a number or a letter there too.
    """
    out: list[str] = []
    if reply.toast:
        out.append(f"({reply.toast})\n")
    if not reply.messages:
        return "".join(out) + ("\n" if reply.toast else ""), {}
    keys: dict[str, Button] = {}
    letters = iter(string.ascii_lowercase)
    for m in reply.messages:
        out.append(m.text.rstrip() + "\n")
        for row in m.buttons:
            labels = []
            for b in row:
                if b.data == _NOOP:
                    labels.append(f"({b.label})")
                    continue
                digit = b.label.isdigit() and b.label not in keys
                key = b.label if digit else next(letters, "")
                if not key:
                    continue
                keys[key] = b
                labels.append(f"[{key}]" if key == b.label else f"[{key}] {b.label}")
            if labels:
                out.append("  ".join(labels) + "\n")
        out.append("\n")
    return "".join(out), keys


def run_console(responder: Responder, lines: Iterable[str], out: TextIO) -> int:
    """Answer every line until the input ends; 0."""
    console = Console(responder, out)
    for raw in lines:
        console.handle(raw)
        out.flush()
    return 0
