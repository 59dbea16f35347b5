"""Fetching issues from e-paper sites: the polite client, the crawl, the store and the
schedule. :func:`install_fetch` is the one hook the Application's post_init calls."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.fetch.service import FetchResult


async def install_fetch(application: Any, services: Any, responder: Any) -> None:
    """Schedule the daily fetch of every paper with a ``fetch_url`` (none: nothing)."""
    from bot.fetch.plans import fetch_options, fetch_plans

    settings = services.settings
    plans = fetch_plans(settings.config_dir)
    if not plans or application.job_queue is None:
        return
    from bot.fetch.notify import editors_teller
    from bot.fetch.schedule import FetchSchedule

    options = fetch_options(settings.config_dir)

    async def run(plan: Any, day: dt.date) -> FetchResult:
        # The crawl, the e-paper parsers and the assembly load with the first fetch.
        from bot.fetch.service import fetch_and_ingest

        return await fetch_and_ingest(
            plan.url,
            archive=services.archive,
            settings=settings,
            newspaper=plan.newspaper,
            date=day,
            options=options,
            segmenter=responder.segmenter(),
        )

    schedule = FetchSchedule(
        application.job_queue, run, editors_teller(responder), settings.timezone
    )

    from digests.archive.front import call

    def stored() -> set[str]:
        day = schedule.today()
        return {p.newspaper for p in plans if services.archive.get_issue(day, p.newspaper)}

    schedule.install(plans, await call(stored))  # the archive is read off the loop
