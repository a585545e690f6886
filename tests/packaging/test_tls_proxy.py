"""Custom CA and proxy: a loopback HTTPS DashScope server signed by a CA made for the test, reached
directly and through a loopback HTTP CONNECT proxy, with the settings a company would configure."""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import json
import ssl
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
import pytest_asyncio
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from qwenvl_desktop.core.protocol import ChatClient, ChatRequest, ClientSettings, Endpoint, Turn
from qwenvl_desktop.core.protocol.errors import CertificateError, NetworkError, ProxyAuthError
from qwenvl_desktop.core.protocol.events import ContentDelta
from qwenvl_desktop.core.settings import ConfigLocations, load_settings
from tests.support.dashscope_server import LoopbackDashScope

T = TypeVar("T")

KEY = "sk-tlstest0123456789abcdef0123"


# -- certificates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    ca_pem: Path
    cert_pem: Path
    key_pem: Path

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(self.cert_pem, self.key_pem)
        return ctx


def make_pki(folder: Path) -> Pki:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "qwenvl-desktop test CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(folder / "ca.pem", folder / "server.pem", folder / "server-key.pem")
    pki.ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    pki.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pki


# -- servers -----------------------------------------------------------------------------------


@dataclass
class TlsLoopbackDashScope(LoopbackDashScope):
    """The loopback DashScope server behind TLS (same scenarios, ``https://`` base URLs)."""

    ssl_context: ssl.SSLContext | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._serve, self.host, self.port, ssl=self.ssl_context
        )
        self.port = self._server.sockets[0].getsockname()[1]

    def base_url(self, scenario: str = "seed") -> str:
        return f"https://{self.host}:{self.port}/{scenario}/compatible-mode/v1"


class ConnectProxy:
    """A minimal HTTP CONNECT proxy on loopback that records the tunnels it opened.

    ``ssl_context`` makes it an ``https://`` proxy (TLS between the client and the proxy);
    ``credentials`` (``"user:password"``) makes it answer 407 to a request without them.
    """

    def __init__(
        self, *, ssl_context: ssl.SSLContext | None = None, credentials: str | None = None
    ) -> None:
        self.targets: list[str] = []
        self.requests = 0
        self.port = 0
        self._ssl = ssl_context
        self._credentials = credentials
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def url_with(self, credentials: str) -> str:
        scheme, rest = self.url.split("://")
        return f"{scheme}://{credentials}@{rest}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=self._ssl)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    def _authorised(self, head: str) -> bool:
        if self._credentials is None:
            return True
        import base64

        expected = "basic " + base64.b64encode(self._credentials.encode()).decode().lower()
        lines = [ln.lower() for ln in head.split("\r\n")]
        return any(
            ln.startswith("proxy-authorization:") and ln.split(":", 1)[1].strip() == expected
            for ln in lines
        )

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        upstream: asyncio.StreamWriter | None = None
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            self.requests += 1
            method, target, _ = head.split("\r\n", 1)[0].split(" ", 2)
            host, _, port = target.rpartition(":")
            if not self._authorised(head):
                page = b"<html><title>407 Proxy Authentication Required</title></html>"
                writer.write(
                    b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                    b'Proxy-Authenticate: Basic realm="corp"\r\nContent-Type: text/html\r\n'
                    b"Content-Length: %d\r\n\r\n%s" % (len(page), page)
                )
                await writer.drain()
                return
            if method != "CONNECT" or host not in ("127.0.0.1", "localhost"):
                writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            self.targets.append(target)
            up_reader, upstream = await asyncio.open_connection(host, int(port))
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await asyncio.gather(self._pipe(reader, upstream), self._pipe(up_reader, writer))
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError, ssl.SSLError):
            pass
        finally:
            self._tasks.discard(task)
            for w in (writer, upstream):
                if w is not None:
                    with contextlib.suppress(Exception):
                        w.close()

    @staticmethod
    async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            while data := await src.read(65536):
                dst.write(data)
                await dst.drain()
        with contextlib.suppress(Exception):
            dst.write_eof()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest_asyncio.fixture
async def tls_server(pki: Pki) -> AsyncIterator[TlsLoopbackDashScope]:
    server = TlsLoopbackDashScope(api_keys={KEY}, ssl_context=pki.server_context())
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest_asyncio.fixture
async def proxy() -> AsyncIterator[ConnectProxy]:
    proxy = ConnectProxy()
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.stop()


async def ask(settings: ClientSettings, base_url: str) -> tuple[list[str], str]:
    endpoint = Endpoint(base_url, KEY, "custom")
    request = ChatRequest(model="qwen-vl-plus", turns=(Turn("user", "hi"),), stream=True)
    async with ChatClient(settings) as client:
        models = await client.list_models(endpoint)
        text = "".join(
            [e.text async for e in client.chat(endpoint, request) if isinstance(e, ContentDelta)]
        )
    return models, text


