"""The scheduled fetch on a virtual clock: PTB's real JobQueue jobs are booked and run
(``Job.run``) at the times a clock the test moves says, against a fixture site over HTTP."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application, ApplicationBuilder

from bot.fetch.client import FetchOptions
from bot.fetch.plans import FetchPlan, fetch_plans
from bot.fetch.schedule import FetchSchedule, Outcome
from bot.fetch.service import FetchResult, fetch_and_ingest
from bot.settings import Settings
from digests.archive import SqlArchive
from digests.errors import ConfigError
from digests.notes import note
from tests.bot.fetch.server import Site, serve
from tests.builders.epaper import demo_issue, founder_classic

TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2024, 3, 8)
FAST = FetchOptions(timeout_s=1, retries=0, backoff_s=0, delay_s=0)


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def app() -> Application[Any, Any, Any, Any, Any, Any]:
    return ApplicationBuilder().token("123:virtual").build()


def schedule_for(
    app: Any,
    site: Site,
    archive: SqlArchive,
    settings: Settings,
    clock: Clock,
    heard: list[Outcome],
) -> FetchSchedule:
    async def run(plan: FetchPlan, day: dt.date) -> FetchResult:
        return await fetch_and_ingest(
            plan.url,
            archive=archive,
            settings=settings,
            newspaper=plan.newspaper,
            date=day,
            options=FAST,
        )

    async def tell(context: Any, outcome: Outcome) -> None:
        heard.append(outcome)

    return FetchSchedule(app.job_queue, run, tell, "Asia/Shanghai", now=clock)


def fire_time(job: Any, now: dt.datetime) -> dt.datetime:
    """When APScheduler would run the job next, seen from ``now``."""
    t: dt.datetime = job.job.trigger.get_next_fire_time(None, now)
    return t.astimezone(TZ)


def jobs(app: Any, suffix: str = "") -> list[Any]:
    return [j for j in app.job_queue.jobs() if j.name.endswith(suffix)]


async def test_it_fires_at_fetch_at_and_retries_until_the_issue_is_there(
    app: Any, archive: SqlArchive, settings: Settings
) -> None:
    """05:30: the site still shows yesterday, so the editors hear one line and a retry is
    booked for 05:45; the issue is up by then and is stored, with the upload's preview."""
    site_pages = founder_classic(demo_issue(DAY - dt.timedelta(days=1)))
    with serve(site_pages) as site:
        plan = FetchPlan(
            "大同日报",
            site.url("/paperindex.htm"),
            dt.time(5, 30),
            dt.timedelta(minutes=15),
            dt.time(9, 0),
        )
        clock = Clock(dt.datetime(2024, 3, 8, 0, 10, tzinfo=TZ))
        heard: list[Outcome] = []
        schedule = schedule_for(app, site, archive, settings, clock, heard)
        schedule.install((plan,))
        (daily,) = jobs(app, "大同日报")
        clock.at = fire_time(daily, clock.at)
        assert clock.at == dt.datetime(2024, 3, 8, 5, 30, tzinfo=TZ)
        await daily.run(app)
        assert heard[-1].fault.endswith(f"no pages for {DAY} yet")
        assert heard[-1].reason.code == "fetch.no_issue"
        (retry,) = jobs(app, "retry")
        clock.at = fire_time(retry, clock.at)
        assert clock.at == dt.datetime(2024, 3, 8, 5, 45, tzinfo=TZ)
        site.resources.update(founder_classic(demo_issue(DAY)))
        await retry.run(app)
    result = heard[-1].result
    assert result is not None and result.stored is not None and not heard[-1].fault
    issue = archive.get_issue(DAY)
    assert issue is not None and len(issue.articles) == 5


