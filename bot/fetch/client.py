"""A polite HTTP client for e-paper sites (httpx).

One request at a time per host with a pause between two, a timeout, retries with
exponential back-off on network faults and 5xx/429, a User-Agent naming the bot, a size
limit on every body, conditional requests (ETag, Last-Modified) through an on-disk cache,
and robots.txt honoured (urllib.robotparser), its Crawl-delay included.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from bot.fetch.cache import HttpCache
from digests.errors import InputError
from digests.loader import MAX_INPUT_BYTES, megabytes
from digests.notes import Note, note

USER_AGENT = "Paperboy/0.1 (news digest bot for Chinese dailies; +https://github.com/paperboy-bot)"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_CRAWL_DELAY_S = 30.0
_MAX_RETRY_AFTER_S = 120.0  # a longer wait is the schedule's next try, not this request's


class FetchError(InputError):
    """A site that cannot be fetched as asked: one English line for the CLI and the log,
    and its :class:`Note` (``fetch.*``) for the editors in chat. ``status`` is the HTTP
    status when the server answered with one."""

    def __init__(self, message: str, note: Note, status: int | None = None) -> None:
        super().__init__(message, note)
        self.status = status


class NotFound(FetchError):
    """The server says the page is not there (404/410)."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout_s: float = 20.0
    retries: int = 3  # tries after the first one
    backoff_s: float = 2.0  # the first retry waits this long, each later one twice as long
    delay_s: float = 0.5  # the pause between two requests to one host
    max_bytes: int = MAX_INPUT_BYTES
    user_agent: str = USER_AGENT
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    body: bytes
    charset: str | None
    cached: bool = False  # the server said 304: the body is the cached one


Sleep = Callable[[float], Awaitable[None]]


