"""A config directory whose [fetch] manners suit loopback tests (no pause between
requests, short timeouts, one quick retry), and a fresh data directory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings, load_settings
from digests.archive import SqlArchive, open_archive
from tests.conftest import REPO

FAST = """[fetch]
timeout_s = 1
retries = 1
backoff_s = 0
delay_s = 0
max_mb = 20
"""


def fast_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of config/ with the fast [fetch] table, made the one settings read."""
    target = tmp_path / "config"
    shutil.copytree(REPO / "config", target)
    toml = target / "paperboy.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.split("[fetch]", 1)[0] + FAST, encoding="utf-8")
    monkeypatch.setenv("PAPERBOY_CONFIG_DIR", str(target))
    return target


@pytest.fixture
def config_dir(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return fast_config(tmp_path, monkeypatch)


@pytest.fixture
def settings(config_dir: Path) -> Settings:
    s = load_settings()
    s.data_dir.mkdir(parents=True, exist_ok=True)
    return s


@pytest.fixture
def archive(settings: Settings) -> Iterator[SqlArchive]:
    a = open_archive("", settings.sqlite_path, config_dir=settings.config_dir)
    yield a
    a.close()
