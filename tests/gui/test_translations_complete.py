"""No English escapes the catalogs: with Japanese or Chinese active, every text the window and its
dialogs show — labels, buttons, menus and their actions, tooltips, placeholders, tab titles, list
items — is in that language, apart from what stays as it is everywhere (model names, URLs, keys
masked, shortcuts, file paths, units, product and format names).

GIVEN the real window built with ``QWENVL_DESKTOP_LANGUAGE`` set WHEN every widget, action and
menu of it, of Preferences, the key dialog, About and Keyboard shortcuts is walked — and of the
other windows a person meets: the batch dialog, the quick prompts editor, the crash dialog, an
image and a video card with their menus and the preview, the image and frame viewers, the region
capture overlay's hint, the tray menu, the history sidebar with a conversation and its menu —
THEN no text holds an English word. The failure lists each escaped text with where it was
found, so a missing ``translate`` is found at once.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.settings.schema import SPECS
from qwenvl_desktop.gui.i18n import install_language
from qwenvl_desktop.gui.main_window import MainWindow
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

#: Setting names as the settings file spells them (shown beside their translated labels).
_SETTING_NAMES = "|".join(sorted(SPECS, key=len, reverse=True))
#: Texts that stay as they are in every language, removed before looking for English words.
_KEPT = [
    r"<[^>]+>",  # rich-text markup
    rf"\b(?:{_SETTING_NAMES})\b",
    r"\bQwen-VL Desktop\b|\bQwen\d(?:\.\d)?-VL\b|\bqwenvl (?:markdown|html)\b|\bQwenVL HTML\b",
    r"\bAPI Key\b|\bToken\b",  # how Alibaba's Chinese pages write them
    r"\(?[\w.]*\s?\w*Keyring\)?",  # a keyring backend's name
    r"\b(?:linux|win32|darwin|Apache-2\.0|LGPLv3|certifi)\b|\bsystem(?=[、,，])",
    r"https?://\S+",  # endpoints, project page
    r"(?:[~.]?/|[A-Za-z]:\\)[^\s,;)]*",  # paths
    r"\b[\w.-]+\.(?:png|jpe?g|webp|gif|mp4|mov|webm|mkv|avi|toml|db|json|md|csv|html|tex)\b",
    r"\bsk-\S*",  # a key, masked
    r"\b(?:Ctrl|Shift|Alt|Meta|Esc|Enter|Return|Tab|Del|Delete|Backspace|Home|End|Space|F\d+|"
    r"PgUp|PgDown|Up|Down|Left|Right)\b(?:\+\S+)?",  # shortcuts (not "Del" of "Delete")
    r"\b(?:qwen|qvq|gui-plus)[\w.-]*",  # model names
    r"\b[A-Z][A-Z0-9_]{2,}\b",  # environment variables, acronyms (API, JSON, HTML, CSV, OCR…)
    r"\b(?:Qwen(?:-VL| Desktop)?|DashScope|Model Studio|Alibaba(?: Cloud)?|PySide6|Qt|Python|"
    r"Pygments|PyAV|FFmpeg|tomlkit|orjson|Markdown|LaTeX|WebP|PNG|JPEG|GIF|HEIC|curl|Linux|"
    r"Windows|macOS|GNOME|KDE|KWallet|Secret Service|Xvfb|Wayland|X11|Fusion|"
    r"English|Deutsch|Français|Español|Português|Italiano|Русский|한국어|Tiếng Việt|Bahasa \w+|"
    r"qwenvl markdown|qwenvl html|QwenVL HTML|top_p|fps|px|KiB|MiB|GiB|ms|tok/s)\b",
    r"\b(?:intl|us|cn|hk|custom)\b",  # region codes
    r"\b\d[\d,.:×x]*\s*[a-z]?\b",  # figures
]
_KEPT_RE = re.compile("|".join(f"(?:{k})" for k in _KEPT))
#: An English word: three letters or more (shorter ones are units and codes).
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def escaped_english(text: str) -> str:
    """What is left of ``text`` that reads as English once the kept texts are taken out."""
    plain = text.replace("&", "")
    rest = _KEPT_RE.sub(" ", plain)
    return " ".join(_ENGLISH_WORD.findall(rest))


def test_the_check_itself_tells_english_from_what_stays() -> None:
    assert escaped_english("Add images…") == "Add images"
    assert escaped_english("画像を追加(&A)…") == ""
    assert escaped_english("qwen3-vl-plus · 思考できる") == ""
    assert escaped_english("https://dashscope-intl.aliyuncs.com/compatible-mode/v1") == ""
    assert escaped_english("送信 (Ctrl+Enter)") == ""
    assert escaped_english("キー sk-…cdef (環境変数 DASHSCOPE_API_KEY)") == ""
    assert escaped_english("Keep the conversations") == "Keep the conversations"


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything ``widget`` shows a person."""
    name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
    if widget.isWindow() and widget.windowTitle():
        yield f"{name} title", widget.windowTitle()
    if widget.toolTip():
        yield f"{name} tooltip", widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name} placeholder", widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{name} tab {index}", widget.tabText(index)
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{name} item {index}", widget.itemText(index)
    elif isinstance(widget, QMenu):
        yield f"{name} menu", widget.title()


