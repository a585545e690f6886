"""Shared fixtures. Without a display Qt must run offscreen: set before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never pick up a developer's real key or configuration.
for _var in list(os.environ):
    if _var.startswith("DASHSCOPE_API_KEY") or _var.startswith("QWENVL_DESKTOP_"):
        del os.environ[_var]

from collections.abc import AsyncIterator, Iterator  # noqa: E402

import pytest  # noqa: E402
import pytest_asyncio  # noqa: E402

from tests.support.dashscope_server import LoopbackDashScope  # noqa: E402

TEST_KEY = "sk-loopback0123456789abcdef"


@pytest.fixture
def test_key() -> str:
    return TEST_KEY


@pytest.fixture
def threaded_server() -> Iterator[LoopbackDashScope]:
    """The loopback DashScope server on its own thread (for subprocesses and sync tests)."""
    with LoopbackDashScope.in_thread(api_keys={TEST_KEY}) as server:
        yield server


@pytest_asyncio.fixture
async def loop_server() -> AsyncIterator[LoopbackDashScope]:
    """The loopback DashScope server on the test's own event loop."""
    server = LoopbackDashScope(api_keys={TEST_KEY})
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture(autouse=True)
def _qt_objects_die_with_their_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used Qt, collect its garbage and run deferred deletions right away.

    Widgets, timers and event filters a test leaves behind are destroyed here, in that test,
    rather than at an arbitrary garbage collection in some later, unrelated test: a problem in
    tear-down then shows up where it was caused.
    """
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


#: pytest-qt's fixtures that create (or need) the QApplication.
QT_FIXTURES = frozenset({"qapp", "qtbot"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests marked ``gui`` last, in their usual order.

    pytest-qt processes Qt events after *every* test once a QApplication exists, so anything a
    widget test leaves queued would otherwise run during some unrelated, Qt-free test later on.
    The marker, not the folder, decides: :func:`pytest_runtest_setup` keeps it truthful, and a
    Qt-free test kept beside the module it tests (``tests/gui/transcript/test_markdown_stream``)
    runs with the fast ones.
    """
    items.sort(key=lambda item: item.get_closest_marker("gui") is not None)  # stable


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that needs a QApplication (``qapp``/``qtbot``, directly or through another
    fixture) must be marked ``gui``: ``-m "not gui"`` must leave no Qt behind, and the ordering
    above relies on the mark."""
    uses = QT_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    if uses and item.get_closest_marker("gui") is None:
        pytest.fail(
            f"{item.nodeid} uses {', '.join(sorted(uses))} but is not marked gui: add "
            "@pytest.mark.gui (or pytestmark = pytest.mark.gui for the module)",
            pytrace=False,
        )