class PoliteClient:
    """``async with PoliteClient(options, cache) as client: await client.get(url)``."""

    def __init__(
        self,
        options: FetchOptions = FetchOptions(),
        cache: HttpCache | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.options = options
        self.cache = cache
        self._sleep = sleep
        self._http: httpx.AsyncClient | None = None
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    async def __aenter__(self) -> PoliteClient:
        self._http = httpx.AsyncClient(
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
            timeout=httpx.Timeout(self.options.timeout_s),
            headers={"User-Agent": self.options.user_agent},
            trust_env=False,
        )
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def get(self, url: str) -> Response:
        """The body at ``url``; FetchError (NotFound for 404) with one clear line."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL", note("fetch.not_http", url=url))
        host = parts.netloc.lower()
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            robots = await self._robots_for(parts.scheme, host)
            if not robots.can_fetch(self.options.user_agent, url):
                raise FetchError(
                    f"{url}: the site's robots.txt does not allow Paperboy to fetch it",
                    note("fetch.robots_denied", url=url),
                )
            delay = robots.crawl_delay(self.options.user_agent)
            return await self._get(url, host, min(float(delay or 0), _MAX_CRAWL_DELAY_S))

    async def _robots_for(self, scheme: str, host: str) -> urllib.robotparser.RobotFileParser:
        parser = self._robots.get(host)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser()
        try:
            got = await self._get(f"{scheme}://{host}/robots.txt", host, 0.0, use_cache=False)
            parser.parse(got.body.decode("utf-8", "replace").splitlines())
        except NotFound:
            parser.parse([])  # no robots.txt: everything is allowed
        except FetchError as e:
            if e.status is None or not 400 <= e.status < 500:
                raise FetchError(
                    f"{host}: robots.txt cannot be read ({e})",
                    note("fetch.robots_unreadable", host=host),
                ) from None
            parser.parse([])  # 401/403 for robots.txt: treated as no robots.txt (RFC 9309)
        self._robots[host] = parser
        return parser

    async def _get(
        self, url: str, host: str, crawl_delay: float, use_cache: bool = True
    ) -> Response:
        attempt = 0
        while True:
            await self._pause(host, crawl_delay)
            try:
                return await self._once(url, use_cache)
            except _Retry as e:
                if attempt >= self.options.retries:
                    raise FetchError(str(e), e.note, e.status) from None
                await self._sleep(max(self.options.backoff_s * 2**attempt, e.wait))
                attempt += 1

    async def _pause(self, host: str, crawl_delay: float) -> None:
        wait = max(self.options.delay_s, crawl_delay) - (
            time.monotonic() - self._last.get(host, -1e9)
        )
        if wait > 0:
            await self._sleep(wait)
        self._last[host] = time.monotonic()

    async def _once(self, url: str, use_cache: bool) -> Response:
        assert self._http is not None, "use PoliteClient inside 'async with'"
        cached = self.cache.lookup(url) if self.cache is not None and use_cache else None
        headers = cached.validators() if cached is not None else {}
        limit = self.options.max_bytes
        try:
            async with self._http.stream("GET", url, headers=headers) as r:
                if r.status_code == 304 and cached is not None and self.cache is not None:
                    return Response(str(r.url), self.cache.body(cached), cached.charset, True)
                _check_status(url, r.status_code, r.headers.get("retry-after", ""))
                size = r.headers.get("content-length", "")
                if size.isdigit() and int(size) > limit:
                    raise _too_large(url, int(size), limit)
                body = bytearray()
                async for chunk in r.aiter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise _too_large(url, len(body), limit)
                response = Response(str(r.url), bytes(body), r.charset_encoding)
                if self.cache is not None and use_cache:
                    self.cache.store(url, r.headers, response.body, response.charset)
                return response
        # The library's own words (errno texts) go to the CLI and the log, not to chat.
        except httpx.TimeoutException:
            s = f"{self.options.timeout_s:g}"
            raise _Retry(
                f"{url}: no answer within {s} s", note("fetch.timeout", url=url, s=s)
            ) from None
        except httpx.ConnectError as e:
            host = urlsplit(url).netloc
            raise _Retry(
                f"cannot reach {host}: {_reason(e)}", note("fetch.unreachable", host=host)
            ) from None
        except httpx.TooManyRedirects:
            raise FetchError(
                f"{url}: too many redirects", note("fetch.redirects", url=url)
            ) from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as e:
            raise _Retry(
                f"{url}: the download broke off ({_reason(e)})", note("fetch.broke_off", url=url)
            ) from None
        except httpx.HTTPError as e:
            raise FetchError(f"{url}: {_reason(e)}", note("fetch.http_error", url=url)) from None


class _Retry(Exception):
    """A fault worth another try (network, timeout, 5xx, 429); ``wait`` is the server's
    Retry-After in seconds, when it sent one."""

    def __init__(
        self, message: str, note: Note, wait: float = 0.0, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.note = note
        self.wait = wait
        self.status = status


def _retry_after(value: str) -> float:
    """Retry-After in seconds (the HTTP-date form is rare on these sites: no wait)."""
    return min(float(value), _MAX_RETRY_AFTER_S) if value.strip().isdigit() else 0.0


def _check_status(url: str, status: int, retry_after: str = "") -> None:
    if status in (404, 410):
        raise NotFound(
            f"{url}: not found ({status})", note("fetch.not_found", url=url, status=status), status
        )
    answered = note("fetch.status", url=url, status=status)
    if status in _RETRY_STATUS:
        wait = _retry_after(retry_after)
        raise _Retry(f"{url}: the server answered {status}", answered, wait, status)
    if status >= 400:
        raise FetchError(f"{url}: the server answered {status}", answered, status)


def _too_large(url: str, size: int, limit: int) -> FetchError:
    mb, cap = megabytes(size, limit)
    return FetchError(
        f"{url}: too large ({mb} MB; the limit is {cap} MB)",
        note("fetch.too_large", url=url, size=mb, limit=cap),
    )


def _reason(e: Exception) -> str:
    text = str(e).strip().splitlines()
    return text[-1] if text else type(e).__name__