# -- tests -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_direct_https_with_the_custom_ca(tls_server: TlsLoopbackDashScope, pki: Pki) -> None:
    models, text = await ask(ClientSettings(ca_bundle=str(pki.ca_pem)), tls_server.base_url())
    assert models == ["qwen3-vl-plus", "qwen-vl-max"]
    assert text  # the seed answer streamed over TLS
    assert [r.path.rsplit("/", 1)[1] for r in tls_server.requests] == ["models", "completions"]


@pytest.mark.asyncio
@pytest.mark.parametrize("trust", ["system", "certifi"])
async def test_without_the_custom_ca_the_connection_is_refused_clearly(
    tls_server: TlsLoopbackDashScope, trust: str
) -> None:
    settings = ClientSettings(ca_bundle=trust, max_retries=0)
    with pytest.raises(CertificateError) as info:
        await ask(settings, tls_server.base_url())
    assert "CERTIFICATE_VERIFY_FAILED" in (info.value.detail or "")
    assert "ca_bundle" in info.value.user_message
    assert tls_server.requests == []


@pytest.mark.asyncio
async def test_through_the_proxy_with_the_custom_ca(
    tls_server: TlsLoopbackDashScope, proxy: ConnectProxy, pki: Pki
) -> None:
    settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=proxy.url)
    models, text = await ask(settings, tls_server.base_url())
    assert models and text
    assert proxy.targets and set(proxy.targets) == {f"127.0.0.1:{tls_server.port}"}
    # the key travelled inside the tunnel: the server saw it, the proxy saw only CONNECT lines
    assert all(r.authorization == f"Bearer {KEY}" for r in tls_server.requests)


@pytest.mark.asyncio
async def test_a_proxy_that_is_down_is_a_network_error(
    tls_server: TlsLoopbackDashScope, pki: Pki
) -> None:
    stopped = ConnectProxy()
    await stopped.start()
    url = stopped.url
    await stopped.stop()
    settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=url, max_retries=0)
    with pytest.raises(NetworkError):
        await ask(settings, tls_server.base_url())
    assert tls_server.requests == []


# -- from the configuration files, through the command line -------------------------------------


class BackgroundLoop:
    """An event loop on a thread, for servers used by synchronous tests (the CLI runs its own)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def background() -> Iterator[BackgroundLoop]:
    loop = BackgroundLoop()
    try:
        yield loop
    finally:
        loop.close()


def test_ask_uses_proxy_and_ca_from_the_system_config_file(
    background: BackgroundLoop,
    pki: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """GIVEN a system file with base_url, proxy and a relative ca_bundle WHEN `ask` runs
    THEN the answer comes through the proxy over verified TLS."""
    from qwenvl_desktop.cli.main import main

    server = TlsLoopbackDashScope(api_keys={KEY}, ssl_context=pki.server_context())
    proxy = ConnectProxy()
    background.run(server.start())
    background.run(proxy.start())
    try:
        system = tmp_path / "xdg" / "system" / "qwenvl-desktop"  # XDG_CONFIG_DIRS (conftest)
        system.mkdir(parents=True)
        (system / "company-ca.pem").write_bytes(pki.ca_pem.read_bytes())
        (system / "config.toml").write_text(
            f'base_url = "{server.base_url("seed")}"\n'
            f'proxy = "{proxy.url}"\n'
            'ca_bundle = "company-ca.pem"\n'
            'locked = ["base_url", "proxy", "ca_bundle"]\n'
        )
        loaded = load_settings(
            environ={}, locations=ConfigLocations(system / "config.toml", tmp_path / "none.toml")
        )
        assert loaded.problems == ()
        assert loaded.settings.ca_bundle == str((system / "company-ca.pem").resolve())
        monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
        assert main(["ask", "Describe the picture."]) == 0
        assert capsys.readouterr().out.strip()
        assert proxy.targets == [f"127.0.0.1:{server.port}"]
    finally:
        background.run(proxy.stop())
        background.run(server.stop())


# -- a company proxy: its own TLS, its login, the environment -------------------------------------


@pytest.mark.asyncio
async def test_an_https_proxy_is_verified_against_the_ca_bundle(
    tls_server: TlsLoopbackDashScope, pki: Pki
) -> None:
    """GIVEN an https:// proxy whose certificate comes from the company CA WHEN ca_bundle names
    that CA THEN the proxy is trusted (before, only the default CAs were tried for it)."""
    proxy = ConnectProxy(ssl_context=pki.server_context())
    await proxy.start()
    try:
        settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=proxy.url, max_retries=0)
        models, text = await ask(settings, tls_server.base_url())
    finally:
        await proxy.stop()
    assert proxy.url.startswith("https://") and models and text
    assert set(proxy.targets) == {f"127.0.0.1:{tls_server.port}"}


@pytest.mark.asyncio
async def test_a_wrong_proxy_password_is_asked_once_and_named_as_such(
    tls_server: TlsLoopbackDashScope, pki: Pki
) -> None:
    """GIVEN a proxy that answers 407 WHEN a question is sent THEN the proxy is asked once (a
    retried wrong password can lock the account) and the sentence blames the proxy's login."""
    proxy = ConnectProxy(credentials="alice:right")
    await proxy.start()
    try:
        settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=proxy.url_with("alice:wrong"))
        endpoint = Endpoint(tls_server.base_url(), KEY, "custom")
        request = ChatRequest(model="qwen-vl-plus", turns=(Turn("user", "hi"),), stream=True)
        async with ChatClient(settings) as client:
            with pytest.raises(ProxyAuthError) as info:
                [e async for e in client.chat(endpoint, request)]
    finally:
        await proxy.stop()
    assert proxy.requests == 1 and tls_server.requests == []
    message = info.value.one_line()
    assert "rejected its credentials" in message and f"alice:***@127.0.0.1:{proxy.port}" in message
    assert "wrong" not in message


