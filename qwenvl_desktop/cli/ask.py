"""``qwenvl-desktop ask``: one question, the answer streamed to stdout (or one JSON object).

It shares the protocol core and the image pipeline with the window; its exit statuses are
:class:`~qwenvl_desktop.cli.exit_codes.ExitCode`'s, decided in :mod:`qwenvl_desktop.cli.main` from
the error that ends it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from collections.abc import AsyncGenerator, Coroutine, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from qwenvl_desktop.cli.annotate import (
    annotation_fields,
    check_annotate,
    find_answer_annotations,
    write_annotated,
)
from qwenvl_desktop.cli.exit_codes import ExitCode, UsageProblem
from qwenvl_desktop.cli.keys import no_key_sentence
from qwenvl_desktop.cli.video import images_of, media_input, prepare_media, videos_of
from qwenvl_desktop.core.conversation.words import retry_sentence
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.keys import lookup_key
from qwenvl_desktop.core.protocol import (
    ChatClient,
    ChatEvent,
    ChatRequest,
    ContentDelta,
    Endpoint,
    Finish,
    Interrupted,
    MissingKeyError,
    QwenVLError,
    ReasoningDelta,
    Retrying,
    Turn,
    Usage,
    chat_request,
)
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, Catalog, ModelInfo
from qwenvl_desktop.core.settings import LoadedSettings, Settings, load_settings

if TYPE_CHECKING:
    from qwenvl_desktop.core.documents.tasks import DocumentTask
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.video import VideoAttachment

__all__ = ["build_chat_request", "run_ask", "run_until_interrupted"]


def run_ask(args: argparse.Namespace) -> int:
    """Ask ``args.prompt`` (or ``--task``'s question); an error that ends it is raised for the
    caller to report."""
    loaded = _settings_for(args)
    for problem in loaded.problems:
        print(translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr)
    question, settings, task = _question_for(args, loaded.settings)
    args.prompt = question
    return run_until_interrupted(_ask(args, settings, task))


def _question_for(
    args: argparse.Namespace, settings: Settings
) -> tuple[str, Settings, DocumentTask | None]:
    """The question and the settings to ask it with: PROMPT, or ``--task``'s question (as saved
    in the window's quick prompts; PROMPT adds to it) asked of the task's model — the region's
    OCR model for ``ocr`` unless ``--model`` names one (as ``batch --task``)."""
    if not args.task:
        if not args.prompt:
            raise UsageProblem(
                translate("CliAsk", "Give a question (PROMPT) or a task (--task ocr, table, …).")
            )
        return args.prompt, settings, None
    from qwenvl_desktop.core.documents.tasks import task_named
    from qwenvl_desktop.core.prompts.quick_prompts import (
        QuickPrompts,
        QuickPromptsError,
        task_question,
    )

    try:
        _prompt, question, choice = task_question(
            args.task,
            QuickPrompts.load(),
            settings.model,
            settings.effective_region,
            model_given=bool(args.model),
        )
    except QuickPromptsError as error:
        raise UsageProblem(str(error)) from None
    if choice.note:
        print(translate("CommandLine", "note: %1").replace("%1", choice.note), file=sys.stderr)
    if args.prompt:
        question = f"{question}\n\n{args.prompt}"
    return question, replace(settings, model=choice.model), task_named(args.task)


def _write_output(path: str, task: DocumentTask | None, answer: str) -> None:
    """``--output FILE``: the answer's result as the file's suffix asks (CSV, LaTeX, Markdown,
    HTML, text). An answer without what was asked (no table for a .csv) writes nothing and
    says so on stderr; the command still succeeds, as the question was answered."""
    from pathlib import Path

    from qwenvl_desktop.core.documents.results import NoResultError, task_output
    from qwenvl_desktop.core.settings.atomic_file import write_text_atomically

    target = Path(path)
    try:
        text = task_output(task, answer, target.suffix)
    except NoResultError as error:
        note = translate("CliAsk", "note: %1; nothing written to %2")
        print(note.replace("%1", str(error)).replace("%2", str(target)), file=sys.stderr)
        return
    try:
        write_text_atomically(target, text)
    except OSError as error:
        why = str(error.strerror or error)
        sentence = translate("CommandLine", "Cannot write %1: %2.")
        raise UsageProblem(sentence.replace("%1", str(target)).replace("%2", why)) from None


def _key_for(settings: Settings) -> str:
    """The key of the configured region or endpoint, or :class:`MissingKeyError` saying how to
    give one."""
    lookup = lookup_key(settings.effective_region, settings.base_url)
    if not lookup.key:
        raise MissingKeyError(
            no_key_sentence(settings.effective_region, settings.base_url, lookup.keyring_problem)
        )
    return lookup.key


def run_until_interrupted(work: Coroutine[Any, Any, int]) -> int:
    """``asyncio.run(work)``, with Ctrl+C delivered as a loop callback; KeyboardInterrupt after.

    ``asyncio.run`` cancels the main task from a plain Python signal handler, which runs between
    any two bytecodes — also inside a transport's ``data_received`` callback, halfway through
    waking a future that the cancellation then cancels: asyncio logs "Fatal error … invalid
    state" with a traceback on stderr. Through ``loop.add_signal_handler`` the cancellation runs
    between callbacks instead, and the stream closes cleanly (the partial answer has already
    been printed).
    """

    async def main() -> int | None:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        interrupted = False

        def on_sigint() -> None:
            nonlocal interrupted
            interrupted = True
            if task is not None:
                task.cancel()

        try:
            loop.add_signal_handler(signal.SIGINT, on_sigint)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
            return await work
        try:
            return await work
        except asyncio.CancelledError:
            if interrupted:
                return None
            raise
        finally:
            loop.remove_signal_handler(signal.SIGINT)

    status = asyncio.run(main())
    if status is None:
        raise KeyboardInterrupt
    return status


def build_chat_request(
    args: argparse.Namespace,
    settings: Settings,
    attachments: Sequence[Attachment | VideoAttachment],
) -> ChatRequest:
    """The request ``ask``'s options describe: one user turn with its images, in their order.

    The system prompt and the sampling options not given as flags come from the settings
    (``system_prompt``, ``temperature``, ``top_p``, ``max_tokens``), as in the window."""
    return chat_request(
        settings.model,
        (Turn("user", args.prompt, tuple(media_input(a) for a in attachments)),),
        system=args.system if args.system is not None else settings.system_prompt,
        image_detail=settings.image_detail,
        stream=not args.no_stream,
        thinking=args.thinking if args.thinking is not None else settings.thinking,
        thinking_budget=args.thinking_budget,
        temperature=args.temperature if args.temperature is not None else settings.temperature,
        top_p=args.top_p if args.top_p is not None else settings.top_p,
        max_tokens=args.max_tokens if args.max_tokens is not None else settings.max_tokens,
        seed=args.seed,
    )


def _settings_for(args: argparse.Namespace) -> LoadedSettings:
    overrides = {"region": args.region, "base_url": args.base_url, "model": args.model}
    if args.detail:
        overrides["image_detail"] = args.detail
    loaded = load_settings(overrides)
    if loaded.flag_errors:  # e.g. --region when the system configuration locks the region
        raise UsageProblem(" ".join(loaded.flag_errors))
    return loaded


def _refuse_what_the_model_cannot_do(
    args: argparse.Namespace, catalog: Catalog, info: ModelInfo, region: str
) -> None:
    """Refuse before any upload what the service would refuse; note an unlisted model."""
    if args.no_stream and info.must_stream:
        if info.stream_only:
            sentence = translate(
                "CliAsk", "%1 only answers as a stream (stream-only model); drop --no-stream."
            )
        else:
            sentence = translate(
                "CliAsk", "%1 only answers as a stream (thinking model); drop --no-stream."
            )
        raise UsageProblem(sentence.replace("%1", info.name))
    if args.no_stream and args.thinking:
        raise UsageProblem(
            translate("CliAsk", "thinking answers are only available streamed; drop --no-stream.")
        )
    if region != CUSTOM_REGION and info.known:
        offered = {m.name for m in catalog.models_for_region(region)}
        if info.name not in offered:
            note = translate("CliAsk", "note: %1 is not listed for region %2; sending anyway.")
            print(note.replace("%1", info.name).replace("%2", region), file=sys.stderr)


class _AnswerSink:
    """Collects an answer while (optionally) streaming it to the terminal."""

    def __init__(self, *, stream_out: TextIO | None, reasoning_out: TextIO | None) -> None:
        self.content: list[str] = []
        self.reasoning: list[str] = []
        self.finish_reason: str | None = None
        self.model: str | None = None
        self.usage: Usage | None = None
        self._out = stream_out
        self._reasoning_out = reasoning_out
        self._ends_with_newline = True

    def on_event(self, event: object) -> None:
        if isinstance(event, ContentDelta):
            self.content.append(event.text)
            if self._out is not None:
                self._out.write(event.text)
                self._out.flush()
                self._ends_with_newline = event.text.endswith("\n")
        elif isinstance(event, ReasoningDelta):
            self.reasoning.append(event.text)
            if self._reasoning_out is not None:
                self._reasoning_out.write(event.text)
                self._reasoning_out.flush()
        elif isinstance(event, Finish):
            self.finish_reason = event.reason
            self.model = event.model or self.model
        elif isinstance(event, Usage):
            self.usage = event

    def end_line(self) -> None:
        """Finish a streamed answer (whole or cut off) with a newline, as a terminal expects."""
        if self._out is not None and self.content and not self._ends_with_newline:
            self._out.write("\n")
            self._out.flush()
            self._ends_with_newline = True

    def as_json(
        self, *, model: str, image_tokens: int, failure: QwenVLError | None
    ) -> dict[str, Any]:
        """``ask --json``'s one object: the answer so far, and the error that ended it."""
        result: dict[str, Any] = {
            "content": "".join(self.content),
            "reasoning": "".join(self.reasoning) or None,
            "finish_reason": self.finish_reason,
            "model": self.model or model,
            "usage": self.usage.as_dict() if self.usage else None,
            "image_tokens_estimate": image_tokens,
        }
        if failure is not None:
            result["error"] = failure.details() | {"sentence": failure.user_message}
        return result


async def _ask(args: argparse.Namespace, settings: Settings, task: DocumentTask | None) -> int:
    catalog = settings.catalog()  # with the configuration's model names (aliases)
    info = catalog.model(settings.model)
    region = settings.effective_region
    _refuse_what_the_model_cannot_do(args, catalog, info, region)
    # Images and videos in command-line order; --annotate draws on the images alone.
    media = await prepare_media(args, info, settings.image_detail, args.economy_tokens)
    attachments = images_of(media)
    check_annotate(args, attachments)
    # The key only now: a missing or unusable image is reported first (exit 2), as the one
    # problem of the command line itself, before a missing key (exit 3).
    key = _key_for(settings)
    request = build_chat_request(args, settings, media)
    endpoint = Endpoint(settings.endpoint_base_url(), key, region)
    sink = _AnswerSink(
        stream_out=None if args.json else sys.stdout,
        reasoning_out=sys.stderr if args.show_reasoning else None,
    )
    # The answer so far is kept when the stream fails or Ctrl+C stops it: it is printed (or is
    # the --json object's content), then the error reported.
    failure: QwenVLError | None = None
    async with ChatClient(settings.client_settings()) as client:
        try:
            await _receive(client.chat(endpoint, request, info), sink)
        except QwenVLError as error:
            failure = error
        except asyncio.CancelledError:  # Ctrl+C (run_until_interrupted cancels this task)
            failure = Interrupted()
    sink.end_line()
    annotations = find_answer_annotations("".join(sink.content), attachments, info)
    if args.json:
        image_tokens = sum(a.estimated_tokens for a in attachments)
        result = sink.as_json(model=settings.model, image_tokens=image_tokens, failure=failure)
        if videos := videos_of(media):
            result["video_tokens_estimate"] = sum(v.estimated_tokens for v in videos)
        result |= annotation_fields(annotations)
        print(json.dumps(result, ensure_ascii=False))
    if failure is not None:
        raise failure
    write_annotated(args, attachments, annotations)
    if args.output:
        _write_output(args.output, task, "".join(sink.content))
    return ExitCode.OK


async def _receive(events: AsyncGenerator[ChatEvent], sink: _AnswerSink) -> None:
    """Feed the answer's events to ``sink``; retries are noted on stderr as they happen.

    The stream is closed here, on the loop, whatever ends it — a write to a closed stdout
    (``| head``) included: left to the garbage collector, the abandoned generator would be
    closed while still running and print a traceback.
    """
    async with contextlib.aclosing(events):
        async for event in events:
            if isinstance(event, Retrying):
                note = translate("CommandLine", "note: %1").replace("%1", retry_sentence(event))
                print(note, file=sys.stderr, flush=True)
            else:
                sink.on_event(event)
