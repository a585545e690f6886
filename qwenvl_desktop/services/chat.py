"""The conversation service: send, stream, stop, retry, regenerate, continue, edit; Qt signals out.

:class:`ChatController` owns the one long-lived :class:`~qwenvl_desktop.core.protocol.ChatClient`,
the :class:`~qwenvl_desktop.core.conversation.model.Conversation`, and the region and model in
use. It runs each reply as an asyncio task it keeps (so Stop can cancel it), turns the stream's
events into signals, and maps every failure to an error the transcript can show. Its helpers:

- :class:`~.keys.KeyService` (:attr:`ChatController.keys`): the key of each region or endpoint;
- :class:`~.text_batching.TextBatcher`: streamed text leaves in batches on a ~30 ms timer, never
  per token (a widget update per token costs more than the whole network path);
- :class:`~.history.HistorySync` (:attr:`ChatController.history`): questions and replies are
  saved as they happen.

The per-turn actions are decided here, the window only asks: Regenerate keeps the earlier
replies as versions (:meth:`ChatController.select_version` shows another); Continue asks for the
rest of a stopped answer (DashScope's prefix continuation, "partial mode", where the model takes
it, else the answer and a request to continue — see :func:`takes_partial_mode`); an edited
question (``send(..., replacing=…)``) drops its turn and the later ones, which
:meth:`ChatController.undo_edit` puts back until the next question is sent.

Which models a region offers and which read images is the catalog's policy
(:mod:`qwenvl_desktop.core.protocol.catalog`); the request is built by
:func:`~qwenvl_desktop.core.protocol.chat_request`, as ``ask`` builds it. No widgets here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.conversation.model import Conversation, DroppedTurns, Exchange
from qwenvl_desktop.core.conversation.words import retry_sentence
from qwenvl_desktop.core.history import NullHistoryStore
from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.keys import lookup_key
from qwenvl_desktop.core.protocol import (
    CUSTOM_REGION,
    ChatClient,
    ChatRequest,
    ContentDelta,
    Endpoint,
    MissingKeyError,
    ModelInfo,
    QwenVLError,
    ReasoningDelta,
    RequestError,
    Retrying,
    chat_request,
)
from qwenvl_desktop.core.protocol.catalog import image_capable_alternative
from qwenvl_desktop.core.protocol.curl import curl_command
from qwenvl_desktop.core.protocol.errors import BadRequestError
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.history import HistorySync
from qwenvl_desktop.services.keys import KeyLookupFn, KeyService, KeyState
from qwenvl_desktop.services.text_batching import TextBatcher

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.video import VideoAttachment

__all__ = ["OCR_QUESTION", "ChatController", "takes_partial_mode"]

log = logging.getLogger(__name__)

#: The question an OCR model is asked when the person sends its images without one.
OCR_QUESTION = (
    "Please output only the text content from the image without any additional descriptions or "
    "formatting."
)


#: The models Alibaba's "Partial mode" page lists among the vision models (non-thinking mode):
#: qwen3-vl-plus/-flash and their snapshots, the Qwen3-VL open-source instruct models,
#: qwen-vl-max and qwen-vl-plus. Not QVQ, the thinking models, OCR or Qwen2.5-VL.
_PARTIAL_MODE_PREFIXES = ("qwen3-vl-", "qwen-vl-max", "qwen-vl-plus")


def takes_partial_mode(info: ModelInfo, *, thinking: bool | None, custom_endpoint: bool) -> bool:
    """Whether Continue can send the cut-off answer as a ``partial`` assistant turn.

    Partial mode makes the model write on from the answer's last character, so the two pieces
    join without a seam; the fallback (the answer, then a user turn asking to continue) works
    with any model but may repeat a little. Only documented models in non-thinking mode get it,
    and never on a custom endpoint: an OpenAI-style server may reject the unknown field.
    """
    name = info.like or info.name
    if custom_endpoint or not info.known or info.ocr or info.thinking == "always" or thinking:
        return False
    return name.startswith(_PARTIAL_MODE_PREFIXES) and not name.endswith("-thinking")


class ChatController(QObject):
    """The conversation service: send, stop, retry, regenerate, continue, edit; the region and
    model in use."""

    #: a reply began streaming (a new exchange, or an old one being retried/regenerated)
    exchangeStarted = Signal(str)
    #: exchange id, reasoning text, answer text — everything that arrived since the last batch
    textBatch = Signal(str, str, str)
    #: the reply ended normally or was stopped (``exchange.state`` says which)
    exchangeFinished = Signal(str)
    #: the reply ended in an error (``exchange.error`` has the sentence and details)
    exchangeFailed = Signal(str)
    #: the conversation was replaced by an empty one
    conversationReset = Signal()
    #: the region (or custom endpoint) in use has no key: the window asks for one
    keyMissing = Signal(str)
    busyChanged = Signal(bool)
    #: region, endpoint or model changed
    endpointChanged = Signal()
    #: exchange id, tokens per second (live estimate while streaming, final when done)
    throughputChanged = Signal(str, float)
    #: exchange id, a sentence (``Rate limited — retrying in 3 s (attempt 2 of 4)``)
    retrying = Signal(str, str)
    #: a one-line notice for the status bar
    notice = Signal(str)
    #: another of an exchange's replies is shown (‹ ›): the transcript shows it (exchange id)
    versionChanged = Signal(str)
    #: an edited question dropped this exchange and every later one (exchange id of the first)
    turnsDropped = Signal(str)
    #: Undo put the dropped turns back: the transcript shows the conversation again
    conversationRestored = Signal()
    #: whether :meth:`ChatController.undo_edit` can put dropped turns back, and a sentence
    undoChanged = Signal(bool, str)
    #: the question being edited (its exchange id; "" when none): the next send replaces it
    editingChanged = Signal(str)

    def __init__(
        self,
        settings: Settings,
        *,
        client: ChatClient | None = None,
        key_lookup: KeyLookupFn = lookup_key,
        history: HistorySync | None = None,
        model_from_command_line: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        #: why the model stays whatever the region (``--model``, a lock), or None
        self._model_pinned_by: str | None = (
            translatable("ChatController", "locked by the system-wide configuration")
            if settings.is_locked("model")
            else translatable("ChatController", "named on the command line")
            if model_from_command_line
            else None
        )
        self._catalog = settings.catalog()  # with the configuration's model names
        self._client = client or ChatClient(settings.client_settings())
        #: the key of each region and endpoint (lookups run off the GUI thread)
        self.keys = KeyService(key_lookup, parent=self)
        #: the conversation history (a null one when off): questions and replies are saved
        #: as they happen, through it
        self.history = history or HistorySync(NullHistoryStore())
        self.history.setParent(self)
        #: the options and endpoint each exchange was last sent with (for "Copy as curl")
        self._sent: dict[str, tuple[ChatRequest, str]] = {}
        #: exchanges asked of a model other than the one in use (send's ``model``)
        self._one_off_models: dict[str, str] = {}
        #: turns an edited question dropped, until Undo or the next question
        self._dropped: DroppedTurns | None = None
        #: the exchange whose question is being edited in the prompt (the next send replaces it)
        self._editing: str | None = None
        #: exchanges being continued, and whether in partial mode
        self._continuing: dict[str, bool] = {}
        self._conversation = Conversation()
        self._region = settings.effective_region
        self._custom_url = settings.custom_url
        self._model = settings.model
        self._thinking: bool | None = settings.thinking
        self._thinking_budget: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._runs: set[asyncio.Task[None]] = set()
        self._streaming: Exchange | None = None
        self._batcher = TextBatcher(self._deliver, self._first_text, parent=self)
        self._closed = False
        self._closing = False
        #: Preferences changed the connection or the history while a reply streamed: applied
        #: when it ends (:meth:`use_settings`), never cutting it
        self._reconnect_pending = False
        self._history_pending: bool | None = None
        #: clients replaced by :meth:`use_settings`, being closed
        self._retired: set[asyncio.Task[None]] = set()
        self.busyChanged.connect(self._apply_pending_settings)
        self.keys.start_lookup(self._region, self._endpoint_url())

    # -- what the window reads ----------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def conversation(self) -> Conversation:
        return self._conversation

    @conversation.setter
    def conversation(self, conversation: Conversation) -> None:
        # Another conversation (new, opened from the history): an edit and its Undo no longer
        # apply.
        self._conversation = conversation
        self._forget_dropped()
        self.cancel_edit()

    @property
    def editing(self) -> str | None:
        """The exchange whose question is being edited (:meth:`begin_edit`), if any."""
        return self._editing

    def begin_edit(self, exchange_id: str) -> Exchange | None:
        """The person edits the question of ``exchange_id``: the next :meth:`send` replaces it
        (and drops the turns after it). The exchange, to put its question and images back in
        the prompt; None when it cannot be edited now (a reply streaming, no such exchange)."""
        exchange = self.exchange(exchange_id)
        if exchange is None or self.busy or self._closed:
            return None
        self._editing = exchange.id
        self.editingChanged.emit(exchange.id)
        return exchange

    def cancel_edit(self) -> None:
        """The next question is a new one again (the turn being edited stays)."""
        if self._editing is not None:
            self._editing = None
            self.editingChanged.emit("")

    @property
    def can_undo_edit(self) -> bool:
        """An edited question dropped turns that :meth:`undo_edit` can still put back."""
        return self._dropped is not None

    @property
    def region(self) -> str:
        return self._region

    @property
    def custom_url(self) -> str | None:
        return self._custom_url

    @property
    def model(self) -> str:
        return self._model

    @property
    def model_info(self) -> ModelInfo:
        return self._catalog.model(self._model)

    @property
    def thinking(self) -> bool | None:
        return self._thinking

    @property
    def thinking_budget(self) -> int | None:
        return self._thinking_budget

    @property
    def base_url(self) -> str:
        """The endpoint requests go to now."""
        if self._region == CUSTOM_REGION:
            return self._custom_url or ""
        return self._settings.region_base_url(self._region)

    @property
    def busy(self) -> bool:
        """A reply is streaming (false again by the time its end signal is emitted)."""
        return self._streaming is not None

    @property
    def key_state(self) -> KeyState:
        return self.keys.state(self._region, self._endpoint_url())

    def available_models(self) -> list[ModelInfo]:
        """The models the picker offers: the region's, as allowed, and always the one in use."""
        return self._catalog.offered_models(
            self._region, self._settings.allowed_models, keep=self.model_info
        )

    def image_capable_alternative(self) -> str | None:
        """When the model cannot read images: one of this region's models that can."""
        return image_capable_alternative(self.model_info, self.available_models())

    def exchange(self, exchange_id: str) -> Exchange | None:
        for exchange in self.conversation.exchanges:
            if exchange.id == exchange_id:
                return exchange
        return None

    def last_exchange(self) -> Exchange | None:
        return self.conversation.exchanges[-1] if self.conversation.exchanges else None

    # -- region, model, thinking, key ---------------------------------------------------------

    def set_region(self, region: str, custom_url: str | None = None) -> None:
        """Switch region (or custom endpoint): the key and endpoint switch with it.

        A model the new region does not offer gives way to the region's equivalent (the
        catalog's :meth:`~.catalog.Catalog.equivalent_model`), said in a notice; a model named
        on the command line or locked stays (decision 0014).
        """
        url = custom_url.strip().rstrip("/") if custom_url else None
        if region == CUSTOM_REGION and not url:
            url = self._custom_url
        if region == self._region and (region != CUSTOM_REGION or url == self._custom_url):
            return
        self._region = region
        if region == CUSTOM_REGION:
            self._custom_url = url
        self.keys.start_lookup(self._region, self._endpoint_url())
        sentence = self._follow_region_with_model()
        self.endpointChanged.emit()
        if sentence:
            self.notice.emit(sentence)

    def _follow_region_with_model(self) -> str | None:
        """Switch to the region's equivalent of a model it does not offer; what to say, if
        anything."""
        allowed = self._settings.allowed_models
        offered = {m.name for m in self._catalog.offered_models(self._region, allowed)}
        if self._model in offered:
            return None
        where = self._region_words()
        if self._model_pinned_by is not None:
            return (
                translate("ChatController", "%1 does not list %2; kept: %3.")
                .replace("%2", self._model)
                .replace("%3", translate("ChatController", self._model_pinned_by))
                .replace("%1", where)
            )
        equivalent = self._catalog.equivalent_model(self._model, self._region, allowed)
        if equivalent is None:
            return None
        previous, self._model = self._model, equivalent
        return (
            translate("ChatController", "%1 does not offer %2: switched to %3.")
            .replace("%2", previous)
            .replace("%3", equivalent)
            .replace("%1", where)
        )

    def _region_words(self) -> str:
        if self._region == CUSTOM_REGION:
            return translate("ChatController", "The custom endpoint")
        return f"{self._catalog.region(self._region).label}"

    def set_model(self, name: str) -> None:
        if name and name != self._model:
            self._model = name
            self.endpointChanged.emit()

    def use_settings(self, settings: Settings) -> None:
        """Settings changed in Preferences: the next request uses their system prompt,
        sampling options and image detail. The region and model switch through
        :meth:`set_region` and :meth:`set_model`; the catalog keeps what the window started
        with.

        A new proxy, CA bundle or timeout makes a new HTTP client, and ``history`` opens or
        closes the history file: at once when no reply is streaming, else when it ends (the
        reply finishes on the connection it started on, and is saved where it began).
        """
        before, self._settings = self._settings, settings
        if settings.client_settings() != before.client_settings():
            self._reconnect_pending = True
        if settings.history != before.history:
            self._history_pending = settings.history
        self._apply_pending_settings()

    @property
    def settings_pending(self) -> bool:
        """Connection or history settings wait for the streaming reply to end."""
        return self._reconnect_pending or self._history_pending is not None

    def _apply_pending_settings(self, *_busy: object) -> None:
        if self.busy or self._closed:
            return
        if self._reconnect_pending:
            self._reconnect_pending = False
            # No request is open on the old client (the reply's stream is closed before its end
            # signal): it is closed in the background; the next request makes the new one.
            old, self._client = self._client, ChatClient(self._settings.client_settings())
            closing = asyncio.get_event_loop().create_task(old.aclose())
            self._retired.add(closing)
            closing.add_done_callback(self._retired.discard)
        if self._history_pending is not None:
            enabled, self._history_pending = self._history_pending, None
            self.history.switch(enabled, self._conversation)

    def set_thinking(self, enabled: bool | None, budget: int | None = None) -> None:
        """For hybrid-thinking models: on/off (None: the model's default) and a token budget."""
        self._thinking = enabled
        self._thinking_budget = budget if budget and budget > 0 else None

    def save_key(self, key: str) -> None:
        """Store a key the user typed for the current region (keyring, else this session)."""
        self.keys.save(self._region, self._endpoint_url(), key)

    def _endpoint_url(self) -> str | None:
        """The custom endpoint's URL when one is in use (keys are kept per endpoint)."""
        return self._custom_url if self._region == CUSTOM_REGION else None

    # -- conversation --------------------------------------------------------------------------

    def send(
        self,
        question: str,
        attachments: Sequence[Attachment | VideoAttachment] = (),
        *,
        model: str | None = None,
        replacing: str | None = None,
    ) -> bool:
        """Ask a question (with images). False when it cannot be sent now; the window keeps it.

        ``model``: ask this one question of another model (Extract text of the region's OCR
        model); the model in use stays, and a Retry of the question uses ``model`` again.
        ``replacing``: the question is an edit of exchange ``replacing`` (by default the one
        :meth:`begin_edit` chose): that turn and every later one are dropped first (in the
        history too); :meth:`undo_edit` puts them back until the next question is sent.
        """
        replacing = replacing or self._editing
        if self._closed or self.busy:
            return False
        if not question.strip() and not attachments:
            return False
        one_off = model if model and model != self._model else None
        info = self._catalog.model(one_off) if one_off else self.model_info
        if attachments and not info.accepts_images:
            other = self.image_capable_alternative()
            if other:
                cannot = translate(
                    "ChatController", "%1 cannot read images. Switch to %2 to ask about them."
                ).replace("%2", other)
            else:
                cannot = translate("ChatController", "%1 cannot read images.")
            self.notice.emit(cannot.replace("%1", info.name))
            return False
        found = self.keys.known(self._region, self._endpoint_url())
        if found is not None and not found.key:
            self.keyMissing.emit(self._region)
            return False
        if not question.strip() and info.ocr:
            question = OCR_QUESTION
        dropped = self._conversation.drop_from(replacing) if replacing else None
        if replacing is not None and dropped is None:
            self.cancel_edit()
            self.notice.emit(
                translate(
                    "ChatController", "The question being edited is no longer in the conversation."
                )
            )
            return False
        self._forget_dropped()  # a new question: an earlier edit can no longer be undone
        exchange = self._conversation.ask(
            question, list(attachments), model=one_off or self._model, region=self._region
        )
        if one_off:
            self._one_off_models[exchange.id] = one_off
        self.cancel_edit()
        if dropped is not None:
            self._dropped = dropped
            self.history.rewrite(self._conversation)  # the dropped turns leave the file too
            self.turnsDropped.emit(dropped.exchanges[0].id)
            count = len(dropped.exchanges)
            if count == 1:
                edited = translate("ChatController", "Question edited: 1 turn dropped.")
            else:
                edited = translate("ChatController", "Question edited: %1 turns dropped.").replace(
                    "%1", str(count)
                )
            self.undoChanged.emit(True, edited)
        self._start(exchange)
        return True

    def undo_edit(self) -> bool:
        """Put back the turns an edited question dropped (and take the edited one out), in the
        history too. Possible until the next question is sent; a reply still streaming for the
        edited question is stopped."""
        dropped = self._dropped
        if dropped is None or self._closed:
            return False
        self.stop()  # the edited question's reply, if it still streams
        self._conversation.restore(dropped)
        self._forget_dropped()
        self.history.rewrite(self._conversation)
        self.conversationRestored.emit()
        self.notice.emit(translate("ChatController", "Edit undone: the earlier turns are back."))
        return True

    def _forget_dropped(self) -> None:
        if self._dropped is not None:
            self._dropped = None
            self.undoChanged.emit(False, "")

    def stop(self) -> None:
        """Cancel the streaming reply; what arrived is kept and marked as stopped."""
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def retry(self, exchange_id: str) -> bool:
        """Resend a failed or stopped exchange: the same text and images, the same history."""
        exchange = self.exchange(exchange_id)
        if exchange is None or self.busy or self._closed or not exchange.is_settled:
            return False
        self._start(exchange)
        return True

    def regenerate(self, exchange_id: str | None = None) -> bool:
        """Ask for a reply again (the last one by default); the reply shown is kept as a
        version, and the new one shown after it (``‹ 2/2 ›``)."""
        exchange = self.exchange(exchange_id) if exchange_id else self.last_exchange()
        if exchange is None or self.busy or self._closed or not exchange.is_settled:
            return False
        exchange.keep_as_version()
        self._start(exchange)
        return True

    def select_version(self, exchange_id: str, index: int) -> bool:
        """Show reply number ``index`` (0-based) of an exchange; it is what later questions
        send as history, and what the history shows when the conversation is opened again."""
        exchange = self.exchange(exchange_id)
        if exchange is None or self._streaming is exchange:
            return False
        if not exchange.select_version(index):
            return False
        self.history.versions(exchange)
        self.versionChanged.emit(exchange.id)
        return True

    def continue_answer(self, exchange_id: str | None = None) -> bool:
        """Ask for the rest of a stopped (or cut off) answer; it is appended to the same reply.

        In partial mode where the model takes it (:func:`takes_partial_mode`), else the answer
        and a request to continue.
        """
        exchange = self.exchange(exchange_id) if exchange_id else self.last_exchange()
        if exchange is None or self.busy or self._closed or not exchange.can_continue:
            return False
        model = self._one_off_models.get(exchange.id, self._model)
        self._continuing[exchange.id] = takes_partial_mode(
            self._catalog.model(model),
            thinking=self._catalog.model(model).thinking_switch(self._thinking),
            custom_endpoint=self._region == CUSTOM_REGION,
        )
        self._start(exchange)
        return True

    def new_conversation(self) -> None:
        self.stop()
        self.conversation = Conversation()
        self._continuing.clear()
        self._one_off_models.clear()
        self.conversationReset.emit()

    def curl_command(self, exchange_id: str) -> str | None:
        """One turn as a runnable ``curl`` command; the key is left as ``$DASHSCOPE_API_KEY``.

        A turn sent in this session uses the options and endpoint it was sent with; a turn
        opened from the history those the app would use now, at its region's endpoint.
        """
        exchange = self.exchange(exchange_id)
        if exchange is None:
            return None
        sent = self._sent.get(exchange_id)
        if sent is not None:
            template, base_url = sent
        else:
            template = self._request_for(exchange, self._catalog.model(exchange.model))
            known = exchange.region and exchange.region != CUSTOM_REGION
            base_url = self._settings.region_base_url(exchange.region) if known else self.base_url
        info = self._catalog.model(exchange.model)
        return curl_command(self.conversation, exchange, base_url, template=template, info=info)

    def _request_for(self, exchange: Exchange, info: ModelInfo) -> ChatRequest:
        partial = self._continuing.get(exchange.id)
        if partial is None:
            turns = self.conversation.turns_for(exchange)
        else:
            turns = self.conversation.continuation_turns(exchange, partial=partial)
        return chat_request(
            exchange.model,
            turns,
            system=self._system_prompt(),
            image_detail=self._settings.image_detail,
            # (partial mode is only chosen when this asks for no thinking: takes_partial_mode)
            thinking=info.thinking_switch(self._thinking),
            thinking_budget=self._thinking_budget,
            temperature=self._settings.temperature,
            top_p=self._settings.top_p,
            max_tokens=self._settings.max_tokens,
        )

    def _system_prompt(self) -> str | None:
        """The conversation's own system prompt (one opened from the history), else the
        settings' default (``system_prompt``)."""
        own = self.conversation.system
        return own if own is not None else self._settings.system_prompt

    # -- one reply -----------------------------------------------------------------------------

    def _start(self, exchange: Exchange) -> None:
        # The request uses the model chosen now (a regenerate with another model is useful),
        # unless the question was asked of a model of its own (send's ``model``).
        exchange.model = self._one_off_models.get(exchange.id, self._model)
        exchange.region = self._region
        if exchange.id in self._continuing:
            exchange.resume()  # what arrives is appended to the answer so far
        else:
            exchange.begin()
        self._streaming = exchange
        self._batcher.start()
        self.history.question(self.conversation, exchange)  # before anything is sent
        self.exchangeStarted.emit(exchange.id)
        self._task = asyncio.get_event_loop().create_task(self._run(exchange))
        # A finished run may still be unwinding when the next starts (Retry from an end signal).
        self._runs.add(self._task)
        self._task.add_done_callback(self._runs.discard)
        self.busyChanged.emit(True)

    async def _run(self, exchange: Exchange) -> None:
        failure: QwenVLError | None = None
        try:
            await self._stream(exchange)
        except asyncio.CancelledError:
            self._batcher.flush()
            if self._closing:
                exchange.state = "incomplete"  # the app ended it, not the user
            else:
                exchange.stop()
            self._end(exchange, failed=False)
            raise
        except QwenVLError as error:
            failure = error
        except RequestError as error:
            failure = BadRequestError(str(error).capitalize() + ".")
        except Exception as error:  # a bug must show in the turn, not kill the stream silently
            log.exception("unexpected failure while streaming")
            failure = QwenVLError(
                translate("ChatController", "Unexpected error: %1").replace(
                    "%1", f"{type(error).__name__}: {error}"
                )
            )
        self._batcher.flush()
        if failure is not None:
            exchange.fail(failure)
        else:
            exchange.finish()
        self._end(exchange, failed=failure is not None)

    async def _stream(self, exchange: Exchange) -> None:
        found = await self.keys.key_for(self._region, self._endpoint_url())
        if not found.key:
            self.keyMissing.emit(exchange.region)
            raise MissingKeyError("No API key is set for this region. Enter one, then press Retry.")
        endpoint = Endpoint(self.base_url, found.key, exchange.region)
        info = self._catalog.model(exchange.model)
        request = self._request_for(exchange, info)
        # Without its turns (images are large): curl_command rebuilds them.
        self._sent[exchange.id] = (replace(request, turns=()), self.base_url)
        # One list of events per network read, adjacent text pieces joined: a long reply is
        # tens of thousands of events, handed over per read instead (decisions/0017).
        stream = self._client.chat_batches(endpoint, request, info)
        batcher = self._batcher
        add_answer, add_reasoning = batcher.add_answer, batcher.add_reasoning
        # Closed on the loop even when cancelled mid-stream: the response is released now,
        # not whenever the garbage collector finds the generator.
        async with contextlib.aclosing(stream):
            async for events in stream:
                for event in events:
                    kind = type(event)
                    if kind is ContentDelta:
                        add_answer(event.text)  # type: ignore[union-attr]
                    elif kind is ReasoningDelta:
                        add_reasoning(event.text)  # type: ignore[union-attr]
                    elif isinstance(event, Retrying):
                        self.retrying.emit(exchange.id, retry_sentence(event))
                    else:
                        batcher.flush()  # text before usage/finish, in order
                        exchange.apply(event)

    def _first_text(self) -> None:
        exchange = self._streaming
        if exchange is not None and exchange.first_token_seconds is None:
            exchange.apply(ContentDelta(""))  # records the time to first token, adds no text

    def _deliver(self, reasoning: str, answer: str) -> None:
        # Text reaches the exchange once per batch, not per token: ``Exchange.apply`` appends to
        # a str attribute, which copies the whole answer every time (quadratic per token).
        exchange = self._streaming
        if exchange is None:
            return
        if reasoning:
            exchange.apply(ReasoningDelta(reasoning))
        if answer:
            exchange.apply(ContentDelta(answer))
        self.history.progress(exchange)  # the store writes at most every few seconds
        self.textBatch.emit(exchange.id, reasoning, answer)
        rate = self._batcher.live_rate()
        if rate is not None:
            self.throughputChanged.emit(exchange.id, rate)

    def _end(self, exchange: Exchange, *, failed: bool) -> None:
        self._streaming = None
        self._continuing.pop(exchange.id, None)
        self.history.reply(exchange)
        self._batcher.stop()
        tokens = exchange.usage.completion_tokens if exchange.usage else None
        tps = self._batcher.final_rate(tokens)
        # 0: too short a sample to measure; the live estimate shown so far is taken away.
        self.throughputChanged.emit(exchange.id, tps or 0.0)
        if failed:
            self.exchangeFailed.emit(exchange.id)
        else:
            self.exchangeFinished.emit(exchange.id)
        self.busyChanged.emit(False)

    # -- life cycle ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Synchronous part of closing: stop streaming now; :meth:`aclose` finishes the job."""
        self._closing = True
        self.stop()

    async def aclose(self) -> None:
        """Cancel every task and close the HTTP client. Safe to call more than once."""
        if self._closed:
            return
        self._closing = True
        self._closed = True
        tasks = [t for t in (self._task, *self._runs) if t]
        for task in tasks:
            task.cancel()
        await self.keys.aclose()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._batcher.stop()
        await self._client.aclose()
        for closing in list(self._retired):
            with contextlib.suppress(Exception):
                await closing
        self.history.close()  # after the stream's last save; erases deleted conversations

    @property
    def is_closed(self) -> bool:
        return self._closed and self._client.is_closed
