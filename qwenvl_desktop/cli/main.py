"""The command line: ``qwenvl-desktop`` opens the window; ``ask``, ``models`` and friends script it.

``ask`` shares the protocol core and the image pipeline with the window. Its interface and exit
statuses are a contract scripts rely on (see README):

0 success · 2 usage error or unusable input · 3 authentication/permission or no key ·
4 rate limit or quota still failing after retries · 5 network failure, timeout or cut-off stream ·
6 any other API error · 7 content moderation · 130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from qwenvl_desktop import __version__
from qwenvl_desktop.cli.config import register_config_commands
from qwenvl_desktop.cli.keys import register_key_commands
from qwenvl_desktop.core.keys import env_var_names, lookup_key
from qwenvl_desktop.core.protocol import (
    REGION_IDS,
    AuthenticationError,
    ChatClient,
    ChatRequest,
    ContentDelta,
    Endpoint,
    Finish,
    MissingKeyError,
    ModerationError,
    NetworkError,
    PermissionDenied,
    QwenVLError,
    RateLimitError,
    ReasoningDelta,
    RequestError,
    Turn,
    Usage,
    load_catalog,
)
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, ModelInfo
from qwenvl_desktop.core.protocol.errors import scrub_secrets
from qwenvl_desktop.core.settings import LoadedSettings, Settings, load_settings

__all__ = ["EXIT_CODES", "build_parser", "exit_code_for", "main"]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_RATE = 4
EXIT_NETWORK = 5
EXIT_API = 6
EXIT_MODERATION = 7
EXIT_INTERRUPTED = 130

EXIT_CODES = {
    "ok": EXIT_OK,
    "usage": EXIT_USAGE,
    "auth": EXIT_AUTH,
    "rate": EXIT_RATE,
    "network": EXIT_NETWORK,
    "api": EXIT_API,
    "moderation": EXIT_MODERATION,
    "interrupted": EXIT_INTERRUPTED,
}


class UsageProblem(Exception):
    """A request that cannot be made as asked: exit 2 with this sentence."""


def exit_code_for(error: BaseException) -> int:
    if isinstance(error, ModerationError):
        return EXIT_MODERATION
    if isinstance(error, AuthenticationError | PermissionDenied | MissingKeyError):
        return EXIT_AUTH
    if isinstance(error, RateLimitError):
        return EXIT_RATE
    if isinstance(error, NetworkError):
        return EXIT_NETWORK
    if isinstance(error, UsageProblem | RequestError):
        return EXIT_USAGE
    if getattr(error, "kind", None) == "image":
        return EXIT_USAGE
    return EXIT_API


# -- argument parsing ------------------------------------------------------------------------------

#: Other command groups (keys, configuration) register themselves here: (name, add_parser).
CommandRegistrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
EXTRA_COMMANDS: list[CommandRegistrar] = [register_key_commands, register_config_commands]


def _add_endpoint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        choices=REGION_IDS,
        help="service region (default from configuration, else intl)",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="any OpenAI-compatible base URL (the part before /chat/completions)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="model name (default from configuration, else qwen3-vl-plus)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qwenvl-desktop",
        description="Ask Qwen vision-language models about images. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"qwenvl-desktop {__version__}")
    _add_endpoint_options(parser)
    parser.add_argument(
        "--capture", action="store_true", help="open screen-region capture (in the running window)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = commands.add_parser("ask", help="ask one question; the answer streams to stdout")
    ask.add_argument("prompt", metavar="PROMPT", help="the question")
    ask.add_argument(
        "--image",
        action="append",
        default=[],
        metavar="PATH_OR_URL",
        help="an image to send (repeatable, order kept): a local file or an http(s) URL",
    )
    _add_endpoint_options(ask)
    ask.add_argument("--no-stream", action="store_true", help="ask for the whole answer at once")
    thinking = ask.add_mutually_exclusive_group()
    thinking.add_argument(
        "--thinking", dest="thinking", action="store_true", default=None, help="switch thinking on"
    )
    thinking.add_argument(
        "--no-thinking", dest="thinking", action="store_false", help="switch thinking off"
    )
    ask.add_argument("--thinking-budget", type=int, metavar="N", help="most reasoning tokens")
    ask.add_argument("--system", metavar="TEXT", help="a system prompt")
    ask.add_argument(
        "--json", action="store_true", help="print one JSON object at the end instead of streaming"
    )
    ask.add_argument(
        "--show-reasoning", action="store_true", help="reasoning text to stderr as it arrives"
    )
    ask.add_argument(
        "--detail",
        choices=("standard", "high"),
        help="image detail: the model's default pixel budget, or 16,384 tokens per image",
    )
    ask.add_argument("--temperature", type=float, metavar="T")
    ask.add_argument("--top-p", type=float, metavar="P")
    ask.add_argument("--max-tokens", type=int, metavar="N")
    ask.add_argument("--seed", type=int, metavar="N")

    models = commands.add_parser("models", help="the catalog for a region, one model a line")
    models.add_argument("--region", choices=(*REGION_IDS, CUSTOM_REGION))

    for register in EXTRA_COMMANDS:
        register(commands)
    return parser


# -- ask -----------------------------------------------------------------------------------------


def _settings_for(args: argparse.Namespace) -> LoadedSettings:
    overrides = {"region": args.region, "base_url": args.base_url, "model": args.model}
    if getattr(args, "detail", None):
        overrides["image_detail"] = args.detail
    loaded = load_settings(overrides)
    if loaded.flag_errors:  # e.g. --region when the system configuration locks the region
        raise UsageProblem(" ".join(loaded.flag_errors))
    return loaded


def _no_key_message(settings: Settings) -> str:
    region = settings.effective_region
    env = " or ".join(env_var_names(region))
    where = f"the endpoint {settings.base_url}" if region == CUSTOM_REGION else f"region {region!r}"
    set_cmd = (
        f"qwenvl-desktop key set --base-url {settings.base_url}"
        if region == CUSTOM_REGION
        else f"qwenvl-desktop key set --region {region}"
    )
    return (
        f"No API key for {where}. Set the environment variable {env}, "
        f"or store one in the OS keyring with `{set_cmd}`."
    )


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
        if self._out is not None and self.content and not self._ends_with_newline:
            self._out.write("\n")
            self._out.flush()
            self._ends_with_newline = True


async def _prepare_images(
    sources: Sequence[str], info: ModelInfo, detail: str
) -> tuple[list[Any], int]:
    if not sources:
        return [], 0
    from qwenvl_desktop.core.images import (
        prepare_attachment_async,  # the pipeline pulls in Pillow: load on demand
    )

    attachments = [
        await prepare_attachment_async(src, model=info, detail=detail)  # type: ignore[arg-type]
        for src in sources
    ]
    return attachments, sum(a.estimated_tokens for a in attachments)


async def _ask(args: argparse.Namespace, settings: Settings, key: str) -> int:
    catalog = load_catalog()
    info = catalog.model(settings.model)
    if args.no_stream and info.must_stream:
        why = "stream-only" if info.stream_only else "thinking"
        raise UsageProblem(f"{info.name} only answers as a stream ({why} model); drop --no-stream.")
    if args.no_stream and args.thinking:
        raise UsageProblem("thinking answers are only available streamed; drop --no-stream.")
    region = settings.effective_region
    if region != CUSTOM_REGION and info.known:
        offered = {m.name for m in catalog.models_for_region(region)}
        if info.name not in offered:
            print(
                f"note: {info.name} is not listed for region {region}; sending anyway.",
                file=sys.stderr,
            )
    attachments, image_tokens = await _prepare_images(args.image, info, settings.image_detail)
    request = ChatRequest(
        model=settings.model,
        turns=(Turn("user", args.prompt, tuple(a.to_image_input() for a in attachments)),),
        system=args.system,
        stream=not args.no_stream,
        thinking=args.thinking if args.thinking is not None else settings.thinking,
        thinking_budget=args.thinking_budget,
        high_resolution=settings.image_detail == "high",
        temperature=args.temperature,
        top_p=args.top_p,
        max_tokens=args.max_tokens,
        seed=args.seed,
    )
    endpoint = Endpoint(settings.endpoint_base_url(), key, region)
    sink = _AnswerSink(
        stream_out=None if args.json else sys.stdout,
        reasoning_out=sys.stderr if args.show_reasoning else None,
    )
    failure: QwenVLError | None = None
    async with ChatClient(settings.client_settings()) as client:
        try:
            async for event in client.chat(endpoint, request, info):
                sink.on_event(event)
        except QwenVLError as error:
            failure = error
    sink.end_line()
    if args.json:
        result: dict[str, Any] = {
            "content": "".join(sink.content),
            "reasoning": "".join(sink.reasoning) or None,
            "finish_reason": sink.finish_reason,
            "model": sink.model or settings.model,
            "usage": sink.usage.as_dict() if sink.usage else None,
            "image_tokens_estimate": image_tokens,
        }
        if failure is not None:
            result["error"] = failure.details() | {"sentence": failure.user_message}
        print(json.dumps(result, ensure_ascii=False))
    if failure is not None:
        raise failure
    return EXIT_OK


def _run_ask(args: argparse.Namespace) -> int:
    loaded = _settings_for(args)
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    settings = loaded.settings
    lookup = lookup_key(settings.effective_region, settings.base_url)
    if not lookup.key:
        message = _no_key_message(settings)
        if lookup.keyring_problem:
            message += f" (The OS keyring is not available: {lookup.keyring_problem}.)"
        raise MissingKeyError(message)
    return asyncio.run(_ask(args, settings, lookup.key))


def _run_models(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    region = args.region or load_settings().settings.region
    models = catalog.models_for_region(region)
    width = max(len(m.name) for m in models)
    for model in models:
        print(f"{model.name:<{width}}  {model.group:<8}  {' '.join(model.flags())}")
    return EXIT_OK


def _report(error: BaseException) -> None:
    line = error.one_line() if isinstance(error, QwenVLError) else f"error: {error}"
    print(f"qwenvl-desktop: {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from qwenvl_desktop.app import main as gui_main  # Qt is loaded only for the window

        return gui_main(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "ask": _run_ask,
        "models": _run_models,
    }
    handler = handlers.get(args.command) or getattr(args, "handler", None)
    if handler is None:
        parser.error(f"unknown command {args.command}")
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (QwenVLError, UsageProblem, RequestError) as error:
        _report(error)
        return exit_code_for(error)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: still one readable line, the traceback only on request
        if os.environ.get("QWENVL_DESKTOP_DEBUG"):
            raise
        print(
            f"qwenvl-desktop: internal error: {type(error).__name__}: {scrub_secrets(str(error))} "
            "(set QWENVL_DESKTOP_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return EXIT_API


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
