"""One ``Settings`` value, read from config/paperboy.toml and overridden by the environment."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.wechat.settings import WeChatSettings, load_wechat
from digests.configfile import read_toml
from digests.errors import ConfigError

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def config_dir() -> Path:
    """Where config/ is: beside the source tree, or packed inside an installed wheel."""
    override = os.environ.get("PAPERBOY_CONFIG_DIR")
    if override:
        return Path(override)
    packed = Path(__file__).parent / "_config"
    if packed.is_dir():
        return packed
    return Path(__file__).resolve().parent.parent / "config"


@dataclass(frozen=True, slots=True)
class Settings:
    newspaper: str = "大同日报"
    timezone: str = "Asia/Shanghai"
    summary_max_chars: int = 120
    data_dir: Path = Path.home() / ".local" / "share" / "paperboy"
    database_url: str = ""
    push_rate: float = 25.0
    paid_broadcast: bool = False
    default_push_time: str = "07:00"
    catchup_window_hours: float = 12.0
    telegram_token: str = ""
    telegram_base_url: str = ""
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0:8443"
    webhook_secret: str = ""
    admins: frozenset[int] = frozenset()
    config_dir: Path = Path("config")
    wechat: WeChatSettings = field(default_factory=lambda: WeChatSettings())  # bot.wechat

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "archive.sqlite3"

    @property
    def is_admin_configured(self) -> bool:
        return bool(self.admins)


def _xdg_data_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "paperboy"


def _number(name: str, raw: object, minimum: float, maximum: float) -> float:
    try:
        value = float(str(raw))
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name} must be between {minimum:g} and {maximum:g}, not {raw!r}")
    return value


def _flag(name: str, raw: object) -> bool:
    text = str(raw).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"", "0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be 1 or 0, not {raw!r}")


def _admins(raw: object) -> frozenset[int]:
    items = raw if isinstance(raw, list) else str(raw).split(",")
    ids: set[int] = set()
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if not re.fullmatch(r"-?\d+", text):
            raise ConfigError(f"PAPERBOY_ADMINS must list numeric Telegram user ids, not {text!r}")
        ids.add(int(text))
    return frozenset(ids)


def _database_url(url: str) -> str:
    """The URL as given; ConfigError when it is not one paperboy can use safely."""
    if not url or url.startswith("sqlite:"):
        return url
    if not url.startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            "PAPERBOY_DATABASE_URL must start with postgresql:// (or be unset for SQLite)"
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError as e:
        raise ConfigError(f"PAPERBOY_DATABASE_URL is not a valid URL: {e}") from None
    # Without a database name libpq falls back to one named after the user, and the
    # schema would be created in whatever database that is.
    if not parts.path.strip("/") and not parse_qs(parts.query).get("dbname"):
        raise ConfigError(
            "PAPERBOY_DATABASE_URL names no database: write postgresql://USER@HOST:5432/DBNAME"
        )
    return url


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings; a wrong value raises ConfigError naming the setting."""
    env = os.environ if env is None else env
    cdir = config_dir()
    toml = read_toml(cdir / "paperboy.toml")
    paper = toml.get("newspaper", {})
    summary = toml.get("summary", {})
    archive = toml.get("archive", {})
    push = toml.get("push", {})
    tg = toml.get("telegram", {})

    def pick(var: str, default: object) -> object:
        value = env.get(var)
        return default if value is None or value == "" else value

    timezone = str(pick("PAPERBOY_TIMEZONE", paper.get("timezone", "Asia/Shanghai")))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"PAPERBOY_TIMEZONE: unknown time zone {timezone!r}") from None
    push_time = str(push.get("default_time", "07:00"))
    if not _TIME_RE.match(push_time):
        raise ConfigError(f"push.default_time must be HH:MM, not {push_time!r}")
    database_url = _database_url(
        str(pick("PAPERBOY_DATABASE_URL", archive.get("database_url", "")))
    )
    data_dir = str(pick("PAPERBOY_DATA_DIR", archive.get("data_dir", ""))) or str(
        _xdg_data_dir(env)
    )
    base_url = str(pick("PAPERBOY_TELEGRAM_BASE_URL", tg.get("base_url", ""))).rstrip("/")
    if base_url and not base_url.startswith(("http://", "https://")):
        raise ConfigError("PAPERBOY_TELEGRAM_BASE_URL must start with http:// or https://")
    webhook_url = str(pick("PAPERBOY_TELEGRAM_WEBHOOK_URL", tg.get("webhook_url", "")))
    if (
        webhook_url
        and not webhook_url.startswith("https://")
        and not webhook_url.startswith("http://")
    ):
        raise ConfigError("PAPERBOY_TELEGRAM_WEBHOOK_URL must be an http(s) URL")
    listen = str(pick("PAPERBOY_TELEGRAM_WEBHOOK_LISTEN", tg.get("webhook_listen", "0.0.0.0:8443")))
    if not re.fullmatch(r".+:\d{1,5}", listen):
        raise ConfigError(f"PAPERBOY_TELEGRAM_WEBHOOK_LISTEN must be host:port, not {listen!r}")
    return Settings(
        newspaper=str(pick("PAPERBOY_NEWSPAPER", paper.get("name", "大同日报"))),
        timezone=timezone,
        summary_max_chars=int(
            _number("summary.max_chars", summary.get("max_chars", 120), 20, 2000)
        ),
        data_dir=Path(data_dir).expanduser(),
        database_url=database_url,
        push_rate=_number(
            "PAPERBOY_PUSH_RATE", pick("PAPERBOY_PUSH_RATE", push.get("rate", 25)), 0.1, 1000
        ),
        paid_broadcast=_flag(
            "PAPERBOY_PAID_BROADCAST",
            pick("PAPERBOY_PAID_BROADCAST", push.get("paid_broadcast", False)),
        ),
        default_push_time=push_time,
        catchup_window_hours=_number(
            "push.catchup_window_hours", push.get("catchup_window_hours", 12), 0, 240
        ),
        telegram_token=env.get("PAPERBOY_TELEGRAM_TOKEN", "").strip(),
        telegram_base_url=base_url,
        webhook_url=webhook_url,
        webhook_listen=listen,
        webhook_secret=env.get("PAPERBOY_TELEGRAM_WEBHOOK_SECRET", "").strip(),
        admins=_admins(pick("PAPERBOY_ADMINS", tg.get("admins", []))),
        config_dir=cdir,
        wechat=load_wechat(pick, toml.get("wechat", {})),
    )
