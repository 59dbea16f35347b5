"""A fixture e-paper site over real HTTP on 127.0.0.1 (stdlib http.server in a thread).

It answers If-None-Match with 304, can wait before answering (a slow page) or send less
than it announced (a broken-off download), and keeps a log of every request so tests
can see what the fetcher asked for and whether two requests ever overlapped.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.builders.epaper import Resource


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    start: float
    end: float = 0.0
    status: int = 0


@dataclass
class Site:
    resources: dict[str, Resource] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def asked(self, suffix: str = "") -> list[Hit]:
        return [h for h in self.hits if h.path.endswith(suffix)]

    def overlapped(self) -> bool:
        spans = sorted((h.start, h.end) for h in self.hits)
        return any(b[0] < a[1] for a, b in itertools.pairwise(spans))


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            hit = Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
            site.hits.append(hit)
            res = site.resources.get(self.path.split("?", 1)[0])
            if res is None:
                res = Resource(b"<html><body>404 Not Found</body></html>", status=404)
            if res.delay_s:
                time.sleep(res.delay_s)
            if res.busy_first and len(site.asked(hit.path)) <= res.busy_first:
                res = Resource(b"busy", status=503)
                hit.status = 503
                self.send_response(503)
                self.send_header("Retry-After", "7")
                self.send_header("Content-Length", "4")
                self.end_headers()
                self.wfile.write(res.body)
                hit.end = time.monotonic()
                return
            etag = '"' + hashlib.sha256(res.body).hexdigest()[:16] + '"'
            try:
                if res.status == 200 and hit.headers.get("if-none-match") == etag:
                    hit.status = 304
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                hit.status = res.status
                self.send_response(res.status)
                self.send_header("Content-Type", res.content_type)
                self.send_header("Content-Length", str(len(res.body)))
                if res.status == 200:
                    self.send_header("ETag", etag)
                if res.cut_to is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(res.body if res.cut_to is None else res.body[: res.cut_to])
                self.wfile.flush()
                if res.cut_to is not None:
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                hit.end = time.monotonic()

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (the fetcher giving up on a slow page) is no error."""
        import sys

        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(resources: dict[str, Resource]) -> Iterator[Site]:
    site = Site(dict(resources))
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
