"""``paperboy digest`` and ``paperboy push`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.push.service import LEASE_TTL_S, lease_name
from bot.services import Services
from bot.settings import load_settings
from digests.model import Subscriber
from tests.bot.push.conftest import KEY, make_issue


@pytest.fixture
def stored(data_dir: Path) -> Path:
    services = Services.open(load_settings())
    services.archive.store_issue(make_issue(3))
    services.archive.save_subscriber(Subscriber("telegram", "42"))
    services.close()
    return data_dir


def test_digest_prints_what_a_subscriber_gets(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It prints the plain-text digest: header, section, titles with their commands."""
    assert main(["digest"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("《大同日报》\n2024年2月10日 星期六 · 第100期 · 共 3 篇")
    assert "【第1版 要闻】" in out and "第2篇文章的标题  /a_dtrb20240210p01n02" in out


def test_digest_for_sections_and_dates(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing section or date, or a malformed date, is one clear line and exit 1."""
    assert main(["digest", "--sections", "要闻", "--date", "2024-02-10"]) == 0
    assert main(["digest", "--sections", "体育"]) == 1
    assert "no section '体育'" in capsys.readouterr().err
    assert main(["digest", "--date", "2024-02-11"]) == 1
    assert "no issue stored for 2024-02-11" in capsys.readouterr().err
    assert main(["digest", "--date", "10.2.2024"]) == 1
    assert "--date must be a date like 2024-02-10" in capsys.readouterr().err


def test_digest_on_an_empty_archive(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without any issue it says how to post one."""
    assert main(["digest"]) == 1
    assert "paperboy ingest" in capsys.readouterr().err


def test_push_now_asks_serve_through_the_database(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``push --now`` leaves a push request and says one true thing: no serve runs, so the
    push starts when one does; with a serve heartbeating, that it was asked."""
    assert main(["push", "--now"]) == 0
    captured = capsys.readouterr()
    assert "已记下推送《大同日报》2024-02-10（1 位订阅者）的请求" in captured.out
    assert "现在没有运行中的 serve" in captured.out
    assert "已请正在运行的 serve" not in captured.out and captured.err == ""
    services = Services.open(load_settings())
    assert services.archive.take_push_request() == KEY
    services.archive.acquire_lease(lease_name(""), "test:1", LEASE_TTL_S)
    services.close()
    assert main(["push", "--now"]) == 0
    out = capsys.readouterr().out
    assert "已请正在运行的 serve 推送《大同日报》2024-02-10（1 位订阅者）" in out
    assert "没有运行中的 serve" not in out


def test_push_status(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``push --status`` prints the counts /pushstatus shows."""
    assert main(["push", "--status"]) == 0
    assert "还没有推送过" in capsys.readouterr().out
    services = Services.open(load_settings())
    services.archive.plan_deliveries(KEY, [("telegram", "42"), ("telegram", "43")])
    services.archive.mark_sent(KEY, "telegram", "42", [1])
    services.close()
    assert main(["push", "--status"]) == 0
    out = capsys.readouterr().out
    assert "已发送 1 · 待发送 1 · 失败 0 · 已屏蔽 0" in out
