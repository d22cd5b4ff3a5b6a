"""Guarded HTTP fetching against a real local server: SSRF guard, redirects, caps, errors."""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from emberwatch.errors import InputError
from emberwatch.ingest import fetch as fetch_module
from emberwatch.ingest.fetch import address_block_reason, fetch
from emberwatch.settings import load_settings
from tests.ingest.conftest import LocalSite, Route


@pytest.fixture
def http_settings():
    return load_settings(http_timeout=2.0, http_max_bytes=1000, http_max_redirects=2)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-global"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("fe80::1", "link-local"),
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_fetch_address_block_reason(address: str, reason: str | None) -> None:
    assert address_block_reason(ipaddress.ip_address(address)) == reason


def test_fetch_local_server_allowed_with_flag(local_site: LocalSite, http_settings) -> None:
    local_site.routes["/a"] = Route(
        b"<html>hello</html>", headers={"Content-Type": "text/html; charset=utf-8"}
    )
    page = fetch(local_site.url("/a"), http_settings, allow_private=True)
    assert page.data == b"<html>hello</html>" and page.content_type == "text/html"


def test_fetch_connects_to_checked_address_with_original_host(local_site: LocalSite, http_settings) -> None:
    local_site.routes["/h"] = Route(b"ok")
    url = local_site.url("/h").replace("127.0.0.1", "localhost")
    assert fetch(url, http_settings, allow_private=True).data == b"ok"
    assert local_site.hosts == [url.removeprefix("http://").removesuffix("/h")]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_fetch_refuses_loopback_without_flag(local_site: LocalSite, http_settings, host: str) -> None:
    local_site.routes["/a"] = Route(b"secret")
    url = local_site.url("/a").replace("127.0.0.1", host)
    with pytest.raises(InputError, match=r"SSRF guard.*--allow-private"):
        fetch(url, http_settings)
    assert local_site.hits == []


def test_fetch_refuses_redirect_to_private_address(
    local_site: LocalSite, http_settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The local server plays a public site; its redirect to the metadata address must be refused."""
    real = fetch_module.address_block_reason
    monkeypatch.setattr(
        fetch_module, "address_block_reason", lambda ip: None if str(ip) == "127.0.0.1" else real(ip)
    )
    local_site.routes["/go"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/"})
    with pytest.raises(InputError, match=r"link-local address 169\.254\.169\.254"):
        fetch(local_site.url("/go"), http_settings)
    assert local_site.hits == ["/go"]


def test_fetch_follows_redirects_up_to_limit(local_site: LocalSite, http_settings) -> None:
    local_site.routes["/r1"] = Route(status=301, headers={"Location": "/r2"})
    local_site.routes["/r2"] = Route(status=307, headers={"Location": local_site.url("/end")})
    local_site.routes["/end"] = Route(b"done", headers={"Content-Type": "text/plain"})
    page = fetch(local_site.url("/r1"), http_settings, allow_private=True)
    assert page.data == b"done" and page.url.endswith("/end")
    local_site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(InputError, match="more than 2 redirects"):
        fetch(local_site.url("/loop"), http_settings, allow_private=True)


def test_fetch_refuses_redirect_to_other_scheme(local_site: LocalSite, http_settings) -> None:
    local_site.routes["/f"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InputError, match="only http and https"):
        fetch(local_site.url("/f"), http_settings, allow_private=True)


@pytest.mark.parametrize("send_length", [True, False])
def test_fetch_caps_response_size(local_site: LocalSite, http_settings, send_length: bool) -> None:
    local_site.routes["/big"] = Route(b"x" * 5000, send_length=send_length)
    with pytest.raises(InputError, match="1000-byte limit"):
        fetch(local_site.url("/big"), http_settings, allow_private=True)


def test_fetch_reports_http_errors_and_timeouts(local_site: LocalSite) -> None:
    settings = load_settings(http_timeout=0.3)
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(local_site.url("/missing"), settings, allow_private=True)
    local_site.routes["/slow"] = Route(b"late", delay=1.0)
    with pytest.raises(InputError, match="timed out"):
        fetch(local_site.url("/slow"), settings, allow_private=True)
    with pytest.raises(InputError, match="only http and https"):
        fetch("ftp://example.org/file.txt", settings)


@pytest.fixture
def tls_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """An HTTPS server on 127.0.0.1 whose self-signed certificate names ``localhost``, trusted by httpx."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl command not available to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = f"host={self.headers.get('Host')}".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    trusted = ssl.create_default_context(cafile=str(cert))
    real_init = httpx.Client.__init__

    def init(self: httpx.Client, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **{**kwargs, "verify": trusted})

    monkeypatch.setattr(httpx.Client, "__init__", init)
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_fetch_https_pins_address_but_verifies_host_name(tls_site: int, http_settings) -> None:
    """The connection goes to the checked IP; TLS still checks the certificate against the host name."""
    page = fetch(f"https://localhost:{tls_site}/x", http_settings, allow_private=True)
    assert page.data == f"host=localhost:{tls_site}".encode()
    with pytest.raises(InputError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(f"https://127.0.0.1:{tls_site}/x", http_settings, allow_private=True)
