"""``paperboy serve`` start-up failures: one clear line and exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.fake_bot_api import FakeBotApi


def test_a_refused_token_is_named(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A token the Bot API rejects stops serve with a line that names the setting."""
    with FakeBotApi() as api:
        monkeypatch.setenv("PAPERBOY_TELEGRAM_TOKEN", "999:not-the-token")
        monkeypatch.setenv("PAPERBOY_TELEGRAM_BASE_URL", api.base_url)
        assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert "PAPERBOY_TELEGRAM_TOKEN" in err and "Traceback" not in err


def test_an_unreachable_bot_api_is_named(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No server at the base URL: serve says which address it could not reach."""
    monkeypatch.setenv("PAPERBOY_TELEGRAM_TOKEN", "123:abc")
    monkeypatch.setenv("PAPERBOY_TELEGRAM_BASE_URL", "http://127.0.0.1:9")
    assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach" in err and "127.0.0.1:9" in err
    assert "Traceback" not in err and "Unclosed" not in err