@pytest.mark.asyncio
async def test_a_407_for_a_plain_http_endpoint_is_the_proxy_login_too(pki: Pki) -> None:
    """On an http:// endpoint the proxy's 407 is an ordinary response: it must not read as the
    service's error ("api: The service reported an error (status=407…") with the proxy's page."""
    from tests.support.dashscope_server import LoopbackDashScope

    server = LoopbackDashScope(api_keys={KEY})
    await server.start()
    proxy = ConnectProxy(credentials="alice:right")
    await proxy.start()
    try:
        settings = ClientSettings(proxy=proxy.url_with("alice:wrong"))
        with pytest.raises(ProxyAuthError) as info:
            await ask(settings, server.base_url())
    finally:
        await proxy.stop()
        await server.stop()
    assert proxy.requests == 1 and info.value.status == 407
    assert "<html" not in info.value.one_line()


@pytest.mark.asyncio
async def test_the_right_proxy_password_gets_through(
    tls_server: TlsLoopbackDashScope, pki: Pki
) -> None:
    proxy = ConnectProxy(credentials="alice:p@ss word")
    await proxy.start()
    try:
        url = proxy.url_with("alice:p%40ss%20word")
        models, text = await ask(
            ClientSettings(ca_bundle=str(pki.ca_pem), proxy=url), tls_server.base_url()
        )
    finally:
        await proxy.stop()
    assert models and text and proxy.targets != []


@pytest.mark.asyncio
@pytest.mark.parametrize("name", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
async def test_the_environment_proxy_is_used_when_none_is_configured(
    tls_server: TlsLoopbackDashScope,
    proxy: ConnectProxy,
    pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    monkeypatch.setenv(name, proxy.url)
    models, text = await ask(ClientSettings(ca_bundle=str(pki.ca_pem)), tls_server.base_url())
    assert models and text and set(proxy.targets) == {f"127.0.0.1:{tls_server.port}"}


@pytest.mark.asyncio
@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*"])
async def test_no_proxy_sends_those_hosts_direct(
    tls_server: TlsLoopbackDashScope,
    proxy: ConnectProxy,
    pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
    no_proxy: str,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    models, text = await ask(ClientSettings(ca_bundle=str(pki.ca_pem)), tls_server.base_url())
    assert models and text and proxy.targets == []


@pytest.mark.asyncio
async def test_the_proxy_setting_wins_over_the_environment(
    tls_server: TlsLoopbackDashScope,
    proxy: ConnectProxy,
    pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # and NO_PROXY is for the environment's proxy
    settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=proxy.url)
    models, text = await ask(settings, tls_server.base_url())
    assert models and text and proxy.targets != []


@pytest.mark.asyncio
async def test_a_network_failure_names_the_host_and_the_proxy(
    tls_server: TlsLoopbackDashScope, pki: Pki
) -> None:
    stopped = ConnectProxy()
    await stopped.start()
    url = stopped.url_with("alice:s3cret")
    await stopped.stop()
    settings = ClientSettings(ca_bundle=str(pki.ca_pem), proxy=url, max_retries=0)
    with pytest.raises(NetworkError) as info:
        await ask(settings, tls_server.base_url())
    line = info.value.one_line()
    assert f"127.0.0.1:{tls_server.port}" in line and f"alice:***@127.0.0.1:{stopped.port}" in line
    assert "s3cret" not in line


def test_config_show_masks_the_proxy_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from qwenvl_desktop.cli.main import main

    monkeypatch.setenv("QWENVL_DESKTOP_PROXY", "http://alice:s3cret@proxy.corp:3128")
    assert main(["config", "show"]) == 0
    text = capsys.readouterr().out
    assert 'proxy = "http://alice:***@proxy.corp:3128"' in text
    assert main(["config", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["settings"]["proxy"]["value"]
    assert shown == "http://alice:***@proxy.corp:3128"
    monkeypatch.setenv("QWENVL_DESKTOP_PROXY", "ftp://alice:s3cret@proxy.corp:3128")
    main(["config", "show"])
    assert "s3cret" not in "".join(capsys.readouterr())