async def test_it_stops_retrying_at_fetch_until(
    app: Any, archive: SqlArchive, settings: Settings
) -> None:
    """Tries at 05:30, 05:45 and 06:00 fail; the last line says there is no more try."""
    with serve({}) as site:
        plan = FetchPlan(
            "大同日报",
            site.url("/paperindex.htm"),
            dt.time(5, 30),
            dt.timedelta(minutes=15),
            dt.time(6, 0),
        )
        clock = Clock(dt.datetime(2024, 3, 8, 5, 30, tzinfo=TZ))
        heard: list[Outcome] = []
        schedule = schedule_for(app, site, archive, settings, clock, heard)
        schedule.install((plan,))
        (job,) = jobs(app, "大同日报")
        tries = []
        while job is not None:
            tries.append(f"{clock.at:%H:%M}")
            await job.run(app)
            if heard[-1].next_try is None:
                break
            job = jobs(app, "retry")[-1]
            clock.at = fire_time(job, clock.at)
    assert tries == ["05:30", "05:45", "06:00"]
    assert [o.next_try is None for o in heard] == [False, False, True]
    assert all("not found (404)" in o.fault for o in heard)
    assert archive.list_issues() == []


def test_the_one_line_for_a_new_paper_is_enough(tmp_path: Path) -> None:
    """An inline table with fetch_url alone schedules a paper at 05:30, every 15 min
    until 09:00; a wrong time is named."""
    (tmp_path / "newspapers.toml").write_text(
        '"青柳日报" = { slug = "qlrb", fetch_url = "http://epaper.qingliu.example/" }\n',
        encoding="utf-8",
    )
    (plan,) = fetch_plans(tmp_path)
    assert (plan.newspaper, plan.at, plan.retry_every, plan.until) == (
        "青柳日报",
        dt.time(5, 30),
        dt.timedelta(minutes=15),
        dt.time(9, 0),
    )
    (tmp_path / "newspapers.toml").write_text(
        '["青柳日报"]\nfetch_url = "http://e.example/"\nfetch_at = "5点半"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"青柳日报\.fetch_at must be HH:MM"):
        fetch_plans(tmp_path)


def test_a_fault_is_one_line_to_the_editors_with_the_next_try(
    archive: SqlArchive, settings: Settings
) -> None:
    from bot.fetch.notify import outcome_reply
    from bot.i18n import Messages
    from bot.replies import Responder
    from bot.services import Services

    responder = Responder(Services(settings, archive), Messages.load(settings.config_dir))
    plan = FetchPlan("大同日报", "http://e.example/", dt.time(5, 30))
    retry = Outcome(
        plan,
        DAY,
        fault="cannot reach e.example: [Errno 111] Connection refused",
        next_try=dt.datetime(2024, 3, 7, 21, 45, tzinfo=dt.UTC),
        reason=note("fetch.unreachable", host="e.example"),
    )
    (message,) = outcome_reply(responder, retry).messages
    assert (
        message.text == "自动抓取《大同日报》2024-03-08 未成功：连不上 e.example。将于 05:45 重试。"
    )
    (english,) = outcome_reply(responder, retry, "en").messages
    assert english.text == (
        "The scheduled fetch of 大同日报 2024-03-08 failed: cannot reach e.example."
        " Next try at 05:45."
    )
    (last,) = outcome_reply(responder, Outcome(plan, DAY, fault="x")).messages
    assert "今天不再重试（截至 09:00）" in last.text and "\n" not in last.text


async def test_a_restart_inside_the_window_fetches_at_once(
    app: Any, archive: SqlArchive, settings: Settings
) -> None:
    """Started at 06:10, after fetch_at: a try is booked for right away, not tomorrow; a
    paper whose issue of today is already stored gets none."""
    with serve(founder_classic(demo_issue(DAY))) as site:
        plan = FetchPlan("大同日报", site.url("/paperindex.htm"))
        clock = Clock(dt.datetime(2024, 3, 8, 6, 10, tzinfo=TZ))
        heard: list[Outcome] = []
        schedule_for(app, site, archive, settings, clock, heard).install((plan,))
        (catch_up,) = jobs(app, "catch-up")
        assert fire_time(catch_up, clock.at) - clock.at <= dt.timedelta(seconds=10)
        await catch_up.run(app)
    assert heard[-1].result is not None and archive.get_issue(DAY) is not None
    other = ApplicationBuilder().token("123:virtual").build()
    schedule_for(other, site, archive, settings, clock, heard).install((plan,), {"大同日报"})
    assert not jobs(other, "catch-up")
