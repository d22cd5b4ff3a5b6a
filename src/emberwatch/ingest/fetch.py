"""Guarded HTTP fetches: timeouts, a body size cap, limited redirects and an SSRF address guard.

Every hop (the first request and each redirect) resolves the host, refuses non-public addresses
unless ``allow_private`` is set, and then connects to the checked address itself (the Host header
and TLS server name stay the original host), so DNS cannot switch to a private address between
the check and the connection.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass

import httpx

from emberwatch.errors import InputError
from emberwatch.settings import Settings

log = logging.getLogger(__name__)

USER_AGENT = "emberwatch (report ingestion; +https://github.com/emberwatch)"
_REDIRECTS = {301, 302, 303, 307, 308}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchedPage:
    """A fetched HTTP body and what is needed to pick a reader for it."""

    url: str
    content_type: str
    data: bytes


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def address_block_reason(ip: IPAddress) -> str | None:
    """Why fetching from ``ip`` is refused by default, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-global", not ip.is_global),
    ):
        if flag:
            return label
    return None


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{host}: cannot resolve host name ({exc}).") from exc
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))


def checked_addresses(url: httpx.URL, allow_private: bool) -> list[IPAddress]:
    """The addresses to connect to for ``url``, after the SSRF guard has approved every one."""
    if url.scheme not in {"http", "https"}:
        raise InputError(f"{url}: only http and https URLs can be fetched.")
    if not url.host:
        raise InputError(f"{url}: URL has no host.")
    addresses = resolve_host(url.host, url.port or (443 if url.scheme == "https" else 80))
    if not allow_private:
        for ip in addresses:
            reason = address_block_reason(ip)
            if reason:
                raise InputError(
                    f"{url}: refused, {url.host} resolves to {reason} address {ip}. Fetching internal "
                    "addresses is blocked (SSRF guard); pass --allow-private if this is intended."
                )
    return addresses


def fetch(url: str, settings: Settings, allow_private: bool = False) -> FetchedPage:
    """GET ``url`` under the guard, following at most ``settings.http_max_redirects`` redirects."""
    current = _parse_url(url)
    with httpx.Client(
        timeout=settings.http_timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
    ) as client:
        for _hop in range(settings.http_max_redirects + 1):
            response = _send(client, current, checked_addresses(current, allow_private))
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = _parse_url(str(current.join(response.headers["location"])))
                    log.debug("redirect to %s", current)
                    continue
                return _page(response, current, settings.http_max_bytes)
            finally:
                response.close()
    raise InputError(
        f"{url}: more than {settings.http_max_redirects} redirects; raise EMBERWATCH_HTTP_MAX_REDIRECTS "
        "if the chain is legitimate."
    )


def _page(response: httpx.Response, url: httpx.URL, limit: int) -> FetchedPage:
    if response.status_code >= 400:
        raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}.")
    data = _read_capped(response, url, limit)
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return FetchedPage(url=str(url), content_type=content_type, data=data)


def _parse_url(url: str) -> httpx.URL:
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError(f"{url}: invalid URL ({exc}).") from exc


def _send(client: httpx.Client, url: httpx.URL, addresses: list[IPAddress]) -> httpx.Response:
    """Stream a GET to an approved address (the next one if it refuses the connection) while
    presenting ``url``'s host in the Host header and TLS SNI."""
    host_header = url.netloc.decode("ascii")
    for number, ip in enumerate(addresses, start=1):
        request = client.build_request(
            "GET",
            url.copy_with(host=str(ip)),
            headers={"Host": host_header},
            extensions={"sni_hostname": url.host},
        )
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as exc:
            if number == len(addresses):
                raise InputError(f"{url}: cannot connect ({exc}).") from exc
            log.debug("%s: %s refused the connection, trying the next address", url, ip)
        except httpx.TimeoutException as exc:
            raise InputError(
                f"{url}: timed out after {client.timeout.read} s (EMBERWATCH_HTTP_TIMEOUT)."
            ) from exc
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: request failed ({type(exc).__name__}: {exc}).") from exc
    raise InputError(f"{url}: no address to connect to.")


def _read_capped(response: httpx.Response, url: httpx.URL, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(
            f"{url}: response is {declared} bytes, over the {limit}-byte limit (EMBERWATCH_HTTP_MAX_BYTES)."
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputError(
                    f"{url}: response exceeds the {limit}-byte limit (EMBERWATCH_HTTP_MAX_BYTES); stopped."
                )
            chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: reading the response failed ({exc}).") from exc
    return b"".join(chunks)
