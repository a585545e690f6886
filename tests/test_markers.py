"""The ``gui`` marker is kept truthful: a test that asks for a QApplication without it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("pytester",)

CONFTEST = Path(__file__).with_name("conftest.py")


@pytest.mark.gui  # the inner run starts a QApplication
def test_a_qt_test_without_the_gui_mark_fails_at_setup(pytester: pytest.Pytester) -> None:
    # GIVEN the suite's conftest and a slip: one test asks for qtbot through a fixture, unmarked
    pytester.makeconftest(CONFTEST.read_text())
    pytester.makepyfile(
        test_slip="""
        import pytest

        @pytest.fixture
        def widget_maker(qtbot):
            return qtbot

        def test_slipped(widget_maker):
            pass

        @pytest.mark.gui
        def test_marked(qtbot):
            pass

        def test_qt_free():
            pass
        """
    )
    # WHEN the tests run
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    # THEN only the slip fails, saying which mark is missing
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*test_slipped uses qapp, qtbot but is not marked gui*"])
