"""The grammar of ``qwenvl-desktop``: every command, option and help text, in one parser.

The window (:mod:`qwenvl_desktop.app`) parses its own options (``--region``, ``--base-url``,
``--model``, ``--capture``) with this same parser, so both read the command line alike. That is why
this module only describes: it imports no command's code (no keyring, no HTTP client) and no Qt,
and importing it stays cheap for the window's start-up. Which code runs a command is decided in
:mod:`qwenvl_desktop.cli.main`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from qwenvl_desktop import APP_ID, __version__
from qwenvl_desktop.core.documents.tasks import TASK_NAMES
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION, REGION_CITIES, REGION_IDS
from qwenvl_desktop.core.settings.files import CONFIG_ENV

__all__ = [
    "REGION_CHOICES",
    "add_endpoint_options",
    "build_parser",
    "empty_command_line",
    "region_help",
]

if TYPE_CHECKING:  # generic only in typeshed, not at run time
    #: what ``add_subparsers`` returns
    Commands: TypeAlias = argparse._SubParsersAction["_Parser"]


#: the region choices with their cities, for every ``--region``'s help
REGION_CHOICES = ", ".join(f"{region} = {REGION_CITIES[region]}" for region in REGION_IDS)


def region_help(what: str, default: str, *, about_keys: bool = True) -> str:
    """The help of a ``--region`` option: what it chooses, the cities, and its default."""
    if about_keys:
        text = translate("CliOptions", "%1: %2; a key works only in its own region (default: %3)")
    else:
        text = translate("CliOptions", "%1: %2 (default: %3)")
    return text.replace("%1", what).replace("%2", REGION_CHOICES).replace("%3", default)


class _TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with its "usage: " in the interface language, and help texts in
    Japanese or Chinese wrapped by their width on a terminal (argparse wraps at spaces, which
    such sentences hardly have, and counts a wide character as one column)."""

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        if prefix is None:
            prefix = translate("CliOptions", "usage: ")
        if prefix.isascii():
            return super()._format_usage(usage, actions, groups, prefix)
        # argparse indents the usage's next lines by the prefix's length in characters; a
        # stand-in as wide as the prefix on a terminal keeps them under the program's name
        stand_in = "\0" * _columns(prefix)
        text: str = super()._format_usage(usage, actions, groups, stand_in)
        return text.replace(stand_in, prefix, 1)

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():  # English: argparse's own wrapping, byte for byte
            return super()._split_lines(text, width)
        return _wrap_wide(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        lines = _wrap_wide(" ".join(text.split()), width - len(indent))
        return "\n".join(indent + line for line in lines)


#: punctuation that must not begin a line in Japanese or Chinese (it stays on the line before)
_NO_LINE_START = frozenset("、。，．,.）」』】〕：；！？!?)ー・…")


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two for a wide (CJK) character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap_wide(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns (a wide character takes two):
    broken at spaces or between two wide characters, never before closing punctuation (the
    piece before it goes down to the next line with it)."""
    import re

    width = max(width, 10)
    lines: list[list[str]] = [[]]
    # a run of spaces, a run of narrow non-space characters (a word), or one wide character
    for piece in re.findall(r"\s+|[^\s\u1100-\uffef]+|.", text):
        line = lines[-1]
        if piece.isspace():
            if line:
                line.append(" ")
            continue
        if line and _columns("".join(line)) + _columns(piece) > width:
            carried: list[str] = []
            if piece[0] in _NO_LINE_START and len(line) > 1:
                carried.append(line.pop())
            while line and line[-1] == " ":
                line.pop()
            lines.append(carried)
        lines[-1].append(piece)
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


class _Parser(argparse.ArgumentParser):
    """A parser whose own words are in the interface language.

    argparse takes "usage:", "options:", "error:" and its messages from gettext's *current*
    domain, for which Python ships no Japanese or Chinese catalog (and setting the process's
    text domain would change every gettext user). The frame of the help and of an error line is
    translated here instead; argparse's own sentences inside an error line (“the following
    arguments are required: …”) stay English, our options' own checks are translated.
    Subcommands' parsers are of this class too (argparse makes them with the parent's class).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _TranslatedHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = translate("CliOptions", "positional arguments")
        self._optionals.title = translate("CliOptions", "options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = translate("CliOptions", "show this help message and exit")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        line = translate("CliOptions", "%1: error: %2").replace("%1", self.prog)
        self.exit(2, line.replace("%2", message) + "\n")


def add_endpoint_options(parser: argparse.ArgumentParser) -> None:
    """``--region``, ``--base-url`` and ``--model``: where a question goes (window and ``ask``)."""
    parser.add_argument(
        "--region",
        choices=REGION_IDS,
        help=region_help(
            translate("CliOptions", "the Model Studio region"),
            translate("CliOptions", "from configuration, else intl"),
        ),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=translate(
            "CliOptions", "any OpenAI-compatible base URL (the part before /chat/completions)"
        ),
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help=translate("CliOptions", "model name (default from configuration, else qwen3-vl-plus)"),
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line; ``command`` is None when the window should open."""
    parser = _Parser(
        prog=APP_ID,
        description=translate(
            "CliOptions",
            "Ask Qwen vision-language models about images. Without a command, opens the window.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_ID} {__version__}",
        help=translate("CliOptions", "show program's version number and exit"),
    )
    add_endpoint_options(parser)
    capture = parser.add_mutually_exclusive_group()
    capture.add_argument(
        "--capture",
        action="store_true",
        help=translate("CliOptions", "open screen-region capture (in the running window)"),
    )
    capture.add_argument(
        "--capture-text",
        action="store_true",
        help=translate(
            "CliOptions",
            "capture a screen region and put its text on the clipboard (Extract text, in the "
            "running window; a notification says when)",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_ask(commands)
    _add_batch(commands)
    _add_jobs(commands)
    _add_models(commands)
    _add_key(commands)
    _add_config(commands)
    return parser


def empty_command_line() -> argparse.Namespace:
    """What :func:`build_parser` makes of no arguments at all — the window, with no option —
    without building it: the whole grammar and argparse's first messages cost ≈ 8 ms of the
    window's start, which is nearly always ``qwenvl-desktop`` alone (a test holds the two equal).
    """
    return argparse.Namespace(
        region=None, base_url=None, model=None, capture=False, capture_text=False, command=None
    )


def _add_ask(commands: Commands) -> None:
    ask = commands.add_parser(
        "ask", help=translate("CliOptions", "ask one question; the answer streams to stdout")
    )
    ask.add_argument(
        "prompt",
        metavar="PROMPT",
        nargs="?",
        help=translate(
            "CliOptions", "the question (with --task: more words added to the task's question)"
        ),
    )
    ask.add_argument(
        "--image",
        action=_AppendMedia,
        default=[],
        metavar="PATH_OR_URL",
        help=translate(
            "CliOptions",
            "an image to send (repeatable, order kept): a local file or an http(s) URL",
        ),
    )
    _add_ask_video(ask)
    add_endpoint_options(ask)
    ask.add_argument(
        "--no-stream",
        action="store_true",
        help=translate("CliOptions", "ask for the whole answer at once"),
    )
    thinking = ask.add_mutually_exclusive_group()
    thinking.add_argument(
        "--thinking",
        dest="thinking",
        action="store_true",
        default=None,
        help=translate("CliOptions", "switch thinking on"),
    )
    thinking.add_argument(
        "--no-thinking",
        dest="thinking",
        action="store_false",
        help=translate("CliOptions", "switch thinking off"),
    )
    ask.add_argument(
        "--thinking-budget",
        type=int,
        metavar="N",
        help=translate("CliOptions", "most reasoning tokens"),
    )
    ask.add_argument("--system", metavar="TEXT", help=translate("CliOptions", "a system prompt"))
    ask.add_argument(
        "--json",
        action="store_true",
        help=translate("CliOptions", "print one JSON object at the end instead of streaming"),
    )
    ask.add_argument(
        "--show-reasoning",
        action="store_true",
        help=translate("CliOptions", "reasoning text to stderr as it arrives"),
    )
    ask.add_argument(
        "--detail",
        choices=("standard", "high", "economy"),
        help=translate(
            "CliOptions",
            "image detail: standard, the pixels the model uses by default; high, up to 16,384 "
            "tokens per image where the model takes the high-resolution flag; economy, at most "
            "--economy-tokens per image",
        ),
    )
    ask.add_argument(
        "--economy-tokens",
        type=int,
        default=512,
        metavar="N",
        help=translate(
            "CliOptions",
            "with --detail economy: at most N image tokens per image (default 512; never more "
            "than standard, never under 4)",
        ),
    )
    ask.add_argument(
        "--temperature",
        type=float,
        metavar="T",
        help=translate(
            "CliOptions",
            "sampling temperature, 0 to under 2: lower gives steadier, more literal answers "
            "(default: the model's)",
        ),
    )
    ask.add_argument(
        "--top-p",
        type=float,
        metavar="P",
        help=translate(
            "CliOptions",
            "nucleus sampling, over 0 up to 1: pick only among the likeliest words whose "
            "probabilities add up to P (default: the model's)",
        ),
    )
    ask.add_argument(
        "--max-tokens",
        type=int,
        metavar="N",
        help=translate(
            "CliOptions",
            "the longest answer, in tokens; reasoning is not counted (default: the model's)",
        ),
    )
    ask.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=translate(
            "CliOptions",
            "the same seed makes repeated questions give more alike answers (default: random)",
        ),
    )
    _add_ask_task(ask)
    _add_ask_annotate(ask)


class _AppendMedia(argparse.Action):
    """``--image`` and ``--video``: each to its own list, and both to ``media`` in command-line
    order (the request sends images and videos in the order they were given)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest, None) or []), values])
        namespace.media = [*(getattr(namespace, "media", None) or []), (self.dest, values)]


