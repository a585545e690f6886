"""The conversation history: stored as it happens, searchable, exportable. No Qt here.

Modules: ``interface`` (what the window sees), ``store`` (the SQLite store and
:func:`open_history`), ``null_store`` (history off), ``schema`` (the versioned schema and its
migrations, the search index), ``search`` (query and snippet rules), ``records`` (the model as
JSON-able records, shared by the store and the JSON export), ``data_uri`` (image bytes in and out
of ``data:`` URIs), ``export`` (Markdown, JSON, curl), ``errors`` (the :class:`HistoryError`
hierarchy, a sentence each).
"""

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
    curl_command,
    from_json,
    request_for,
    to_json,
    to_markdown,
    usage_line,
)
from qwenvl_desktop.core.history.interface import ConversationSummary, History, SearchHit
from qwenvl_desktop.core.history.null_store import NullHistoryStore
from qwenvl_desktop.core.history.schema import CURRENT_VERSION
from qwenvl_desktop.core.history.store import (
    HISTORY_FILENAME,
    HistoryStore,
    default_path,
    open_history,
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
    "curl_command",
    "default_path",
    "from_json",
    "open_history",
    "request_for",
    "to_json",
    "to_markdown",
    "usage_line",
]
