"""A real HTTP server on 127.0.0.1 (free port) serving an in-memory site.

Used by `newsagg demo`, the tests and the benchmarks. A route is either a Resource
(fixed response) or a callable(request_path, headers) -> Resource, so tests can serve
slow, failing, redirecting or huge responses from the same server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Resource:
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (slow endpoints)
    # When set, the body is these chunks, sent without Content-Length (then the connection closes):
    # a response whose size is unknown up front, or that trickles forever.
    chunks: Callable[[], Iterator[bytes]] | None = None

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Route = Resource | Callable[[str, dict], Resource]


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # a crawler opens many connections at once; the default backlog (5) drops SYNs


class LoopbackSite:
    """Serve `routes` (path, with query string if any, -> Route) until stopped. Records every request."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1", port: int = 0):
        self.routes = routes
        self.requests: list[str] = []  # paths in arrival order
        self.request_headers: list[tuple[str, dict]] = []
        self.in_flight = 0  # requests being answered now, and the most at once (a crawler's concurrency)
        self.peak_in_flight = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no delayed-ACK stall

            def do_GET(self):  # noqa: N802 (http.server API)
                site._answer(self, head=False)

            def do_HEAD(self):  # noqa: N802
                site._answer(self, head=True)

            def log_message(self, *args):  # keep test output clean
                pass

        self._server = _Server((host, port), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> LoopbackSite:
        self._thread = threading.Thread(target=self._server.serve_forever, name="loopback-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LoopbackSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _resolve(self, raw_path: str, headers: dict) -> Resource:
        route = self.routes.get(raw_path) or self.routes.get(urlsplit(raw_path).path)
        if route is None:
            return Resource("<html><body><h1>Not found</h1></body></html>", status=404)
        return route(raw_path, headers) if callable(route) else route

    def _answer(self, handler: BaseHTTPRequestHandler, head: bool) -> None:
        with self._lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            self._answer_counted(handler, head)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer_counted(self, handler: BaseHTTPRequestHandler, head: bool) -> None:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self.requests.append(handler.path)
            self.request_headers.append((handler.path, headers))
        resource = self._resolve(handler.path, headers)
        if resource.delay:
            time.sleep(resource.delay)
        payload = resource.payload()
        try:
            handler.send_response(resource.status)
            handler.send_header("Content-Type", resource.content_type)
            if resource.chunks is None:
                handler.send_header("Content-Length", str(len(payload)))
            else:
                handler.send_header("Connection", "close")
                handler.close_connection = True
            for name, value in resource.headers.items():
                handler.send_header(name, value)
            handler.end_headers()
            if not head:
                for chunk in resource.chunks() if resource.chunks else [payload]:
                    handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LoopbackSite]:
    with LoopbackSite(routes) as site:
        yield site
