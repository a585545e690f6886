"""The words the app says about one exchange: its state, its error, the tokens it used.

The transcript (the note and the usage line under a reply), the status bar (the state once a
reply ends) and the Markdown export all take their words from here, so a state or a figure is
named the same way everywhere and changed in one place. Qt-free: plain strings.

Why there are two usage lines: the transcript puts a short one under every reply, in the
space of a line (``Tokens: prompt 1,300 · completion 40 · …``); an export is read later, away
from the app, and spells the figures out (``Usage: 1,300 prompt tokens (1,250 for images) · …``).
Both are built here from the same :class:`~qwenvl_desktop.core.protocol.events.Usage`.

Languages: what the window and the command line show (the status words, the transcript's notes,
its usage line, the retry sentence) follows the interface language (``core.i18n``, context
"ConversationWords"); the export's words (:func:`export_state_note`, :func:`usage_line`) stay
English — an exported file reads the same whoever wrote it, and tools may parse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qwenvl_desktop.core.i18n import translatable, translate

if TYPE_CHECKING:  # the window's first frame shows words (labels) before any exchange exists
    from collections.abc import Callable

    from qwenvl_desktop.core.conversation.model import ErrorInfo, Exchange, ExchangeState
    from qwenvl_desktop.core.protocol.events import Retrying

__all__ = [
    "StateWords",
    "error_details",
    "error_reference",
    "error_sentence",
    "export_state_note",
    "grouped_number",
    "retry_sentence",
    "state_words",
    "status_line",
    "still_streaming",
    "streaming_label",
    "transcript_state_note",
    "usage_line",
    "usage_summary",
    "waiting_label",
]


@dataclass(frozen=True, slots=True)
class StateWords:
    """How one :data:`~qwenvl_desktop.core.conversation.model.ExchangeState` is said."""

    #: in the status bar once the reply ended ("Done", "Stopped"…); English, marked
    #: :func:`translatable` (context "ConversationWords"): :func:`status_line` translates it
    label: str
    #: the note under the reply in the transcript (English, like ``label``); None: no note
    in_transcript: str | None
    #: the note under the reply in a Markdown export; None: no note
    in_export: str | None


_STATES: dict[ExchangeState, StateWords] = {
    "pending": StateWords(translatable("ConversationWords", "pending"), None, "Not sent."),
    "streaming": StateWords(
        translatable("ConversationWords", "streaming"), None, "Still arriving when exported."
    ),
    "done": StateWords(translatable("ConversationWords", "Done"), None, None),
    "stopped": StateWords(
        translatable("ConversationWords", "Stopped"),
        translatable("ConversationWords", "■ Stopped — the answer above is incomplete."),
        "Stopped before the end.",
    ),
    # A failed reply is described by its error sentence (:func:`error_sentence`), not a note.
    "failed": StateWords(translatable("ConversationWords", "Failed"), None, None),
    # The app ended (closed, crashed, killed) while the reply streamed.
    "incomplete": StateWords(
        translatable("ConversationWords", "incomplete"),
        translatable(
            "ConversationWords", "⚠ Incomplete — the app closed while this answer was arriving."
        ),
        "Incomplete: the app closed while this reply was arriving.",
    ),
}

_WAITING_LABEL = translatable("ConversationWords", "Waiting for the answer…")
_STILL_STREAMING = translatable(
    "ConversationWords", "An answer is still streaming: press Esc to stop it first."
)


def waiting_label() -> str:
    """The status bar while the question is out and nothing has arrived yet."""
    return translate("ConversationWords", _WAITING_LABEL)


def still_streaming() -> str:
    """The status bar when a question is sent, or another conversation opened, while a reply
    streams."""
    return translate("ConversationWords", _STILL_STREAMING)


#: what is waited for, by error kind, in :func:`retry_sentence`
_RETRY_REASONS = {
    "rate-limit": translatable("ConversationWords", "Rate limited"),
    "quota": translatable("ConversationWords", "Token quota used up for this minute"),
    "server": translatable("ConversationWords", "The service had a problem"),
    "timeout": translatable("ConversationWords", "No answer in time"),
}


def retry_sentence(retry: Retrying) -> str:
    """``Rate limited — retrying in 3 s (attempt 2 of 4)``: while a request waits to be resent.

    A network failure says which host could not be reached (its sentence names it).
    """
    error = retry.error
    reason_source = _RETRY_REASONS.get(error.kind)
    if reason_source is not None:
        reason = translate("ConversationWords", reason_source)
    else:
        reason = error.user_message.split(". ")[0].rstrip(".")
    if retry.delay >= 0.95:
        sentence = translate("ConversationWords", "%1 — retrying in %2 s (attempt %3 of %4)")
        sentence = sentence.replace("%2", str(round(retry.delay)))
    else:
        sentence = translate("ConversationWords", "%1 — retrying now (attempt %3 of %4)")
    sentence = sentence.replace("%3", str(retry.attempt)).replace("%4", str(retry.attempts))
    return sentence.replace("%1", reason)  # last: the service's words may hold "%2"


def state_words(state: ExchangeState) -> StateWords:
    return _STATES[state]


def transcript_state_note(exchange: Exchange) -> str | None:
    note = _STATES[exchange.state].in_transcript
    return translate("ConversationWords", note) if note is not None else None


def export_state_note(exchange: Exchange) -> str | None:
    return _STATES[exchange.state].in_export


def streaming_label(reasoning: str, answer: str) -> str:
    """The status bar while text arrives: the model is still thinking, or answering."""
    if reasoning and not answer:
        return translate("ConversationWords", "Thinking…")
    return translate("ConversationWords", "Streaming…")


def status_line(exchange: Exchange) -> str:
    """The status bar once a reply ended: ``Done · first token 0.82 s``."""
    text = translate("ConversationWords", _STATES[exchange.state].label)
    if exchange.first_token_seconds is not None:
        sentence = translate("ConversationWords", "%1 · first token %2 s")
        seconds = f"{exchange.first_token_seconds:.2f}"
        text = sentence.replace("%2", seconds).replace("%1", text)
    return text


# -- errors ------------------------------------------------------------------------------------


def error_sentence(error: ErrorInfo) -> str:
    """The line a failed reply shows first (the details stay behind a disclosure)."""
    return f"⚠ {error.sentence}"


def error_details(error: ErrorInfo) -> list[str]:
    """``name: value`` lines of what the service said, for the details view (never the key)."""
    details = [
        (translate("ConversationWords", "kind"), error.kind),
        (
            translate("ConversationWords", "HTTP status"),
            str(error.status) if error.status else None,
        ),
        (translate("ConversationWords", "code"), error.code),
        (translate("ConversationWords", "request id"), error.request_id),
        (translate("ConversationWords", "service message"), error.message),
    ]
    return [f"{name}: {value}" for name, value in details if value]


def error_reference(error: ErrorInfo) -> str:
    """What support needs to find the failure: ``429, Throttling.RateQuota, req-9`` (or "")."""
    return ", ".join(str(x) for x in (error.status, error.code, error.request_id) if x is not None)


# -- tokens ------------------------------------------------------------------------------------


def grouped_number(value: int) -> str:
    """``1,300``: the core's (and the command line's) way to write a count."""
    return f"{value:,}"


def usage_summary(exchange: Exchange, number: Callable[[int], str] = grouped_number) -> str:
    """The transcript's line under a reply: ``Tokens: prompt 1,300 · completion 40 · …``.

    Without reported usage, the images' estimate (if any) or "not reported". ``number`` writes
    the counts: the window passes one following its locale (``1.300`` in German).
    """

    def count(value: int | None) -> str:
        return number(value) if value is not None else "–"

    def part(source: str, value: str) -> str:
        return translate("ConversationWords", source).replace("%1", value)

    parts: list[str] = []
    usage = exchange.usage
    if usage is not None:
        parts.append(
            part(translatable("ConversationWords", "prompt %1"), count(usage.prompt_tokens))
        )
        parts.append(
            part(translatable("ConversationWords", "completion %1"), count(usage.completion_tokens))
        )
        if usage.reasoning_tokens:  # a model that did not think reports none or 0: no noise
            parts.append(
                part(
                    translatable("ConversationWords", "reasoning %1"), count(usage.reasoning_tokens)
                )
            )
        if usage.image_tokens is not None:
            parts.append(
                part(translatable("ConversationWords", "image %1"), count(usage.image_tokens))
            )
    elif exchange.attachments:
        parts.append(
            part(
                translatable("ConversationWords", "images ≈%1 (estimate)"),
                number(exchange.image_tokens_estimate),
            )
        )
    if parts:
        text = part(translatable("ConversationWords", "Tokens: %1"), " · ".join(parts))
    else:
        text = translate("ConversationWords", "Tokens: not reported")
    if exchange.first_token_seconds is not None:
        sentence = translate("ConversationWords", "%1  ·  first token %2 s")
        seconds = f"{exchange.first_token_seconds:.2f}"
        text = sentence.replace("%2", seconds).replace("%1", text)
    return text


def usage_line(exchange: Exchange) -> str | None:
    """An export's line: ``Usage: 1,300 prompt tokens (1,250 for images) · 40 completion …``.

    None when nothing was reported and no time was measured.
    """
    usage = exchange.usage
    parts: list[str] = []
    if usage is not None:
        if usage.prompt_tokens is not None:
            extra = f" ({usage.image_tokens:,} for images)" if usage.image_tokens else ""
            parts.append(f"{usage.prompt_tokens:,} prompt tokens{extra}")
        if usage.completion_tokens is not None:
            extra = f" ({usage.reasoning_tokens:,} reasoning)" if usage.reasoning_tokens else ""
            parts.append(f"{usage.completion_tokens:,} completion tokens{extra}")
        if usage.total_tokens is not None:
            parts.append(f"{usage.total_tokens:,} total")
    if exchange.first_token_seconds is not None:
        parts.append(f"first token after {exchange.first_token_seconds:.1f} s")
    return "Usage: " + " · ".join(parts) if parts else None
