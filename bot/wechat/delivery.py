"""Digests over WeChat, within what WeChat allows, recorded in the delivery ledger.

Three paths, tried in this order for each subscriber whose digest is due:

* customer-service messages, which WeChat accepts only within 48 hours of the follower's
  last message to the account (45015 otherwise; 45047 when that follower's quota is used);
* one mass message for those the first could not reach: a subscription account may send
  one a day, to every follower (``sendall``); a service account four a month to each
  follower, to lists of OpenIDs (``send``). A ``clientmsgid`` made from the issue (and the
  list) makes WeChat refuse a second send of the same message after a restart;
* and always, asking: the menu's 今日要闻 answers with the digest (see :mod:`.words`).

The ledger row of (issue, wechat, OpenID) is sent once its path succeeded: the part numbers
sent by customer-service message (a restart resumes at the next part), or
``(MASS, msg_id)`` for a mass send. 45009 (the account's daily API quota) pauses sending
for an hour with the rows left pending.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from bot.i18n import Messages
from bot.push.schedule import due_subscribers, zone
from bot.render.digest import render_digest
from bot.services import Services
from bot.wechat.api import (
    API_QUOTA,
    CS_QUOTA,
    FOLLOWER_GONE,
    OUT_OF_WINDOW,
    WeChatApi,
    WeChatApiError,
)
from bot.wechat.chat import CHANNEL, PART_UNITS, linkify, split_text
from digests.archive.base import Archive, Delivery
from digests.digest import DigestOptions, build_digest, issue_key
from digests.model import Issue, Subscriber

WINDOW_S = 48 * 3600.0
MASS = -1  # first message id of a row sent by mass message
SERVICE_MASS_PER_MONTH = 4
NO_MASS_QUOTA = 45028  # "has no masssend quota"
PAUSE_S = 3600.0
_LOG = logging.getLogger(__name__)


class Presence:
    """When each follower last wrote to the account (the 48-hour window), bounded."""

    def __init__(self, limit: int = 200_000, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self.clock = clock
        self._last: collections.OrderedDict[str, float] = collections.OrderedDict()

    def saw(self, openid: str) -> None:
        self._last.pop(openid, None)
        self._last[openid] = self.clock()
        while len(self._last) > self.limit:
            self._last.popitem(last=False)

    def out_of_window(self, openid: str) -> bool:
        """Known to be outside the window (unknown, e.g. after a restart: try and see)."""
        last = self._last.get(openid)
        return last is not None and self.clock() - last > WINDOW_S - 600


@dataclass(slots=True)
class Report:
    custom: int = 0  # digests sent by customer-service message
    mass: int = 0  # subscribers reached by a mass message
    failed: int = 0
    waiting: int = 0  # left pending (quota, network): the next round tries again


class WeChatDelivery:
    def __init__(
        self,
        services: Services,
        api: WeChatApi,
        texts: Messages,
        presence: Presence,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.services = services
        self.api = api
        self.texts = texts
        self.presence = presence
        self.now = now
        self.paused_until = 0.0

    @property
    def archive(self) -> Archive:
        return self.services.archive

    def subscribers(self) -> list[Subscriber]:
        return [s for s in self.archive.subscribers("active") if s.channel == CHANNEL]

    async def deliver_due(self) -> Report:
        """Send the latest issue to every WeChat subscriber whose digest is due now."""
        infos = self.archive.list_issues(1)
        issue = self.archive.get_issue(infos[0].date, infos[0].newspaper) if infos else None
        if issue is None:
            return Report()
        settings = self.services.settings
        stamp = infos[0].stored_at
        if stamp is None:
            stamp = dt.datetime.combine(issue.date, dt.time(0), tzinfo=zone(settings.timezone))
        elif stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.UTC)
        window = dt.timedelta(hours=settings.catchup_window_hours)
        due = due_subscribers(self.subscribers(), stamp, self.now(), window, settings.timezone)
        return await self.push(issue, due)

    async def push(self, issue: Issue, recipients: Sequence[Subscriber]) -> Report:
        """Plan the issue for these subscribers and send whatever is pending."""
        key = issue_key(issue.newspaper, issue.date)
        self.archive.plan_deliveries(key, [(s.channel, s.chat_id) for s in recipients])
        return await self.run(issue)

    async def run(self, issue: Issue) -> Report:
        key = issue_key(issue.newspaper, issue.date)
        report = Report()
        rows = [r for r in self.archive.pending_deliveries(key, 1_000_000) if r.channel == CHANNEL]
        if not rows:
            return report
        if time.monotonic() < self.paused_until:
            report.waiting = len(rows)
            return report
        people = {s.chat_id: s for s in self.subscribers()}
        unreached: list[tuple[Delivery, Subscriber]] = []
        for i, row in enumerate(rows):
            sub = people.get(row.chat_id)
            if sub is None:
                self.archive.mark_failed(key, CHANNEL, row.chat_id, "unsubscribed or paused")
                report.failed += 1
                continue
            if self.presence.out_of_window(sub.chat_id):
                unreached.append((row, sub))
                continue
            outcome = await self._custom(key, row, self.parts(issue, sub))
            if outcome == "stop":
                report.waiting += len(rows) - i
                return report
            if outcome == "unreached":
                unreached.append((row, sub))
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
        if unreached:
            await self._mass(issue, unreached, report)
        return report

    def parts(self, issue: Issue, sub: Subscriber) -> tuple[str, ...]:
        """The digest as WeChat texts (the digest subscribers get elsewhere, cut smaller)."""
        return split_text(self._digest_text(issue, sub.sections, sub.language))

    def _digest_text(self, issue: Issue, sections: tuple[str, ...], language: str) -> str:
        digest = build_digest(issue, DigestOptions(sections=sections, language=language))
        label = self.texts.t(language, "wechat.read")
        text = "\n\n".join(m.text for m in render_digest(digest, self.texts))
        return linkify(text, self.api.settings.link_base, label)

    async def _custom(self, key: str, row: Delivery, parts: Sequence[str]) -> str:
        """Send the parts not yet sent: custom, failed, unreached (window) or stop."""
        sent = [i for i in row.message_ids if i > 0]
        try:
            for n in range(len(sent), len(parts)):
                await self.api.send_text(row.chat_id, parts[n])
                sent.append(n + 1)
        except WeChatApiError as e:
            if e.errcode in (OUT_OF_WINDOW, CS_QUOTA) and not sent:
                return "unreached"
            if e.errcode in (OUT_OF_WINDOW, CS_QUOTA):  # began: the rest by asking (今日)
                self.archive.mark_sent(key, CHANNEL, row.chat_id, sent)
                return "custom"
            if e.errcode == API_QUOTA:
                self._pause(key, row, sent, e)
                return "stop"
            if e.errcode in FOLLOWER_GONE:
                self.archive.mark_blocked(key, CHANNEL, row.chat_id, str(e))
                self.archive.set_subscriber_state(CHANNEL, row.chat_id, "blocked")
            else:
                self.archive.mark_failed(key, CHANNEL, row.chat_id, str(e))
            return "failed"
        except httpx.HTTPError as e:
            self._pause(key, row, sent, e, seconds=60.0)
            return "stop"
        self.archive.mark_sent(key, CHANNEL, row.chat_id, sent)
        return "custom"

    def _pause(
        self, key: str, row: Delivery, sent: list[int], why: object, seconds: float = PAUSE_S
    ) -> None:
        _LOG.warning("WeChat delivery paused for %.0f s: %s", seconds, why)
        self.paused_until = time.monotonic() + seconds
        if sent:
            self.archive.mark_progress_many(key, [(CHANNEL, row.chat_id, sent)])

    # -- mass messages -------------------------------------------------------------------
    async def _mass(
        self, issue: Issue, rows: list[tuple[Delivery, Subscriber]], report: Report
    ) -> None:
        key = issue_key(issue.newspaper, issue.date)
        groups: dict[tuple[tuple[str, ...], str], list[tuple[Delivery, Subscriber]]] = {}
        if self.api.settings.account == "subscription":
            groups[(), "zh"] = rows  # one a day, to all followers: the whole digest
        else:
            for row, sub in rows:
                if self._mass_this_month(issue, sub.chat_id) >= SERVICE_MASS_PER_MONTH:
                    self.archive.mark_failed(key, CHANNEL, sub.chat_id, "mass quota used")
                    report.failed += 1
                    continue
                groups.setdefault((sub.sections, sub.language), []).append((row, sub))
        for (sections, language), members in groups.items():
            text = self._mass_text(issue, sections, language)
            ids = sorted(sub.chat_id for _, sub in members)
            try:
                if self.api.settings.account == "subscription":
                    msg_id = await self.api.mass_to_all(text, _clientmsgid(key))
                else:
                    msg_id = await self.api.mass_to(ids, text, _clientmsgid(key, *ids))
            except WeChatApiError as e:
                if e.errcode == API_QUOTA:
                    _LOG.warning("WeChat mass send waits: %s", e)
                    self.paused_until = time.monotonic() + PAUSE_S
                    report.waiting += len(members)
                    continue
                for openid in ids:  # they still have 今日要闻
                    self.archive.mark_failed(key, CHANNEL, openid, f"mass send: {e}")
                report.failed += len(members)
                continue
            except httpx.HTTPError as e:
                _LOG.warning("WeChat mass send waits: %r", e)
                report.waiting += len(members)
                continue
            self.archive.mark_sent_many(key, [(CHANNEL, i, (MASS, msg_id)) for i in ids])
            report.mass += len(members)

    def _mass_text(self, issue: Issue, sections: tuple[str, ...], language: str) -> str:
        more = self.texts.t(language, "wechat.mass_more")
        room = PART_UNITS - len(more) - 2
        first = split_text(self._digest_text(issue, sections, language), room)
        return f"{first[0]}\n\n{more}" if first else more

    def _mass_this_month(self, issue: Issue, openid: str) -> int:
        count = 0
        for info in self.archive.list_issues(40):
            if (info.date.year, info.date.month) != (issue.date.year, issue.date.month):
                continue
            row = self.archive.get_delivery(issue_key(info.newspaper, info.date), CHANNEL, openid)
            count += bool(row and row.state == "sent" and row.message_ids[:1] == (MASS,))
        return count


def _clientmsgid(*parts: str) -> str:
    """At most 64 characters, the same for the same issue (and list of followers)."""
    return "paperboy-" + hashlib.sha1("\n".join(parts).encode()).hexdigest()[:32]