class _VideoSetting(argparse.Action):
    """``--fps`` and ``--max-frames``: given before any ``--video``, the default of every video;
    given after one, that video's own (the last ``--video`` before it), as ffmpeg's options
    belong to the input they stand by. ``video_settings`` maps a video's place in ``media`` to
    its own settings (:func:`qwenvl_desktop.cli.video.video_settings` reads them)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        media = getattr(namespace, "media", None) or []
        videos = [place for place, (kind, _) in enumerate(media) if kind == "video"]
        if not videos:
            setattr(namespace, self.dest, values)
            return
        settings = dict(getattr(namespace, "video_settings", None) or {})
        settings[videos[-1]] = {**settings.get(videos[-1], {}), self.dest: values}
        namespace.video_settings = settings


def _fps(text: str) -> float:
    """``--fps``'s type: 0.1 to 10 frames a second (argparse exits 2 otherwise)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CliOptions", "%1 is not a number").replace("%1", repr(text))
        ) from None
    if not 0.1 <= value <= 10:
        raise argparse.ArgumentTypeError(
            translate("CliOptions", "%1 is outside 0.1 to 10 frames a second").replace(
                "%1", f"{value:g}"
            )
        )
    return value


def _whole_number(text: str) -> int:
    """An option's value as a whole number, or argparse's error saying it is not one."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CliOptions", "%1 is not a whole number").replace("%1", repr(text))
        ) from None


def _max_frames(text: str) -> int:
    """``--max-frames``'s type: a whole number, 4 or more (the service's least)."""
    value = _whole_number(text)
    if value < 4:
        raise argparse.ArgumentTypeError(
            translate("CliOptions", "%1 is below 4, the fewest frames a video can have").replace(
                "%1", str(value)
            )
        )
    return value


def _add_ask_video(ask: argparse.ArgumentParser) -> None:
    """``ask --video``: clips as frames, animated images as frame sets, links passed through."""
    ask.set_defaults(media=[], video_settings={})
    ask.add_argument(
        "--video",
        action=_AppendMedia,
        default=[],
        metavar="PATH_OR_URL",
        help=translate(
            "CliOptions",
            "a video to send (repeatable; videos and images keep their command-line order): "
            "a local clip (mp4, mov, webm, mkv, avi…) sent as frames, an animated GIF/APNG/WebP "
            "sent as its frames, or an http(s) link the service downloads",
        ),
    )
    ask.add_argument(
        "--fps",
        type=_fps,
        action=_VideoSetting,
        default=2.0,
        metavar="N",
        help=translate(
            "CliOptions",
            "frames a second taken from a local video, 0.1 to 10 (default 2); within the "
            "model's 4 to 512 frames (80 for older families). After a --video it is that video's "
            "alone; before every --video, each video's (--fps 1 --video A --video B --fps 3: A at "
            "1, B at 3)",
        ),
    )
    ask.add_argument(
        "--max-frames",
        type=_max_frames,
        action=_VideoSetting,
        metavar="N",
        help=translate(
            "CliOptions",
            "at most N frames of a video, spread evenly over the whole clip (the fps sent "
            "says their real spacing); after a --video, that video's alone, as --fps",
        ),
    )


def _add_ask_task(ask: argparse.ArgumentParser) -> None:
    """``ask --task`` and ``--output``: the document tasks of the window's quick actions."""
    ask.add_argument(
        "--task",
        choices=TASK_NAMES,
        help=translate(
            "CliOptions",
            "ask a document task's question instead of PROMPT: ocr (extract the text; the "
            "region's OCR model unless --model is given), table (a Markdown table), formula "
            "(LaTeX), document (a Markdown page, 'qwenvl markdown'), document-html (QwenVL HTML "
            "with element boxes)",
        ),
    )
    ask.add_argument(
        "--output",
        metavar="FILE",
        help=translate(
            "CliOptions",
            "also write the result to FILE: .csv the answer's tables as CSV, .tex the LaTeX, "
            ".md the Markdown, .html the page, else the text (fences removed)",
        ),
    )


