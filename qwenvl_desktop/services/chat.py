"""The services between the window and the Qt-free layers: async work in, Qt signals out.

:class:`ChatController` owns the one long-lived :class:`~.protocol.ChatClient`, the
:class:`~.conversation.Conversation`, and the current region, model and key. It runs each reply as
an asyncio task it keeps (so Stop can cancel it) and turns the stream's events into signals.
Streamed text leaves it in batches on a ~30 ms timer, never per token: a widget update per token
costs more than the whole network path (see shared/PLATFORM.md).

:class:`ImageIntake` turns image sources (paths, URLs, bytes) into prepared attachments and
thumbnails off the GUI thread.

Neither class creates widgets; the window connects to their signals.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from PIL import Image as PILImage
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import NullHistoryStore, curl_command
from qwenvl_desktop.core.keys import (
    KeyLookup,
    KeyStoreError,
    StoredKey,
    key_target,
    lookup_key,
    store_key,
)
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
    load_catalog,
)
from qwenvl_desktop.core.protocol.errors import BadRequestError
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.history import HistorySync

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment, ImageSource

__all__ = [
    "BATCH_INTERVAL_MS",
    "ChatController",
    "ImageIntake",
    "KeyState",
    "PreparedImage",
    "images_supported_by",
]

log = logging.getLogger(__name__)

#: How long streamed text collects before it is handed to the window (one repaint per batch).
BATCH_INTERVAL_MS = 30

KeyLookupFn = Callable[[str, "str | None"], KeyLookup]


@dataclass(frozen=True, slots=True)
class KeyState:
    """What the window shows about the key in use: never the key itself."""

    region: str
    base_url: str | None
    present: bool | None  # None: still looking
    source: str = ""
    masked: str = ""
    problem: str | None = None


def images_supported_by(info: ModelInfo, models: Sequence[ModelInfo]) -> str | None:
    """A model of ``models`` that reads images, preferring ``info``'s own group; None if none."""
    same_group = [m for m in models if m.accepts_images and m.group == info.group]
    any_group = [m for m in models if m.accepts_images]
    for candidates in (same_group, any_group):
        if candidates:
            return candidates[0].name
    return None


