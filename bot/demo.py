"""The demo issue: a fresh archive gets 大同日报 of 2024-02-10, page 1, so a newcomer's
first ``paperboy serve`` answers /today at once."""

from __future__ import annotations

import datetime as dt
import logging

from bot.services import Services

log = logging.getLogger(__name__)
DEMO_FILE = "datong-2024-02-10-p01.txt"
DEMO_NEWSPAPER = "大同日报"
DEMO_DATE = dt.date(2024, 2, 10)


def load_demo_if_empty(services: Services) -> bool:
    """Post the demo issue when the archive holds no issue yet; whether it did."""
    if services.archive.latest_date() is not None:
        return False
    path = services.settings.config_dir / "demo" / DEMO_FILE
    if not path.is_file():
        log.warning("no demo issue at %s; the archive stays empty", path)
        return False
    from bot.ingest import ingest_documents

    ingest_documents(
        [(path.name, path.read_bytes())],
        archive=services.archive,
        settings=services.settings,
        date=DEMO_DATE,
        newspaper=DEMO_NEWSPAPER,
        segmenter=services.segmenter,
    )
    services.archive.audit("paperboy", "post demo", f"{DEMO_NEWSPAPER} {DEMO_DATE}")
    return True