def _add_ask_annotate(ask: argparse.ArgumentParser) -> None:
    """``ask --annotate``: the answer's boxes and points drawn on an image of the question."""
    ask.add_argument(
        "--annotate",
        metavar="OUT.png",
        help=translate(
            "CliOptions",
            "draw the answer's boxes and points (bbox_2d/point_2d JSON, QwenVL HTML data-bbox) "
            "on the first image at its original size and write OUT.png; nothing is written when "
            "the answer has none",
        ),
    )
    ask.add_argument(
        "--annotate-image",
        type=_at_least_one,
        metavar="N",
        help=translate("CliOptions", "the image --annotate draws on, 1 for the first (default: 1)"),
    )


def _at_least_one(text: str) -> int:
    """``--concurrency``'s type: a whole number, 1 or more (argparse exits 2 otherwise)."""
    number = _whole_number(text)
    if number < 1:
        raise argparse.ArgumentTypeError(
            translate("CliOptions", "%1 is below 1; at least one request must run").replace(
                "%1", str(number)
            )
        )
    return number


def _add_batch(commands: Commands) -> None:
    batch = commands.add_parser(
        "batch",
        help=translate(
            "CliOptions", "ask the same question about many images; one result row per image"
        ),
        description=translate(
            "CliOptions",
            "Ask PROMPT about each input, a few requests at a time, and write one row "
            "per input as it finishes. Rerun the same command to go on after a stop: inputs whose "
            "row succeeded (same file content, prompt and model) are skipped, failed ones asked "
            "again. Exit 0 when every row succeeded, 8 when some failed.",
        ),
    )
    batch.add_argument(
        "prompt",
        metavar="PROMPT",
        help=translate("CliOptions", "the question for every input (left out with --task)"),
    )
    batch.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help=translate(
            "CliOptions",
            "image files, folders (recursive), globs ('scans/**/*.png'), http(s) URLs, or a "
            ".csv/.jsonl list with a 'path' column and an optional per-row 'prompt'",
        ),
    )
    batch.add_argument(
        "--output",
        metavar="FILE",
        help=translate(
            "CliOptions",
            "results.jsonl or results.csv, appended row by row; without it, JSON lines go "
            "to stdout (nothing to resume from)",
        ),
    )
    batch.add_argument(
        "--concurrency",
        type=_at_least_one,
        default=4,
        metavar="N",
        help=translate(
            "CliOptions",
            "requests in flight at most; fewer while the service answers 429 (default: 4)",
        ),
    )
    batch.add_argument(
        "--task",
        metavar="NAME",
        help=translate(
            "CliOptions",
            "a quick prompt's question instead of PROMPT: describe, extract-text (or ocr, "
            "with the region's OCR model unless --model is given), explain-error, translate, or "
            "one saved in the window",
        ),
    )
    add_endpoint_options(batch)
    batch.add_argument(
        "--detail",
        choices=("standard", "high", "economy"),
        help=translate(
            "CliOptions",
            "image detail: standard, the pixels the model uses by default; high, up to 16,384 "
            "tokens per image where the model takes the high-resolution flag; economy, at most "
            "512 tokens per image",
        ),
    )
    batch.add_argument(
        "--via-batch-api",
        action="store_true",
        help=translate(
            "CliOptions",
            "send everything as one job of the service's Batch API (half price, done within "
            "24 h; needs --output) instead of asking now",
        ),
    )


