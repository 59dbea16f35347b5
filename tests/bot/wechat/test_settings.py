"""The WeChat settings: the channel is on only with its credentials, and says what is wrong."""

from __future__ import annotations

import pytest

from bot.settings import load_settings
from digests.errors import ConfigError

KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
BASE = {
    "PAPERBOY_WECHAT_TOKEN": "tok123",
    "PAPERBOY_WECHAT_APPID": "wx1",
    "PAPERBOY_WECHAT_SECRET": "s",
}


def test_the_channel_is_off_without_settings() -> None:
    """No PAPERBOY_WECHAT_* set: the WeChat channel does not start."""
    assert not load_settings({}).wechat.enabled


def test_token_appid_and_secret_turn_it_on() -> None:
    """With token, appid and secret the channel is on; plaintext mode without an AES key."""
    s = load_settings({**BASE, "PAPERBOY_WECHAT_LISTEN": "127.0.0.1:9000"}).wechat
    assert s.enabled and s.aes_key == ""
    assert s.host_port == ("127.0.0.1", 9000)
    assert s.link_base == "http://127.0.0.1:9000"


def test_a_missing_credential_is_named() -> None:
    """A token without the app secret stops start-up naming the missing variable."""
    with pytest.raises(ConfigError, match="PAPERBOY_WECHAT_SECRET"):
        load_settings({"PAPERBOY_WECHAT_TOKEN": "tok123", "PAPERBOY_WECHAT_APPID": "wx1"})


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("PAPERBOY_WECHAT_AES_KEY", "short", "43-character"),
        ("PAPERBOY_WECHAT_TOKEN", "bad token!", "letters or digits"),
        ("PAPERBOY_WECHAT_LISTEN", "8080", "host:port"),
        ("PAPERBOY_WECHAT_API_BASE_URL", "ftp://x", "http://"),
        ("PAPERBOY_WECHAT_ACCOUNT", "enterprise", "subscription or service"),
    ],
)
def test_a_wrong_value_is_refused_with_its_name(name: str, value: str, says: str) -> None:
    """Each wrong WeChat setting raises one clear error naming it."""
    with pytest.raises(ConfigError, match=says) as e:
        load_settings({**BASE, name: value})
    assert name in str(e.value)


def test_the_aes_key_and_public_url_are_kept() -> None:
    """An EncodingAESKey of 43 characters is taken; links use the public URL."""
    env = {**BASE, "PAPERBOY_WECHAT_AES_KEY": KEY, "PAPERBOY_WECHAT_PUBLIC_URL": "https://x.cn/"}
    s = load_settings(env).wechat
    assert s.aes_key == KEY and s.link_base == "https://x.cn"
