"""The conversation history: stored as it happens, searchable, exportable. No Qt here.

Modules: ``interface`` (what the window sees), ``database`` (where the file lives, opening it,
setting a damaged one aside), ``store`` (reads and writes: :class:`HistoryStore`, and
:func:`start_history`, the one way the app opens its history), ``null_store`` (history off),
``schema`` (the versioned schema and its migrations, the search index), ``search`` (the search
query, its terms and snippets), ``records`` (the model as JSON-able records, shared by the store
and the JSON export), ``export`` (Markdown, JSON), ``errors`` (the :class:`HistoryError`
hierarchy, a sentence each). Image bytes in and out of ``data:`` URIs are
:mod:`qwenvl_desktop.core.images.data_uri`; Copy as curl is
:mod:`qwenvl_desktop.core.protocol.curl`.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: SQLite and the store load when the history is opened, after the first frame.
if TYPE_CHECKING:
    from qwenvl_desktop.core.history.errors import (
        ConversationNotFoundError,
        DiskFullError,
        HistoryError,
        HistoryReadError,
        HistoryUnavailableError,
        HistoryWriteError,
    )
    from qwenvl_desktop.core.history.export import (
        ExportFormatError,
        from_json,
        to_json,
        to_markdown,
    )
    from qwenvl_desktop.core.history.interface import ConversationSummary, History, SearchHit
    from qwenvl_desktop.core.history.null_store import NullHistoryStore
    from qwenvl_desktop.core.history.schema import CURRENT_VERSION
    from qwenvl_desktop.core.history.store import (
        HISTORY_FILENAME,
        HistoryStore,
        StartedHistory,
        default_path,
        open_history,
        start_history,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ConversationNotFoundError": "errors",
        "DiskFullError": "errors",
        "HistoryError": "errors",
        "HistoryReadError": "errors",
        "HistoryUnavailableError": "errors",
        "HistoryWriteError": "errors",
        "ExportFormatError": "export",
        "from_json": "export",
        "to_json": "export",
        "to_markdown": "export",
        "ConversationSummary": "interface",
        "History": "interface",
        "SearchHit": "interface",
        "NullHistoryStore": "null_store",
        "CURRENT_VERSION": "schema",
        "HISTORY_FILENAME": "store",
        "HistoryStore": "store",
        "StartedHistory": "store",
        "default_path": "store",
        "open_history": "store",
        "start_history": "store",
    },
)

__all__ = [
    "CURRENT_VERSION",
    "HISTORY_FILENAME",
    "ConversationNotFoundError",
    "ConversationSummary",
    "DiskFullError",
    "ExportFormatError",
    "History",
    "HistoryError",
    "HistoryReadError",
    "HistoryStore",
    "HistoryUnavailableError",
    "HistoryWriteError",
    "NullHistoryStore",
    "SearchHit",
    "StartedHistory",
    "default_path",
    "from_json",
    "open_history",
    "start_history",
    "to_json",
    "to_markdown",
]
