"""The WeChat channel's settings: part of :class:`bot.settings.Settings`, read with it."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from digests.errors import ConfigError

API_BASE = "https://api.weixin.qq.com"
ACCOUNTS = ("subscription", "service")
_TOKEN = re.compile(r"^[A-Za-z0-9]{3,32}$")
_AES_KEY = re.compile(r"^[A-Za-z0-9+/]{43}$")
_LISTEN = re.compile(r"^.+:\d{1,5}$")


@dataclass(frozen=True, slots=True)
class WeChatSettings:
    """The OA's credentials and where the callback server listens.

    ``aes_key`` empty means plaintext mode only; set, the server also takes compatible and
    safe (encrypted) mode. ``public_url`` is the server's address as readers' phones reach
    it (the article links); empty means ``http://`` + ``listen``.
    """

    token: str = ""
    appid: str = ""
    secret: str = ""
    aes_key: str = ""
    listen: str = "0.0.0.0:8080"
    api_base: str = API_BASE
    public_url: str = ""
    account: str = "subscription"  # or "service": which mass-send quota applies

    @property
    def enabled(self) -> bool:
        return bool(self.token and self.appid and self.secret)

    @property
    def host_port(self) -> tuple[str, int]:
        host, _, port = self.listen.rpartition(":")
        return host or "0.0.0.0", int(port)

    @property
    def link_base(self) -> str:
        """Where article links point: the public URL, else the listen address."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host, port = self.host_port
        return f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"


Pick = Callable[[str, object], object]


def load_wechat(pick: Pick, toml: Mapping[str, object]) -> WeChatSettings:
    """Read ``PAPERBOY_WECHAT_*`` (over the ``[wechat]`` table); a wrong value raises
    ConfigError naming the variable. Secrets (token, secret, AES key) only from the
    environment."""

    def env(name: str) -> str:
        return str(pick(f"PAPERBOY_WECHAT_{name}", "")).strip()

    def setting(name: str, key: str, default: str) -> str:
        return str(pick(f"PAPERBOY_WECHAT_{name}", toml.get(key, default))).strip()

    found = WeChatSettings(
        token=env("TOKEN"),
        appid=setting("APPID", "appid", ""),
        secret=env("SECRET"),
        aes_key=env("AES_KEY"),
        listen=setting("LISTEN", "listen", "0.0.0.0:8080"),
        api_base=setting("API_BASE_URL", "api_base_url", API_BASE).rstrip("/"),
        public_url=setting("PUBLIC_URL", "public_url", "").rstrip("/"),
        account=setting("ACCOUNT", "account", "subscription").lower(),
    )
    _check(found)
    return found


def _check(s: WeChatSettings) -> None:
    given = {"TOKEN": s.token, "APPID": s.appid, "SECRET": s.secret}
    if any(given.values()) or s.aes_key:
        missing = [f"PAPERBOY_WECHAT_{k}" for k, v in given.items() if not v]
        if missing:
            raise ConfigError(f"the WeChat channel also needs {', '.join(missing)}")
    if s.token and not _TOKEN.match(s.token):
        raise ConfigError("PAPERBOY_WECHAT_TOKEN must be 3 to 32 letters or digits")
    if s.aes_key:
        aes_key(s.aes_key)
    if not _LISTEN.match(s.listen):
        raise ConfigError(f"PAPERBOY_WECHAT_LISTEN must be host:port, not {s.listen!r}")
    for name, url in (("API_BASE_URL", s.api_base), ("PUBLIC_URL", s.public_url)):
        if url and not url.startswith(("http://", "https://")):
            raise ConfigError(f"PAPERBOY_WECHAT_{name} must start with http:// or https://")
    if s.account not in ACCOUNTS:
        raise ConfigError(
            f"PAPERBOY_WECHAT_ACCOUNT must be subscription or service, not {s.account!r}"
        )


def aes_key(encoding_aes_key: str) -> bytes:
    """The 32-byte AES key an EncodingAESKey (43 characters of base64) stands for."""
    if not _AES_KEY.match(encoding_aes_key):
        raise ConfigError("PAPERBOY_WECHAT_AES_KEY must be the 43-character EncodingAESKey")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except binascii.Error:
        raise ConfigError("PAPERBOY_WECHAT_AES_KEY is not valid base64") from None
    if len(key) != 32:
        raise ConfigError("PAPERBOY_WECHAT_AES_KEY must decode to 32 bytes")
    return key
