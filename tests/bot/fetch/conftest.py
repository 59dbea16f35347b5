"""A config directory whose [fetch] manners suit loopback tests (no pause between
requests, short timeouts, one quick retry), and a fresh data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

FAST = """[fetch]
timeout_s = 1
retries = 1
backoff_s = 0
delay_s = 0
max_mb = 20
"""


@pytest.fixture
def config_dir(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "config"
    shutil.copytree(REPO / "config", target)
    toml = target / "paperboy.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.split("[fetch]", 1)[0] + FAST, encoding="utf-8")
    monkeypatch.setenv("PAPERBOY_CONFIG_DIR", str(target))
    return target
