"""Which proxy a request goes through, and how a proxy URL may be shown.

The order, documented in the README:

1. the ``proxy`` setting (``proxy = "none"`` or no setting falls through);
2. else the environment, as corporate desktops set it: ``HTTPS_PROXY`` / ``HTTP_PROXY`` /
   ``ALL_PROXY`` (either case), minus the hosts in ``NO_PROXY`` — on Windows and macOS also the
   system's proxy settings, which :func:`urllib.request.getproxies` reads;
3. else direct.

A proxy URL may carry a user name and password (``http://alice:s3cret@proxy:3128``): it is shown
and logged only through :func:`mask_proxy_url`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ProxyRoutes", "host_of", "mask_proxy_url", "mask_proxy_urls_in", "proxy_routes"]

#: ``scheme://user:password@`` in any text: the password part is what is hidden.
_CREDENTIALS_RE = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*):(?P<pw>[^\s@/]*)@")


def mask_proxy_url(url: str | None) -> str | None:
    """``http://alice:s3cret@proxy:3128`` → ``http://alice:***@proxy:3128``; others unchanged."""
    if url is None:
        return None
    return mask_proxy_urls_in(url)


def mask_proxy_urls_in(text: str) -> str:
    """Every ``scheme://user:password@`` in ``text`` with its password replaced by ``***``."""
    return _CREDENTIALS_RE.sub(lambda m: f"{m.group('head')}:***@", text)


@dataclass(frozen=True, slots=True)
class ProxyRoutes:
    """Proxy URL (or ``None`` for direct) per httpx mount pattern (``"all://"``, ``"https://"``,
    ``"all://*.internal.example"``…), and where they came from."""

    routes: dict[str, str | None]
    #: ``"setting"``, ``"environment"`` or ``"none"``
    source: str

    def proxy_for(self, url: str) -> str | None:
        """The proxy a request to ``url`` goes through, or ``None`` for a direct connection."""
        # httpx's own pattern matching and priority order, so that this agrees with the mounts
        # the client is built with. (httpx is pinned to a minor version in pyproject.toml.)
        import httpx
        from httpx._utils import URLPattern

        target = httpx.URL(url)
        for pattern in sorted(URLPattern(key) for key in self.routes):
            if pattern.matches(target):
                return self.routes[pattern.pattern]
        return None

    def describe_for(self, url: str) -> str:
        """`` through the proxy http://alice:***@proxy:3128`` (masked), or ``""`` when direct."""
        proxy = self.proxy_for(url)
        return f" through the proxy {mask_proxy_url(proxy)}" if proxy else ""


def proxy_routes(configured: str | None) -> ProxyRoutes:
    """The proxies requests use: the setting if there is one, else the environment's."""
    if configured:
        return ProxyRoutes({"all://": configured}, "setting")
    # httpx's reading of the environment (HTTP(S)_PROXY, ALL_PROXY, NO_PROXY with curl's rules),
    # the same one httpx applies with trust_env; the client takes it from here instead so that
    # an https:// proxy is verified against ca_bundle like the endpoint.
    from httpx._utils import get_environment_proxies

    routes = get_environment_proxies()
    if not any(routes.values()):
        return ProxyRoutes({}, "none")
    return ProxyRoutes(routes, "environment")


def host_of(url: str) -> str:
    """``host:port`` of a URL, for sentences (``dashscope-intl.aliyuncs.com``)."""
    from urllib.parse import urlsplit  # here: the settings import this module on every start

    parts = urlsplit(url)
    host = parts.hostname or url
    return f"{host}:{parts.port}" if parts.port else host
