"""Each newspaper's fetch schedule, from config/newspapers.toml.

A paper is fetched when its table has ``fetch_url``; the rest have defaults::

    "青柳日报" = { slug = "qlrb", fetch_url = "http://epaper.example.cn/paperindex.htm" }

``fetch_at`` (local time, default 05:30), ``fetch_retry_every`` (default 15m) and
``fetch_until`` (default 09:00) say when to try and how long to keep trying.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.fetch.client import FetchOptions
from digests.configfile import read_toml
from digests.errors import ConfigError

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_SPAN = re.compile(r"^(\d+)\s*(s|m|min|h)$")


@dataclass(frozen=True, slots=True)
class FetchPlan:
    newspaper: str
    url: str
    at: dt.time = dt.time(5, 30)
    retry_every: dt.timedelta = dt.timedelta(minutes=15)
    until: dt.time = dt.time(9, 0)


def _clock(paper: str, key: str, raw: object, default: dt.time) -> dt.time:
    if raw is None:
        return default
    m = _CLOCK.match(str(raw).strip())
    if not m:
        raise ConfigError(f"newspapers.toml: {paper}.{key} must be HH:MM, not {raw!r}")
    return dt.time(int(m[1]), int(m[2]))


def _span(paper: str, raw: object) -> dt.timedelta:
    if raw is None:
        return dt.timedelta(minutes=15)
    m = _SPAN.match(str(raw).strip().lower())
    seconds = int(m[1]) * {"s": 1, "m": 60, "min": 60, "h": 3600}[m[2]] if m else 0
    if seconds < 60:
        raise ConfigError(
            f"newspapers.toml: {paper}.fetch_retry_every must be like 15m or 1h "
            f"(at least a minute), not {raw!r}"
        )
    return dt.timedelta(seconds=seconds)


def _plan(paper: str, table: Mapping[str, object]) -> FetchPlan | None:
    url = str(table.get("fetch_url", "")).strip()
    if not url:
        return None
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ConfigError(f"newspapers.toml: {paper}.fetch_url must be an http(s) URL, not {url!r}")
    plan = FetchPlan(
        paper,
        url,
        _clock(paper, "fetch_at", table.get("fetch_at"), dt.time(5, 30)),
        _span(paper, table.get("fetch_retry_every")),
        _clock(paper, "fetch_until", table.get("fetch_until"), dt.time(9, 0)),
    )
    if plan.until < plan.at:
        raise ConfigError(f"newspapers.toml: {paper}.fetch_until is before its fetch_at")
    return plan


def fetch_plans(config_dir: Path) -> tuple[FetchPlan, ...]:
    """The plans of every newspaper with a ``fetch_url``; ConfigError naming a bad value."""
    plans: list[FetchPlan] = []
    for paper, table in read_toml(config_dir / "newspapers.toml").items():
        if isinstance(table, Mapping) and (plan := _plan(str(paper), table)) is not None:
            plans.append(plan)
    return tuple(plans)


def fetch_options(config_dir: Path) -> FetchOptions:
    """The client's manners from paperboy.toml's ``[fetch]`` table (defaults otherwise)."""
    table = read_toml(config_dir / "paperboy.toml").get("fetch", {})
    if not isinstance(table, Mapping):
        return FetchOptions()
    base = FetchOptions()

    def number(key: str, default: float, low: float, high: float) -> float:
        raw = table.get(key, default)
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"paperboy.toml: fetch.{key} must be a number, not {raw!r}") from None
        if not low <= value <= high:
            raise ConfigError(f"paperboy.toml: fetch.{key} must be between {low:g} and {high:g}")
        return value

    return FetchOptions(
        timeout_s=number("timeout_s", base.timeout_s, 1, 300),
        retries=int(number("retries", base.retries, 0, 10)),
        backoff_s=number("backoff_s", base.backoff_s, 0, 300),
        delay_s=number("delay_s", base.delay_s, 0, 60),
        max_bytes=int(number("max_mb", base.max_bytes / 1e6, 1, 200) * 1e6),
    )


def newspaper_for(config_dir: Path, url: str, default: str) -> str:
    """The configured paper whose fetch_url is on the same site as ``url``, else ``default``."""
    host = (urlsplit(url).hostname or "").lower()
    for plan in fetch_plans(config_dir):
        if (urlsplit(plan.url).hostname or "").lower() == host:
            return plan.newspaper
    return default
