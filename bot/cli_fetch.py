"""``paperboy fetch URL [--date D] [--newspaper NAME]``: fetch an issue from its e-paper
site and ingest it as an upload would (a re-fetch of an unchanged issue stores nothing)."""

from __future__ import annotations

import argparse
import asyncio

from bot.settings import Settings


def run_fetch(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli import open_archive_for, option_date
    from bot.fetch.plans import fetch_options, newspaper_for
    from bot.fetch.service import fetch_and_ingest

    date = option_date(args.date, "--date")
    newspaper = args.newspaper or newspaper_for(settings.config_dir, args.url, settings.newspaper)
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open_archive_for(settings) as archive:
        result = asyncio.run(
            fetch_and_ingest(
                args.url,
                archive=archive,
                settings=settings,
                newspaper=newspaper,
                date=date,
                options=fetch_options(settings.config_dir),
            )
        )
    print(result.describe())
    if result.stored is not None:
        for warning in result.stored.warnings:
            print(f"warning: {warning}")
    return 0
