"""Shared fixtures: the demo page, a data directory, and the PostgreSQL server if there is one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO_PAGE = REPO / "config" / "demo" / "datong-2024-02-10-p01.txt"


@pytest.fixture
def demo_page() -> Path:
    return DEMO_PAGE


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh PAPERBOY_DATA_DIR so no test touches the user's archive."""
    d = tmp_path / "data"
    monkeypatch.setenv("PAPERBOY_DATA_DIR", str(d))
    monkeypatch.delenv("PAPERBOY_DATABASE_URL", raising=False)
    monkeypatch.delenv("PAPERBOY_TELEGRAM_TOKEN", raising=False)
    return d


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get("PAPERBOY_TEST_POSTGRES_URL", "")
    if not url:
        pytest.skip("PAPERBOY_TEST_POSTGRES_URL is unset: no PostgreSQL server to test against")
    return url


def pytest_configure(config: pytest.Config) -> None:
    # What `paperboy` itself does (bot/cli.py): take PTB's timedelta retry_after now, so a
    # 429 does not warn about the coming type change (bot/push/limiter.py reads both).
    os.environ.setdefault("PTB_TIMEDELTA", "1")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per reason for skipped tests (52 lines of the same reason helped no one)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, n in reasons.items():
        terminalreporter.write_line(f"{n} skipped: {reason}")