def _add_jobs(commands: Commands) -> None:
    jobs = commands.add_parser(
        "jobs",
        help=translate(
            "CliOptions",
            "the service's Batch API jobs (batch --via-batch-api): list, status, cancel, results",
        ),
        description=translate(
            "CliOptions",
            "Jobs the Batch API runs for this key, asked of the service: they can be "
            "followed and fetched from any machine with the key. The key, configuration and "
            "endpoint are found as for ask.",
        ),
    )
    actions = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help=translate("CliOptions", "the newest jobs: id, status, progress, model")
    )
    listing.add_argument(
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help=translate("CliOptions", "most jobs shown"),
    )
    status = actions.add_parser(
        "status", help=translate("CliOptions", "one job's state and progress")
    )
    cancel = actions.add_parser(
        "cancel", help=translate("CliOptions", "stop a job; requests already answered are kept")
    )
    results = actions.add_parser(
        "results",
        help=translate("CliOptions", "write a finished job's rows, in the same format as batch"),
    )
    results.add_argument(
        "--output",
        metavar="FILE",
        help=translate(
            "CliOptions", "results.jsonl or results.csv, appended to (default: ID.jsonl)"
        ),
    )
    results.add_argument(
        "--wait",
        action="store_true",
        help=translate("CliOptions", "wait for the job to finish first"),
    )
    for action in (listing, status, cancel, results):
        if action is not listing:
            action.add_argument(
                "id", metavar="ID", help=translate("CliOptions", "the job's id (batch_…)")
            )
        add_endpoint_options(action)
        action.set_defaults(detail=None)