class ChatController(QObject):
    """The conversation service: send, stop, retry, regenerate; region, model and key."""

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
    #: the key situation changed (looked up, stored, region switched)
    keyChanged = Signal()
    #: a key the user entered was stored; the text says where ("OS keyring (…)", "session")
    keyStored = Signal(str)
    #: a key could not be stored; the sentence says why
    keyStoreFailed = Signal(str)
    busyChanged = Signal(bool)
    #: region, endpoint or model changed
    endpointChanged = Signal()
    #: exchange id, tokens per second (live estimate while streaming, final when done)
    throughputChanged = Signal(str, float)
    #: a one-line notice for the status bar
    notice = Signal(str)

    def __init__(
        self,
        settings: Settings,
        *,
        client: ChatClient | None = None,
        key_lookup: KeyLookupFn = lookup_key,
        history: HistorySync | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._catalog = load_catalog()
        self._client = client or ChatClient(settings.client_settings())
        self._key_lookup = key_lookup
        #: the conversation history (a null one when off): questions and replies are saved
        #: as they happen, through it
        self.history = history or HistorySync(NullHistoryStore())
        self.history.setParent(self)
        #: the options and endpoint each exchange was last sent with (for "Copy as curl")
        self._sent: dict[str, tuple[ChatRequest, str]] = {}
        self.conversation = Conversation()
        self._region = settings.effective_region
        self._custom_url: str | None = settings.base_url.rstrip("/") if settings.base_url else None
        self._model = settings.model
        self._thinking: bool | None = settings.thinking
        self._thinking_budget: int | None = None
        # Keys by target ("region:cn", "endpoint:URL"); a task while the lookup runs.
        self._keys: dict[str, KeyLookup] = {}
        self._lookups: dict[str, asyncio.Task[KeyLookup]] = {}
        self._task: asyncio.Task[None] | None = None
        self._side_tasks: set[asyncio.Task[Any]] = set()
        self._streaming: Exchange | None = None
        self._closed = False
        self._closing = False
        # Batching: text waits here until the timer fires.
        self._pending_reasoning: list[str] = []
        self._pending_answer: list[str] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(BATCH_INTERVAL_MS)
        self._flush_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flush_timer.timeout.connect(self._flush)
        self._flush_scheduled = False
        self._delta_count = 0
        self._first_delta_at: float | None = None
        self._start_key_lookup()

    # -- what the window reads ----------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

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
    def streaming_exchange(self) -> Exchange | None:
        return self._streaming

    @property
    def key_state(self) -> KeyState:
        target = self._key_target()
        base = self._custom_url if self._region == CUSTOM_REGION else None
        found = self._keys.get(target)
        if found is None:
            return KeyState(self._region, base, None)
        return KeyState(
            self._region,
            base,
            bool(found.key),
            source=found.source,
            masked=found.masked if found.key else "",
            problem=found.keyring_problem,
        )

    def available_models(self) -> list[ModelInfo]:
        """The catalog's models for the region (a custom endpoint offers all), as allowed."""
        models = self._catalog.models_for_region(self._region)
        allowed = set(self._settings.allowed_models)
        if allowed:
            models = [m for m in models if m.name in allowed]
        if self._model not in {m.name for m in models}:
            # A model named on the command line or in the configuration stays choosable.
            models = [*models, self.model_info]
        return models

    def image_capable_alternative(self) -> str | None:
        """When the model cannot read images: one of this region's models that can."""
        return images_supported_by(self.model_info, self.available_models())

    def exchange(self, exchange_id: str) -> Exchange | None:
        for exchange in self.conversation.exchanges:
            if exchange.id == exchange_id:
                return exchange
        return None

    def last_exchange(self) -> Exchange | None:
        return self.conversation.exchanges[-1] if self.conversation.exchanges else None

    # -- region, model, thinking ---------------------------------------------------------------

    def set_region(self, region: str, custom_url: str | None = None) -> None:
        """Switch region (or custom endpoint): the key and endpoint switch with it."""
        url = custom_url.strip().rstrip("/") if custom_url else None
        if region == CUSTOM_REGION and not url:
            url = self._custom_url
        if region == self._region and (region != CUSTOM_REGION or url == self._custom_url):
            return
        self._region = region
        if region == CUSTOM_REGION:
            self._custom_url = url
        offered = {m.name for m in self.available_models()}
        if self.model_info.known and self._model not in offered:
            models = [m for m in self.available_models() if m.known]
            if models:
                # Prefer the same model under the region's naming (qwen3-vl-flash → …-us).
                same = [m for m in models if m.name.startswith(self._model)]
                self._model = (same or models)[0].name
        self._start_key_lookup()
        self.endpointChanged.emit()
        self.keyChanged.emit()

    def set_model(self, name: str) -> None:
        if name and name != self._model:
            self._model = name
            self.endpointChanged.emit()

    def set_thinking(self, enabled: bool | None, budget: int | None = None) -> None:
        """For hybrid-thinking models: on/off (None: the model's default) and a token budget."""
        self._thinking = enabled
        self._thinking_budget = budget if budget and budget > 0 else None

    # -- keys ----------------------------------------------------------------------------------

    def _key_target(self) -> str:
        return key_target(self._region, self._custom_url if self._region == CUSTOM_REGION else None)

    def _start_key_lookup(self) -> asyncio.Task[KeyLookup] | None:
        target = self._key_target()
        if target in self._keys or target in self._lookups or self._closed:
            return self._lookups.get(target)
        region = self._region
        base_url = self._custom_url if region == CUSTOM_REGION else None
        task = asyncio.get_event_loop().create_task(self._lookup(target, region, base_url))
        self._lookups[target] = task
        return task

    async def _lookup(self, target: str, region: str, base_url: str | None) -> KeyLookup:
        # The keyring is a D-Bus call that may wait for an unlock prompt: never on the GUI thread.
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(None, self._key_lookup, region, base_url)
        except Exception as exc:  # a broken keyring backend must not take the window down
            log.warning("key lookup failed: %s", exc)
            found = KeyLookup(None, "none", keyring_problem=str(exc))
        finally:
            self._lookups.pop(target, None)
        self._keys[target] = found
        self.keyChanged.emit()
        return found

    async def _current_key(self) -> KeyLookup:
        target = self._key_target()
        if target in self._keys:
            return self._keys[target]
        task = self._lookups.get(target) or self._start_key_lookup()
        assert task is not None
        return await asyncio.shield(task)

    def save_key(self, key: str) -> None:
        """Store a key the user typed for the current region (keyring, else this session)."""
        region = self._region
        base_url = self._custom_url if region == CUSTOM_REGION else None
        self._spawn(self._save_key(region, base_url, key))

    async def _save_key(self, region: str, base_url: str | None, key: str) -> None:
        loop = asyncio.get_running_loop()

        def store() -> StoredKey:
            return store_key(region, base_url, key, session_fallback=True)

        try:
            stored = await loop.run_in_executor(None, store)
        except KeyStoreError as error:
            self.keyStoreFailed.emit(error.user_message)
            return
        except Exception as exc:
            log.exception("storing the key failed")
            self.keyStoreFailed.emit(f"The key could not be stored: {exc}")
            return
        self._keys[stored.target] = KeyLookup(key.strip(), stored.description, origin=stored.where)
        self.keyChanged.emit()
        self.keyStored.emit(stored.description)

    # -- conversation --------------------------------------------------------------------------

    def send(self, question: str, attachments: Sequence[Attachment] = ()) -> bool:
        """Ask a question (with images). False when it cannot be sent now; the window keeps it."""
        if self._closed or self.busy:
            return False
        if not question.strip() and not attachments:
            return False
        info = self.model_info
        if attachments and not info.accepts_images:
            other = self.image_capable_alternative()
            hint = f" Switch to {other} to ask about them." if other else ""
            self.notice.emit(f"{info.name} cannot read images.{hint}")
            return False
        found = self._keys.get(self._key_target())
        if found is not None and not found.key:
            self.keyMissing.emit(self._region)
            return False
        if not question.strip() and info.ocr:
            question = (
                "Please output only the text content from the image without any additional "
                "descriptions or formatting."
            )
        exchange = self.conversation.ask(
            question, list(attachments), model=self._model, region=self._region
        )
        self._start(exchange)
        return True

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

    def regenerate(self) -> bool:
        """Ask for the last reply again."""
        last = self.last_exchange()
        return last is not None and self.retry(last.id)

    def new_conversation(self) -> None:
        self.stop()
        self.conversation = Conversation()
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
        return curl_command(self.conversation, exchange, base_url, template=template)

    def _start(self, exchange: Exchange) -> None:
        # The request uses the model chosen now (a regenerate with another model is useful).
        exchange.model = self._model
        exchange.region = self._region
        exchange.begin()
        self._streaming = exchange
        self._pending_reasoning.clear()
        self._pending_answer.clear()
        self._flush_timer.stop()
        self._flush_scheduled = False
        self._delta_count = 0
        self._first_delta_at = None
        self.history.question(self.conversation, exchange)  # before anything is sent
        self.exchangeStarted.emit(exchange.id)
        self._task = asyncio.get_event_loop().create_task(self._run(exchange))
        # A finished run may still be unwinding when the next starts (Retry from an end signal).
        self._side_tasks.add(self._task)
        self._task.add_done_callback(self._side_tasks.discard)
        self.busyChanged.emit(True)

    def _request_for(self, exchange: Exchange, info: ModelInfo) -> ChatRequest:
        thinking = self._thinking if info.thinking == "hybrid" else None
        budget = self._thinking_budget if (thinking or info.thinking == "always") else None
        return ChatRequest(
            model=exchange.model,
            turns=self.conversation.turns_for(exchange),
            system=self.conversation.system,
            stream=True,
            thinking=thinking,
            thinking_budget=budget,
            high_resolution=self._settings.image_detail == "high",
        )

    async def _run(self, exchange: Exchange) -> None:
        failure: QwenVLError | None = None
        try:
            found = await self._current_key()
            if not found.key:
                self.keyMissing.emit(exchange.region)
                raise MissingKeyError(
                    "No API key is set for this region. Enter one, then press Retry."
                )
            endpoint = Endpoint(self.base_url, found.key, exchange.region)
            info = self._catalog.model(exchange.model)
            request = self._request_for(exchange, info)
            # Without its turns (images are large): curl_command rebuilds them.
            self._sent[exchange.id] = (replace(request, turns=()), self.base_url)
            stream = self._client.chat(endpoint, request, info)
            # Closed on the loop even when cancelled mid-stream: the response is released now,
            # not whenever the garbage collector finds the generator.
            async with contextlib.aclosing(stream):  # type: ignore[type-var]
                async for event in stream:
                    # The hot path: tens of thousands of events per long reply.
                    kind = type(event)
                    if kind is ContentDelta:
                        self._pending_answer.append(event.text)  # type: ignore[union-attr]
                    elif kind is ReasoningDelta:
                        self._pending_reasoning.append(event.text)  # type: ignore[union-attr]
                    else:
                        self._flush()  # text before usage/finish, in order
                        exchange.apply(event)
                        continue
                    self._delta_count += 1
                    if not self._flush_scheduled:
                        self._schedule_flush(exchange)
        except asyncio.CancelledError:
            self._flush()
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
            failure = QwenVLError(f"Unexpected error: {type(error).__name__}: {error}")
        self._flush()
        if failure is not None:
            exchange.fail(failure)
        else:
            exchange.finish()
        self._end(exchange, failed=failure is not None)

    def _end(self, exchange: Exchange, *, failed: bool) -> None:
        self._streaming = None
        self.history.reply(exchange)
        self._flush_timer.stop()
        tps = self._final_throughput(exchange)
        if tps is not None:
            self.throughputChanged.emit(exchange.id, tps)
        if failed:
            self.exchangeFailed.emit(exchange.id)
        else:
            self.exchangeFinished.emit(exchange.id)
        self.busyChanged.emit(False)

    # -- batching ------------------------------------------------------------------------------

    def _schedule_flush(self, exchange: Exchange) -> None:
        # Text reaches the exchange at each flush, not per token: ``Exchange.apply`` appends to
        # a str attribute, which copies the whole answer every time (quadratic per token).
        if exchange.first_token_seconds is None:
            exchange.apply(ContentDelta(""))  # records the time to first token, adds no text
            self._first_delta_at = time.monotonic()
        self._flush_scheduled = True
        self._flush_timer.start()

    def _flush(self) -> None:
        self._flush_scheduled = False
        exchange = self._streaming
        if exchange is None or not (self._pending_reasoning or self._pending_answer):
            return
        reasoning = "".join(self._pending_reasoning)
        answer = "".join(self._pending_answer)
        self._pending_reasoning.clear()
        self._pending_answer.clear()
        if reasoning:
            exchange.apply(ReasoningDelta(reasoning))
        if answer:
            exchange.apply(ContentDelta(answer))
        self.history.progress(exchange)  # the store writes at most every few seconds
        self.textBatch.emit(exchange.id, reasoning, answer)
        if self._first_delta_at is not None:
            elapsed = time.monotonic() - self._first_delta_at
            if elapsed > 0.2:  # too early, the rate is noise
                self.throughputChanged.emit(exchange.id, self._delta_count / elapsed)

    def _final_throughput(self, exchange: Exchange) -> float | None:
        if self._first_delta_at is None:
            return None
        elapsed = time.monotonic() - self._first_delta_at
        if elapsed <= 0:
            return None
        tokens = exchange.usage.completion_tokens if exchange.usage else None
        return (tokens or self._delta_count) / elapsed

    # -- life cycle ----------------------------------------------------------------------------

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_event_loop().create_task(coro)
        self._side_tasks.add(task)
        task.add_done_callback(self._side_tasks.discard)

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
        tasks = [t for t in (self._task, *self._lookups.values(), *self._side_tasks) if t]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._flush_timer.stop()
        await self._client.aclose()
        self.history.close()  # after the stream's last save; erases deleted conversations

    @property
    def is_closed(self) -> bool:
        return self._closed and self._client.is_closed


# -- images ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """An attachment and the pictures the window shows of it (null images for a URL)."""

    attachment: Attachment
    thumbnail: QImage
    preview: QImage


#: The largest side of the preview image kept for the "larger preview" dialog.
PREVIEW_SIDE = 1600


def _images_of(attachment: Attachment, thumb_side: int) -> tuple[QImage, QImage]:
    """Thumbnail and preview from the bytes that will be sent: what the model will see."""
    if not attachment.url.startswith("data:"):
        return QImage(), QImage()
    _, _, payload = attachment.url.partition(",")
    image = QImage.fromData(base64.b64decode(payload))
    if image.isNull():
        return QImage(), QImage()
    mode = Qt.TransformationMode.SmoothTransformation
    keep = Qt.AspectRatioMode.KeepAspectRatio
    thumb = image.scaled(thumb_side, thumb_side, keep, mode)
    preview = image
    if max(image.width(), image.height()) > PREVIEW_SIDE:
        preview = image.scaled(PREVIEW_SIDE, PREVIEW_SIDE, keep, mode)
    return thumb, preview


def _pil_image(image: QImage) -> PILImage.Image:
    """Pixels from the clipboard or a drop as a Pillow image; runs off the GUI thread.

    A copy of the bits, not an encode: the pipeline chooses the format (PNG for a screenshot).
    No QObject is created here, so nothing has thread affinity to the worker thread.
    """
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    size = (rgba.width(), rgba.height())
    data = bytes(rgba.constBits())
    pixels = PILImage.frombuffer("RGBA", size, data, "raw", "RGBA", rgba.bytesPerLine(), 1)
    if not rgba.hasAlphaChannel() or image.format() in _OPAQUE_FORMATS:
        return pixels.convert("RGB")
    return pixels


_OPAQUE_FORMATS = (QImage.Format.Format_RGB32, QImage.Format.Format_RGB888)


class ImageIntake(QObject):
    """Prepares image sources for the current model, several at once, off the GUI thread."""

    #: item id, PreparedImage
    prepared = Signal(str, object)
    #: item id, a sentence saying why the source cannot be used
    failed = Signal(str, str)

    def __init__(
        self,
        model_info: Callable[[], ModelInfo],
        detail: Callable[[], str],
        *,
        executor: Executor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model_info = model_info
        self._detail = detail
        self._executor = executor
        self._tasks: dict[str, asyncio.Task[None]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def prepare(
        self, item_id: str, source: ImageSource | QImage, label: str | None, thumb_side: int
    ) -> None:
        """Start preparing; ``prepared`` or ``failed`` follows with the same ``item_id``."""
        self.cancel(item_id)
        loop = asyncio.get_event_loop()
        task = loop.create_task(self._prepare(item_id, source, label, thumb_side))
        self._tasks[item_id] = task

    def cancel(self, item_id: str) -> None:
        task = self._tasks.pop(item_id, None)
        if task is not None:
            task.cancel()

    async def _prepare(
        self, item_id: str, source: ImageSource | QImage, label: str | None, thumb_side: int
    ) -> None:
        from qwenvl_desktop.core.images import ImageError, prepare_attachment

        info = self._model_info()
        detail: Literal["standard", "high"] = "high" if self._detail() == "high" else "standard"

        def work() -> PreparedImage:
            data = _pil_image(source) if isinstance(source, QImage) else source
            attachment = prepare_attachment(data, model=info, detail=detail, label=label)
            thumb, preview = _images_of(attachment, thumb_side)
            return PreparedImage(attachment, thumb, preview)

        try:
            result = await asyncio.get_running_loop().run_in_executor(self._executor, work)
        except asyncio.CancelledError:
            raise
        except ImageError as error:
            self._tasks.pop(item_id, None)
            self.failed.emit(item_id, str(error))
            return
        except Exception as exc:  # never a crash for a bad file: say what happened
            log.exception("preparing an image failed")
            self._tasks.pop(item_id, None)
            name = label or (source if isinstance(source, str) else "the image")
            self.failed.emit(item_id, f"{name}: could not be read ({type(exc).__name__}: {exc})")
            return
        self._tasks.pop(item_id, None)
        self.prepared.emit(item_id, result)

    async def aclose(self) -> None:
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
