"""The WeChat channel as ``paperboy serve`` runs it, on loopback, with WeChat faked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.settings import load_settings
from bot.wechat.runner import WeChatChannel
from tests.fake_wechat import FakeWeChatApi, FakeWeChatClient

TOKEN = "paperboyToken1"
APPID = "wx0123456789abcdef"
SECRET = "s3cret"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@dataclass
class Running:
    channel: WeChatChannel
    api: FakeWeChatApi
    client: FakeWeChatClient  # plaintext requests
    safe: FakeWeChatClient  # the same account, asked in safe mode
    base_url: str


def wechat_env(api: FakeWeChatApi, data_dir: Path) -> dict[str, str]:
    return {
        "PAPERBOY_DATA_DIR": str(data_dir),
        "PAPERBOY_WECHAT_TOKEN": TOKEN,
        "PAPERBOY_WECHAT_APPID": APPID,
        "PAPERBOY_WECHAT_SECRET": SECRET,
        "PAPERBOY_WECHAT_AES_KEY": AES_KEY,
        "PAPERBOY_WECHAT_LISTEN": "127.0.0.1:0",
        "PAPERBOY_WECHAT_API_BASE_URL": api.base_url,
        "PAPERBOY_WECHAT_PUBLIC_URL": "https://news.example.cn",
    }


@pytest.fixture
def wechat_api() -> Iterator[FakeWeChatApi]:
    with FakeWeChatApi() as api:
        yield api


@pytest.fixture
async def wechat(
    wechat_api: FakeWeChatApi, data_dir: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Running]:
    extra = getattr(request, "param", {})
    settings = load_settings({**wechat_env(wechat_api, data_dir), **extra})
    channel = await asyncio.to_thread(WeChatChannel, settings)
    await channel.start()
    base = f"http://127.0.0.1:{channel.server.port}"
    client = FakeWeChatClient(base, TOKEN)
    safe = FakeWeChatClient(base, TOKEN, APPID, AES_KEY)
    try:
        yield Running(channel, wechat_api, client, safe, base)
    finally:
        await client.aclose()
        await safe.aclose()
        await channel.close()
