"""The WeChat API client against the fake API server: the token, its refresh, errcodes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.settings import load_settings
from bot.wechat.api import API_QUOTA, OUT_OF_WINDOW, WeChatApi, WeChatApiError
from bot.wechat.xml import NewsItem
from tests.bot.wechat.conftest import APPID, SECRET, TOKEN
from tests.fake_wechat import FakeWeChatApi


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def client(wechat_api: FakeWeChatApi) -> AsyncIterator[tuple[WeChatApi, Clock]]:
    env = {
        "PAPERBOY_WECHAT_TOKEN": TOKEN,
        "PAPERBOY_WECHAT_APPID": APPID,
        "PAPERBOY_WECHAT_SECRET": SECRET,
        "PAPERBOY_WECHAT_API_BASE_URL": wechat_api.base_url,
    }
    clock = Clock()
    async with WeChatApi(load_settings(env).wechat, clock=clock) as api:
        yield api, clock


async def test_one_token_serves_every_call_until_near_expiry(
    client: tuple[WeChatApi, Clock], wechat_api: FakeWeChatApi
) -> None:
    """Calls share one token; five minutes before it expires a new one is fetched."""
    api, clock = client
    for _ in range(3):
        await api.send_text("o1", "你好")
    assert wechat_api.tokens_issued == 1
    clock.now += 7200 - 299
    await api.send_text("o1", "again")
    assert wechat_api.tokens_issued == 2
    assert [c.token for c in wechat_api.sent("custom/send")][-1] == "token-2"


async def test_an_expired_token_is_renewed_once_and_the_call_retried(
    client: tuple[WeChatApi, Clock], wechat_api: FakeWeChatApi
) -> None:
    """42001 (or 40001): a fresh token, the same call again, and it goes through."""
    api, _ = client
    await api.send_text("o1", "one")
    wechat_api.expire_token()
    await api.send_news("o1", NewsItem("标题", "摘要", "https://x/a/1"))
    assert wechat_api.tokens_issued == 2
    assert wechat_api.sent("custom/send")[-1].body["news"]["articles"][0]["title"] == "标题"


async def test_errcodes_reach_the_caller(
    client: tuple[WeChatApi, Clock], wechat_api: FakeWeChatApi
) -> None:
    """45015 and 45009 are raised with their code for delivery to act on."""
    api, _ = client
    wechat_api.fail("custom/send", OUT_OF_WINDOW)
    wechat_api.fail("mass/sendall", API_QUOTA)
    with pytest.raises(WeChatApiError) as e:
        await api.send_text("o1", "x")
    assert e.value.errcode == OUT_OF_WINDOW
    with pytest.raises(WeChatApiError) as e:
        await api.mass_to_all("x", "cid")
    assert e.value.errcode == API_QUOTA


async def test_a_mass_send_is_idempotent_by_clientmsgid(
    client: tuple[WeChatApi, Clock], wechat_api: FakeWeChatApi
) -> None:
    """The same clientmsgid twice: WeChat refuses the second (45065), we take its msg_id."""
    api, _ = client
    first = await api.mass_to(["o1", "o2"], "摘要", "cid-1")
    again = await api.mass_to(["o1", "o2"], "摘要", "cid-1")
    assert first == again and first > 0


async def test_a_wrong_secret_says_what_to_check(wechat_api: FakeWeChatApi) -> None:
    env = {
        "PAPERBOY_WECHAT_TOKEN": TOKEN,
        "PAPERBOY_WECHAT_APPID": APPID,
        "PAPERBOY_WECHAT_SECRET": "wrong",
        "PAPERBOY_WECHAT_API_BASE_URL": wechat_api.base_url,
    }
    async with WeChatApi(load_settings(env).wechat) as api:
        with pytest.raises(WeChatApiError, match="PAPERBOY_WECHAT_SECRET"):
            await api.send_text("o1", "x")


async def test_unicode_goes_as_characters(
    client: tuple[WeChatApi, Clock], wechat_api: FakeWeChatApi
) -> None:
    """JSON bodies carry Chinese as UTF-8, not \\u escapes (WeChat would show those)."""
    api, _ = client
    await api.send_text("o1", "今日要闻")
    assert wechat_api.texts_to("o1") == ["今日要闻"]
    assert "今日要闻".encode() in wechat_api.sent("custom/send")[0].raw
