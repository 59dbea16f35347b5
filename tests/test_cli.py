"""The command line's own contract: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """It prints help and exits 2 when no command is given."""
    assert main([]) == 2
    assert "paperboy" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """It exits 2 with one error line for an unknown option."""
    with pytest.raises(SystemExit) as exc:
        main(["split", "--bogus", "x.txt"])
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_wrong_setting_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong setting stops the command with one line naming the variable."""
    monkeypatch.setenv("PAPERBOY_PUSH_RATE", "fast")
    assert main(["digest"]) == 1
    err = capsys.readouterr().err
    assert "PAPERBOY_PUSH_RATE" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "url",
    ["postgresql://", "postgresql://postgres@127.0.0.1:5432", "postgres://u@localhost/"],
)
def test_a_database_url_without_a_database_name_stops_start_up(
    url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It names PAPERBOY_DATABASE_URL in one line instead of using libpq's default database."""
    monkeypatch.setenv("PAPERBOY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PAPERBOY_DATABASE_URL", url)
    assert main(["search", "古城"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "PAPERBOY_DATABASE_URL" in err and "names no database" in err


def test_a_database_url_with_a_bad_port_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PAPERBOY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PAPERBOY_DATABASE_URL", "postgresql://db:port/paperboy")
    assert main(["search", "古城"]) == 1
    assert "PAPERBOY_DATABASE_URL is not a valid URL" in capsys.readouterr().err
