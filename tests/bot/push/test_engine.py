"""The push engine over real HTTP: once per subscriber, paced, and faithful to the ledger."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import Any

from telegram.ext import Application

from bot.push.limiter import PACED
from digests.archive import SqlArchive
from digests.model import Subscriber
from tests.bot.push.conftest import KEY, build_app, make_engine, make_issue, subscribe
from tests.fake_bot_api import Call, FakeBotApi
from tests.fake_bot_checks import ApiError

App = Application[Any, Any, Any, Any, Any, Any]


async def push_all(app: App, archive: SqlArchive, articles: int = 3, summary: int = 40) -> None:
    engine = make_engine(app, archive)
    engine.start()
    try:
        issue = make_issue(articles, summary)
        archive.store_issue(issue)
        engine.push(issue, archive.subscribers())
        await asyncio.wait_for(engine.idle(), 60)
    finally:
        await engine.stop()


def sends(api: FakeBotApi) -> list[Call]:
    return api.calls_of("sendMessage")


async def test_every_subscriber_gets_the_digest_once(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """Each subscriber gets one message; the ledger holds it as sent with its message id."""
    chats = subscribe(api, archive, 25)
    await push_all(app, archive)
    per_chat = Counter(c.chat_id for c in sends(api))
    assert per_chat == Counter(chats)
    counts = archive.delivery_counts(KEY)
    assert (counts.sent, counts.pending, counts.failed, counts.blocked) == (25, 0, 0, 0)
    call = sends(api)[0]
    row = archive.get_delivery(KEY, "telegram", str(call.chat_id))
    assert row is not None and row.message_ids == (call.result["message_id"],)
    assert call.params["parse_mode"] == "HTML"


async def test_a_long_digest_is_paced_a_second_apart(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """Parts of one digest reach a chat at least a second apart, each with its buttons."""
    chats = subscribe(api, archive, 3)
    await push_all(app, archive, articles=3, summary=1800)
    for chat in chats:
        calls = [c for c in sends(api) if c.chat_id == chat]
        assert len(calls) == 2
        assert calls[1].at - calls[0].at >= 1.0
        row = archive.get_delivery(KEY, "telegram", str(chat))
        assert row is not None and row.state == "sent" and len(row.message_ids) == 2
    markup = sends(api)[0].params["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    button = markup["inline_keyboard"][0][0]
    assert button["callback_data"].startswith("a:dtrb20240210p01n")
    assert button["text"].startswith("全文：第")


async def test_blocked_readers_are_marked_and_never_retried(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """A 403 marks the reader blocked (keeping their preferences); one try only."""
    chats = subscribe(api, archive, 10, sections=("要闻",))
    blocked = set(chats[:2])
    api.add_hook(
        lambda c: (
            ApiError(403, "Forbidden: bot was blocked by the user")
            if c.method == "sendMessage" and c.chat_id in blocked
            else None
        )
    )
    await push_all(app, archive)
    per_chat = Counter(c.chat_id for c in sends(api))
    assert all(per_chat[c] == 1 for c in chats)
    counts = archive.delivery_counts(KEY)
    assert (counts.sent, counts.blocked) == (8, 2)
    sub = archive.get_subscriber("telegram", str(chats[0]))
    assert sub is not None and sub.state == "blocked" and sub.sections == ("要闻",)


async def test_chat_not_found_is_marked_blocked(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """A 400 "chat not found" marks the reader blocked too."""
    subscribe(api, archive, 2)
    archive.save_subscriber(Subscriber("telegram", "999999"))  # no such chat on the server
    await push_all(app, archive)
    row = archive.get_delivery(KEY, "telegram", "999999")
    assert row is not None and row.state == "blocked" and "chat not found" in row.error.lower()
    assert archive.delivery_counts(KEY).sent == 2


async def test_a_429_holds_only_its_chat(api: FakeBotApi, archive: SqlArchive, app: App) -> None:
    """After a 429 that chat waits its full retry_after; the others go on meanwhile."""
    chats = subscribe(api, archive, 30)
    slow = chats[0]
    api.fail("sendMessage", 429, retry_after=2, chat_id=slow)
    await push_all(app, archive)
    mine = [c for c in sends(api) if c.chat_id == slow]
    assert [c.status for c in mine] == [429, 200]
    assert mine[1].at - mine[0].at >= 2.0
    others = [c for c in sends(api) if c.chat_id != slow]
    assert any(mine[0].at < c.at < mine[1].at for c in others)
    assert archive.delivery_counts(KEY).sent == 30


async def test_server_errors_back_off_and_complete(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """5xx answers pause the push, which then resumes and delivers everyone."""
    chats = subscribe(api, archive, 8)
    api.fail("sendMessage", 502, times=3)
    await push_all(app, archive)
    ok = Counter(c.chat_id for c in sends(api) if c.status == 200)
    assert ok == Counter(chats)
    assert archive.delivery_counts(KEY).sent == 8


async def test_sent_rows_are_never_sent_again(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """A restarted push resumes from the ledger: rows already sent get nothing."""
    chats = subscribe(api, archive, 6)
    issue = make_issue()
    archive.store_issue(issue)
    archive.plan_deliveries(KEY, [("telegram", str(c)) for c in chats])
    archive.mark_sent_many(KEY, [("telegram", str(c), [7]) for c in chats[:4]])
    await push_all(app, archive)
    assert Counter(c.chat_id for c in sends(api)) == Counter(chats[4:])
    engine = make_engine(app, archive)
    engine.start()
    assert engine.resume(issue) == 0
    await engine.stop()


async def test_unsubscribed_and_paused_rows_fail_without_a_send(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """A reader who left or paused after the push was planned gets nothing."""
    chats = subscribe(api, archive, 3)
    archive.plan_deliveries(KEY, [("telegram", str(c)) for c in chats])
    archive.remove_subscriber("telegram", str(chats[0]))
    archive.set_subscriber_state("telegram", str(chats[1]), "paused")
    engine = make_engine(app, archive)
    engine.start()
    issue = make_issue()
    archive.store_issue(issue)
    engine.resume(issue)
    await asyncio.wait_for(engine.idle(), 30)
    await engine.stop()
    assert [c.chat_id for c in sends(api)] == [chats[2]]
    assert archive.delivery_counts(KEY).failed == 2


async def test_a_restart_resumes_a_long_digest_at_the_next_part(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """Parts already confirmed are in the ledger; a restart sends only the rest."""
    chats = subscribe(api, archive, 2)
    issue = make_issue(3, 1800)
    archive.store_issue(issue)
    archive.plan_deliveries(KEY, [("telegram", str(c)) for c in chats])
    archive.mark_progress_many(KEY, [("telegram", str(chats[0]), [41])])
    await push_all(app, archive, articles=3, summary=1800)
    per_chat = Counter(c.chat_id for c in sends(api))
    assert per_chat == Counter({chats[0]: 1, chats[1]: 2})
    row = archive.get_delivery(KEY, "telegram", str(chats[0]))
    assert row is not None and row.state == "sent" and row.message_ids[0] == 41
    assert len(row.message_ids) == 2


async def test_progress_is_recorded_before_the_last_part(
    api: FakeBotApi, archive: SqlArchive, app: App
) -> None:
    """While a long digest is under way, the ledger already holds its first part."""
    (chat,) = subscribe(api, archive, 1)
    engine = make_engine(app, archive)
    engine.start()
    issue = make_issue(3, 1800)
    archive.store_issue(issue)
    engine.push(issue, archive.subscribers())
    await api.await_for("sendMessage", chat_id=chat)
    while not (row := archive.get_delivery(KEY, "telegram", str(chat))) or not row.message_ids:
        await asyncio.sleep(0.01)
    assert row.state == "pending" and len(row.message_ids) == 1
    await asyncio.wait_for(engine.idle(), 30)
    await engine.stop()


async def push_at(api: FakeBotApi, archive: SqlArchive, rate: float, readers: int) -> list[float]:
    """Push to ``readers`` new subscribers through a bot limited to ``rate``; when the
    server saw each send."""
    app = build_app(api, rate=rate)
    await app.initialize()
    subscribe(api, archive, readers)
    await push_all(app, archive)
    await app.shutdown()
    return sorted(c.at for c in sends(api))


async def test_the_overall_rate_holds_in_every_second(api: FakeBotApi, archive: SqlArchive) -> None:
    """At a 20 msg/s limit the server never sees more than 20 sends within one second."""
    times = await push_at(api, archive, 20.0, 40)
    assert len(times) == 40
    assert all(sum(1 for t in times if s <= t < s + 1.0) <= 20 for s in times)


async def test_slow_answers_leave_no_slot_unused(api: FakeBotApi, archive: SqlArchive) -> None:
    """With every answer taking 0.3 s, a push at 25 msg/s still sends at 95 % of that rate."""
    api.latency_s = 0.3
    times = await push_at(api, archive, 25.0, 100)
    assert (len(times) - 1) / (times[-1] - times[0]) >= 0.95 * 25


async def test_a_reply_goes_ahead_of_a_push(api: FakeBotApi, archive: SqlArchive) -> None:
    """A reply to a reader is not queued behind digest messages waiting for their slot."""
    app = build_app(api, rate=5.0)
    await app.initialize()
    subscribe(api, archive, 12)
    api.user(77)
    engine = make_engine(app, archive)
    engine.start()
    issue = make_issue()
    archive.store_issue(issue)
    engine.push(issue, archive.subscribers())
    await api.await_for("sendMessage", count=2)
    mark = api.mark()
    await app.bot.send_message(77, "reply")
    later = [c.chat_id for c in api.calls[mark:] if c.method == "sendMessage"]
    assert later.index(77) <= 1
    await engine.stop()
    await app.shutdown()


async def test_a_digest_under_way_goes_before_new_ones(
    api: FakeBotApi, archive: SqlArchive
) -> None:
    """A reader's next part is not queued behind every other reader's first part."""
    app = build_app(api, rate=20.0)
    await app.initialize()
    chats = subscribe(api, archive, 40)
    await push_all(app, archive, articles=3, summary=1800)
    await app.shutdown()
    order = [c.chat_id for c in sends(api)]
    assert len(order) == 80
    second_part_of_first = order.index(chats[0], order.index(chats[0]) + 1)
    assert second_part_of_first < order.index(chats[-1])


async def test_later_messages_of_a_reply_can_be_paced(api: FakeBotApi, app: App) -> None:
    """With rate_limit_args=PACED a reply's next message waits a second in its chat."""
    api.user(55)
    await app.bot.send_message(55, "first")
    await app.bot.send_message(55, "second", rate_limit_args=PACED)
    await app.bot.send_message(55, "third", rate_limit_args=PACED)
    first, second, third = sends(api)
    assert second.at - first.at >= 1.0 and third.at - second.at >= 1.0


def open_chats(api: FakeBotApi, ids: range) -> list[int]:
    for chat_id in ids:
        api.user(chat_id)
    return list(ids)


async def test_with_paid_broadcast_a_reply_queue_overflows_into_paid_sends(
    api: FakeBotApi,
) -> None:
    """Replies that would wait behind the free rate go as paid broadcasts; none without."""
    for paid in (None, 1000.0):
        app = build_app(api, rate=5.0, paid_rate=paid)
        await app.initialize()
        mark = api.mark()
        chats = open_chats(api, range(3001, 3013))
        await asyncio.gather(*(app.bot.send_message(c, "welcome") for c in chats))
        await app.shutdown()
        paid_sends = [
            c
            for c in api.calls_of("sendMessage", since=mark)
            if c.params.get("allow_paid_broadcast")
        ]
        assert (0 < len(paid_sends) < len(chats)) if paid else not paid_sends
