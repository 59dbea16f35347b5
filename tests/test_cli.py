"""The command line's own contract: exit codes and messages."""

from __future__ import annotations

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
