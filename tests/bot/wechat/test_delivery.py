"""Digests over WeChat: by asking, by customer-service message, by mass message."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.wechat.api import API_QUOTA, OUT_OF_WINDOW
from bot.wechat.delivery import MASS
from digests.digest import issue_key
from digests.model import Article, Issue, Page
from tests.bot.wechat.conftest import Running

A, B, C = "o_alice", "o_bob", "o_carol"


async def subscribe(wechat: Running, *openids: str, how: str = "订阅 07:30") -> Issue:
    for openid in openids:
        await wechat.client.text(openid, how)
    issue = wechat.channel.services.archive.get_issue(None)
    assert issue is not None
    return issue


def _page(day: int) -> Page:
    text = ("一段写给测试的正文。",)
    return Page(1, "要闻", (Article(id=f"test{day}", title=f"旧闻{day}", paragraphs=text),))


def ledger(wechat: Running, issue: Issue, openid: str) -> tuple[str, tuple[int, ...]]:
    key = issue_key(issue.newspaper, issue.date)
    row = wechat.channel.services.archive.get_delivery(key, "wechat", openid)
    assert row is not None
    return row.state, row.message_ids


async def test_pull_the_menu_gives_the_digest_a_subscriber_gets(wechat: Running) -> None:
    """今日要闻 in the menu answers with the digest the push would send."""
    issue = await subscribe(wechat, A)
    sub = wechat.channel.services.archive.get_subscriber("wechat", A)
    assert sub is not None
    pulled = await wechat.client.event(A, "CLICK", "TODAY")
    assert pulled.fields["Content"] == wechat.channel.delivery.parts(issue, sub)[0]


async def test_customer_service_messages_inside_the_window(wechat: Running) -> None:
    """A follower who wrote lately gets the digest by custom/send, each part once."""
    issue = await subscribe(wechat, A)
    delivery = wechat.channel.delivery
    report = await delivery.push(issue, delivery.subscribers())
    texts = wechat.api.texts_to(A)
    assert report.custom == 1 and "《大同日报》" in texts[-len(texts)]
    state, ids = ledger(wechat, issue, A)
    assert state == "sent" and list(ids) == list(range(1, len(ids) + 1))
    again = await delivery.push(issue, delivery.subscribers())
    assert again.custom == 0 and wechat.api.texts_to(A) == texts


async def test_the_due_time_sends_it(wechat: Running) -> None:
    """At the subscriber's 07:30 the round sends the latest issue."""
    issue = await subscribe(wechat, A)
    delivery = wechat.channel.delivery
    tz = dt.timezone(dt.timedelta(hours=8))
    posted = dt.datetime.now(tz)
    at = posted.replace(hour=7, minute=31, second=0, microsecond=0)
    delivery.now = lambda: at + dt.timedelta(days=1) if at < posted else at
    report = await delivery.deliver_due()
    assert report.custom == 1 and ledger(wechat, issue, A)[0] == "sent"


async def test_out_of_the_window_one_mass_message(wechat: Running) -> None:
    """45015 (more than 48 h since the follower wrote): one sendall for the issue; a
    follower found out of the window later gets the same message, never a second."""
    issue = await subscribe(wechat, A, B)
    delivery = wechat.channel.delivery
    wechat.api.fail("custom/send", OUT_OF_WINDOW, times=2)
    report = await delivery.push(issue, delivery.subscribers())
    (mass,) = wechat.api.sent("mass/sendall")
    assert report.mass == 2 and mass.body["filter"] == {"is_to_all": True}
    assert "《大同日报》" in mass.body["text"]["content"] and "今日" in mass.body["text"]["content"]
    state, ids = ledger(wechat, issue, A)
    assert state == "sent" and ids[0] == MASS
    await wechat.client.text(C, "订阅")
    wechat.api.fail("custom/send", OUT_OF_WINDOW)
    await delivery.push(issue, delivery.subscribers())
    calls = wechat.api.sent("mass/sendall")
    assert len({c.body["clientmsgid"] for c in calls}) == 1
    assert ledger(wechat, issue, C) == ("sent", ids)  # WeChat said 45065: the same msg_id


@pytest.mark.parametrize("wechat", [{"PAPERBOY_WECHAT_ACCOUNT": "service"}], indirect=True)
async def test_a_service_account_mass_sends_to_openids_four_a_month(wechat: Running) -> None:
    """A service account sends to the unreached followers' OpenIDs; a follower who had
    four mass messages this month gets no fifth (and still has 今日要闻)."""
    issue = await subscribe(wechat, A, B)
    await wechat.client.text(C, "订阅 要闻")
    delivery = wechat.channel.delivery
    archive = wechat.channel.services.archive
    for day in range(1, 5):  # four earlier issues this month reached C by mass message
        earlier = Issue(issue.newspaper, issue.date.replace(day=day), (_page(day),))
        archive.store_issue(earlier)
        key = issue_key(issue.newspaper, earlier.date)
        archive.plan_deliveries(key, [("wechat", C)])
        archive.mark_sent(key, "wechat", C, (MASS, 1000 + day))
    wechat.api.fail("custom/send", OUT_OF_WINDOW, times=3)
    report = await delivery.push(issue, delivery.subscribers())
    (call,) = wechat.api.sent("mass/send")
    assert report.mass == 2 and report.failed == 1
    assert sorted(call.body["touser"]) == [A, B] and call.body["clientmsgid"]
    assert ledger(wechat, issue, C)[0] == "failed"


async def test_the_api_quota_pauses_and_keeps_rows_pending(wechat: Running) -> None:
    """45009 (the day's API calls used): nothing marked, the rows wait for the next try."""
    issue = await subscribe(wechat, A, B)
    delivery = wechat.channel.delivery
    wechat.api.fail("custom/send", API_QUOTA)
    report = await delivery.push(issue, delivery.subscribers())
    assert report.waiting == 2 and ledger(wechat, issue, A)[0] == "pending"
    assert (await delivery.run(issue)).waiting == 2  # paused: no call made
    assert len(wechat.api.sent("custom/send")) == 1
    delivery.paused_until = 0.0
    assert (await delivery.run(issue)).custom == 2


async def test_an_unfollowed_reader_is_marked_blocked(wechat: Running) -> None:
    """43004 (no longer a follower): the row is blocked and so is the subscriber."""
    issue = await subscribe(wechat, A)
    wechat.api.fail("custom/send", 43004)
    await wechat.channel.delivery.push(issue, wechat.channel.delivery.subscribers())
    assert ledger(wechat, issue, A)[0] == "blocked"
    sub = wechat.channel.services.archive.get_subscriber("wechat", A)
    assert sub is not None and sub.state == "blocked"


async def test_push_now_reaches_a_wechat_only_serve(wechat: Running) -> None:
    """``paperboy push --now`` leaves a request; the WeChat-only serve's round takes it
    and sends the issue to every WeChat subscriber."""
    issue = await subscribe(wechat, A, how="订阅 23:59")
    archive = wechat.channel.services.archive
    archive.request_push(issue_key(issue.newspaper, issue.date), "test")
    wechat.channel.take_push_requests = True
    await wechat.channel.tick()
    assert ledger(wechat, issue, A)[0] == "sent" and wechat.api.texts_to(A)
    assert archive.take_push_request() is None