def actions_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    for action in widget.findChildren(QAction):
        if action.isSeparator():
            continue
        where = f"action {action.objectName() or action.text()!r}"
        yield where, action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield f"{where} tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield f"{where} menu", menu.title()


def escapes(widgets: Iterable[QWidget]) -> list[str]:
    found = []
    for top in widgets:
        for widget in [top, *top.findChildren(QWidget)]:
            for where, text in texts_of(widget):
                english = escaped_english(text)
                if english:
                    found.append(f"{where}: {text!r} → {english!r}")
        for where, text in actions_of(top):
            english = escaped_english(text)
            if english:
                found.append(f"{where}: {text!r} → {english!r}")
    return sorted(set(found))


def open_dialogs(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """Preferences, the key dialog, About and Keyboard shortcuts, open."""
    before = set(QApplication.topLevelWidgets())
    preferences = window.findChild(QAction, "actionPreferences")
    assert isinstance(preferences, QAction)
    preferences.trigger()
    window.ask_for_key()
    window.show_about()
    window.show_shortcuts()
    qtbot.wait(100)
    opened = [
        widget
        for widget in set(QApplication.topLevelWidgets()) - before
        if isinstance(widget, QDialog) and widget.isVisible()
    ]
    dialogs = window.findChildren(QDialog)
    return [*{*opened, *(d for d in dialogs if d.isVisible())}]


@pytest.mark.parametrize("language", ["ja", "zh_CN"])
def test_no_english_is_left_in_the_window_and_its_dialogs(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    locale = QLocale()
    monkeypatch.setenv("QWENVL_DESKTOP_LANGUAGE", language)
    try:
        window = make_window()
        qtbot.wait(200)  # the services' first states (key, history) shown
        dialogs = open_dialogs(qtbot, window)
        assert len(dialogs) >= 3, dialogs
        left = escapes([window, *dialogs])
        for dialog in dialogs:
            dialog.close()
    finally:
        install_language("en")
        QLocale.setDefault(locale)
    assert not left, f"{len(left)} texts not translated into {language}:\n" + "\n".join(left)


# -- the other windows a person sees -------------------------------------------------------------

LANGUAGES = ["ja", "zh_CN"]


@pytest.fixture
def language_active(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The parametrized language, set for the window built next and put back to English after."""
    language = str(request.param)
    locale = QLocale()
    monkeypatch.setenv("QWENVL_DESKTOP_LANGUAGE", language)
    try:
        yield language
    finally:
        install_language("en")
        QLocale.setDefault(locale)


def assert_none_left(language: str, left: list[str]) -> None:
    assert not left, f"{len(left)} texts not translated into {language}:\n" + "\n".join(left)


def menu_escapes(where: str, menu: QMenu) -> list[str]:
    """A menu built on demand (context menus): its title and every action's text and tooltip."""
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        tips = {action.toolTip(), action.statusTip()} - {action.text().replace("&", "")}
        for text in (action.text(), *sorted(tips)):
            english = escaped_english(text)
            if english:
                found.append(f"{where} action {action.text()!r}: {text!r} → {english!r}")
    return found


def view_escapes(top: QWidget) -> list[str]:
    """The column titles of the tables and the rows of the lists in ``top`` (not walked by
    :func:`escapes`: their words are often the person's own, here they are the app's)."""
    texts = []
    for table in top.findChildren(QTableView):
        header = table.horizontalHeader()
        model = table.model()
        texts += [
            (f"table column {section}", model.headerData(section, Qt.Orientation.Horizontal))
            for section in range(header.count())
        ]
    for listed in top.findChildren(QListWidget):
        texts += [(f"list row {row}", listed.item(row).text()) for row in range(listed.count())]
    found = []
    for where, text in texts:
        english = escaped_english(str(text or ""))
        if english:
            found.append(f"{where}: {text!r} → {english!r}")
    return found


@pytest.mark.parametrize("language_active", LANGUAGES, indirect=True)
def test_no_english_in_the_batch_dialog_the_prompts_editor_and_the_crash_dialog(
    make_window: WindowFactory, qtbot: QtBot, language_active: str
) -> None:
    from qwenvl_desktop.gui.crash_dialog import CrashReporter
    from qwenvl_desktop.gui.quick_prompts_bar import QuickPromptsEditor

    window = make_window()
    qtbot.wait(200)
    batch = window.findChild(QAction, "actionBatch")
    assert isinstance(batch, QAction)
    batch.trigger()
    window.capture_tools.quick_prompts.open_editor()
    reporter = CrashReporter(window)
    try:
        raise ValueError("42")
    except ValueError as error:
        reporter.report(type(error), error, error.__traceback__)
    qtbot.wait(100)
    batch_dialog = window.batch_tool.dialog
    editors = window.findChildren(QuickPromptsEditor)
    crash = reporter.dialog
    assert batch_dialog is not None and editors and crash is not None
    # the exception's name and message are the program's own words, shown as they are
    left = [
        line
        for line in escapes([batch_dialog, *editors, crash])
        if not line.endswith("→ 'ValueError'")
    ]
    left += view_escapes(batch_dialog) + [line for e in editors for line in view_escapes(e)]
    for editor in editors:  # a new prompt starts from words of the app's
        editor.add_button.click()
        for text in (editor.label_edit.text(), editor.text_edit.toPlainText()):
            if escaped_english(text):
                left.append(f"new quick prompt: {text!r}")
        left += view_escapes(editor)
    for dialog in (batch_dialog, *editors, crash):
        dialog.close()
    assert_none_left(language_active, left)


@pytest.mark.parametrize("language_active", LANGUAGES, indirect=True)
def test_no_english_on_the_image_and_video_cards_and_their_menus(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path, language_active: str
) -> None:
    from qwenvl_desktop.gui.image_pane import _ThumbnailCard
    from tests.support.video_clips import make_clip

    from .conftest import make_image

    window = make_window()
    photo = make_image(tmp_path / "photo.png")
    clip = make_clip(tmp_path / "clip.mp4", seconds=2, fps=10)
    window.draft.add_sources([str(photo), str(clip)])
    qtbot.waitUntil(
        lambda: (
            len(window.draft.attachments()) == 1
            and len(window.draft.videos()) == 1
            and window.draft.pending_count() == 0
            and window.draft.videos()[0].prepared is not None
        ),
        timeout=20000,
    )
    pane = window.image_pane
    left = escapes([pane])
    (card,) = pane.findChildren(_ThumbnailCard, "thumbnailCard")
    detail = card.findChild(QToolButton, "imageDetailButton")
    assert detail is not None and detail.menu() is not None
    left += menu_escapes("detail menu", detail.menu())
    (image,) = window.draft.items()
    left += menu_escapes("image menu", pane.task_menu(image.id, card))
    pane.set_model_support("qwen-plus", False, "qwen3-vl-plus")  # a model without eyes chosen
    left += escapes([pane])
    preview = pane.open_preview(image.id)  # a click on the thumbnail
    assert preview is not None
    left += escapes([preview])
    preview.close()
    assert_none_left(language_active, sorted(set(left)))


@pytest.mark.parametrize("language_active", LANGUAGES, indirect=True)
def test_no_english_in_the_viewers_the_capture_overlay_and_the_tray_menu(
    make_window: WindowFactory, qtbot: QtBot, language_active: str
) -> None:
    from PIL import Image
    from PySide6.QtCore import QCoreApplication, QRect
    from PySide6.QtGui import QImage

    from qwenvl_desktop.core.images.data_uri import build_data_uri
    from qwenvl_desktop.gui import region_overlay
    from qwenvl_desktop.gui.annotations.viewer import ImageViewerDialog, ViewerImage
    from qwenvl_desktop.gui.frame_viewer import FrameViewer, ViewerFrame
    from qwenvl_desktop.gui.tray import TrayIcon
    from qwenvl_desktop.platform.screenshot.models import ScreenGrab

    window = make_window()
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(0x3366AA)
    viewer = ImageViewerDialog(window)
    viewer.show_turn("x1", [ViewerImage("photo.png", picture, (64, 48))], None, 0)
    viewer.show()
    png = io.BytesIO()
    Image.new("RGB", (64, 48), "steelblue").save(png, "PNG")
    uri = build_data_uri("image/png", png.getvalue())
    frames = FrameViewer(window)
    frames.show_frames("clip.mp4", [ViewerFrame(0.0, uri), ViewerFrame(0.5, uri)], 0, 0.4)
    frames.show()
    grab = ScreenGrab(picture, QRect(0, 0, 64, 48), 1.0, "stub")
    overlay = region_overlay.RegionOverlay(grab, region_overlay.RegionSelector([grab]))
    tray = TrayIcon(parent=window)
    qtbot.wait(100)
    left = escapes([viewer, frames, overlay])
    # the hint is painted over the frozen screen, not held by a widget
    hint = QCoreApplication.translate("RegionOverlay", region_overlay._HINT)
    if escaped_english(hint):
        left.append(f"region hint: {hint!r}")
    left += menu_escapes("tray menu", tray.menu())
    if escaped_english(tray.toolTip()):
        left.append(f"tray tooltip: {tray.toolTip()!r}")
    for widget in (viewer, frames, overlay):
        widget.close()
    tray.deleteLater()
    assert_none_left(language_active, left)


@pytest.mark.parametrize("language_active", LANGUAGES, indirect=True)
def test_no_english_in_the_history_sidebar_and_its_menu(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, language_active: str
) -> None:
    from .test_window import ask, wait_idle

    window = make_window("--base-url", server.base_url("seed"))
    ask(qtbot, window, "What is in the picture?")
    wait_idle(qtbot, window)
    sidebar = window.history_sidebar
    qtbot.waitUntil(lambda: bool(sidebar.rows()), timeout=5000)
    left = escapes([sidebar])
    left += [f"date header: {title!r}" for title, _ in sidebar.headers() if escaped_english(title)]
    conversation_id = sidebar.rows()[0][0]
    left += menu_escapes("history menu", sidebar.context_menu(conversation_id))
    sidebar.set_hits([])  # a search that finds nothing
    left += escapes([sidebar])
    sidebar.set_loading()
    left += escapes([sidebar])
    assert_none_left(language_active, sorted(set(left)))