def _add_models(commands: Commands) -> None:
    models = commands.add_parser(
        "models",
        help=translate("CliOptions", "the catalog for a region, one model a line with its flags"),
        description=translate(
            "CliOptions",
            "The models a region offers, as the built-in catalog lists them: name, "
            "family and flags (what each flag means is printed below the list).",
        ),
    )
    models.add_argument(
        "--region",
        choices=(*REGION_IDS, CUSTOM_REGION),
        help=region_help(
            translate("CliOptions", "the region to list, or %1 for every model").replace(
                "%1", CUSTOM_REGION
            ),
            translate("CliOptions", "the configured region"),
            about_keys=False,
        ),
    )


def _add_key_target_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--region",
        choices=REGION_IDS,
        help=region_help(
            translate("CliOptions", "the region of the key"),
            translate("CliOptions", "the configured one"),
        ),
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        help=translate("CliOptions", "a custom endpoint instead of a region"),
    )


def _add_key(commands: Commands) -> None:
    key = commands.add_parser(
        "key",
        help=translate("CliOptions", "store, delete, list and check API keys (OS keyring)"),
        # APP_ID is the keyring service (core.keys.os_keyring.KEYRING_SERVICE); importing
        # that module here would load the keyring package for every start of the window.
        description=translate(
            "CliOptions",
            "API keys live in the OS keyring, one entry per region and per custom endpoint "
            "(service %1, user 'region:<id>' or 'endpoint:<url>'). "
            "DASHSCOPE_API_KEY_<REGION> and DASHSCOPE_API_KEY in the environment take precedence.",
        ).replace("%1", repr(APP_ID)),
    )
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)

    set_ = actions.add_parser(
        "set",
        help=translate(
            "CliOptions", "store a key: read from stdin when piped, else prompted without echo"
        ),
    )
    _add_key_target_options(set_)

    delete = actions.add_parser("delete", help=translate("CliOptions", "delete the stored key"))
    _add_key_target_options(delete)

    status = actions.add_parser(
        "status", help=translate("CliOptions", "each region: stored or not, and the key in use")
    )
    status.add_argument(
        "--base-url",
        action="append",
        metavar="URL",
        help=translate("CliOptions", "also list this custom endpoint"),
    )
    status.add_argument(
        "--json", action="store_true", help=translate("CliOptions", "machine-readable output")
    )

    check = actions.add_parser(
        "check",
        help=translate(
            "CliOptions", "check the key with GET {base}/models: valid, invalid or region mismatch"
        ),
    )
    _add_key_target_options(check)
    check.add_argument(
        "--try-other-regions",
        action="store_true",
        help=translate(
            "CliOptions",
            "when rejected, try the key at the other regions' endpoints (sends it to them)",
        ),
    )


def _add_config(commands: Commands) -> None:
    config = commands.add_parser(
        "config",
        help=translate(
            "CliOptions", "show the effective settings, or the configuration files consulted"
        ),
        description=translate(
            "CliOptions",
            "Settings come from TOML files in layers: built-in defaults < system file < user file "
            "< environment (QWENVL_DESKTOP_<NAME>) < command line. %1 names a file "
            "that takes the user file's place.",
        ).replace("%1", CONFIG_ENV),
    )
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help=translate("CliOptions", "the effective settings and the layer of each")
    )
    show.add_argument(
        "--json", action="store_true", help=translate("CliOptions", "machine-readable output")
    )
    show.add_argument(
        "--region",
        choices=REGION_IDS,
        help=region_help(
            translate("CliOptions", "as a command-line flag would"),
            translate("CliOptions", "from configuration"),
        ),
    )
    show.add_argument(
        "--base-url", metavar="URL", help=translate("CliOptions", "as a command-line flag would")
    )
    show.add_argument(
        "--model", metavar="NAME", help=translate("CliOptions", "as a command-line flag would")
    )
    show.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help=translate("CliOptions", "any setting, as a command-line flag (repeatable)"),
    )
    actions.add_parser(
        "path", help=translate("CliOptions", "the configuration files consulted, lowest first")
    )
