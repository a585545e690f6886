"""``qwenvl-desktop batch``: one question about many images, one result row per image.

The rows go to ``--output`` (``.jsonl`` or ``.csv``) as each request finishes — or to stdout as
JSON lines without it — and the progress to stderr: a bar (tqdm) on a terminal, a plain line
every few seconds otherwise. Rerunning the same command with the same output goes on where a
stopped run left off (:mod:`qwenvl_desktop.core.batch.results`). The engine is
:func:`qwenvl_desktop.core.batch.runner.run_batch`, or with ``--via-batch-api`` the service's
Batch API (:mod:`qwenvl_desktop.core.batch.batch_api`).

Exit statuses: 0 every row succeeded, 8 (:attr:`ExitCode.SOME_FAILED`) some rows are errors, 2 a
usage error (no inputs, an unreadable list, ``--concurrency`` below 1), 130 Ctrl+C (the rows done
are kept); an error every request would meet (a refused key: 3) ends the batch with its status.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qwenvl_desktop.cli.ask import _key_for, _settings_for, run_until_interrupted
from qwenvl_desktop.cli.exit_codes import ExitCode, UsageProblem
from qwenvl_desktop.core.batch.inputs import BatchInputError, BatchItem, collect_inputs
from qwenvl_desktop.core.batch.results import (
    BatchResult,
    DoneKey,
    ResultWriter,
    done_keys,
    drop_failed_rows,
)
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.settings import Settings

if TYPE_CHECKING:
    from qwenvl_desktop.core.batch.runner import BatchProgress, BatchSummary

__all__ = ["run_batch_command", "task_prompt"]

#: seconds between two plain progress lines (stderr not a terminal)
PLAIN_PROGRESS_EVERY = 5.0


def run_batch_command(args: argparse.Namespace) -> int:
    """Run ``batch``; an error that ends it is raised for :mod:`~qwenvl_desktop.cli.main`."""
    loaded = _settings_for(args)
    for problem in loaded.problems:
        print(translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr)
    settings = loaded.settings
    prompt, inputs = args.prompt, list(args.inputs)
    if args.task:
        inputs.insert(0, prompt)
        prompt, settings = task_prompt(args.task, settings, model_given=bool(args.model))
    try:
        items = collect_inputs(inputs, prompt) if inputs else []
        if not items:
            raise UsageProblem(
                translate(
                    "CliBatch", "No inputs given: name image files, folders, globs or a list."
                )
            )
        output = Path(args.output) if args.output else None
        done = _resume(output) if output else set()
    except BatchInputError as error:
        raise UsageProblem(str(error)) from None
    if args.via_batch_api and output is None:
        raise UsageProblem(
            translate("CliBatch", "--via-batch-api writes its rows to a file: add --output FILE.")
        )
    # The key only now: a usage problem is reported first (exit 2), before a missing key (3).
    key = _key_for(settings)
    if args.via_batch_api:
        assert output is not None
        failed = run_until_interrupted(_via_batch_api(items, settings, key, output))
    else:
        work = _run_locally(items, settings, key, output, done, args.concurrency)
        failed = run_until_interrupted(work)
    return ExitCode.OK if failed == 0 else ExitCode.SOME_FAILED


def task_prompt(name: str, settings: Settings, *, model_given: bool) -> tuple[str, Settings]:
    """The question of quick prompt ``name`` (as saved in the window, else the shipped one),
    and the settings to ask it with: an OCR prompt uses the region's OCR model unless
    ``--model`` named one (:func:`~qwenvl_desktop.core.prompts.quick_prompts.task_question`,
    as ``ask --task``)."""
    from qwenvl_desktop.core.prompts.quick_prompts import (
        QuickPrompts,
        QuickPromptsError,
        task_question,
    )

    try:
        _prompt, question, choice = task_question(
            name,
            QuickPrompts.load(),
            settings.model,
            settings.effective_region,
            model_given=model_given,
        )
    except QuickPromptsError as error:
        raise UsageProblem(str(error)) from None
    return question, replace(settings, model=choice.model)


def _resume(output: Path) -> set[DoneKey]:
    """What the previous runs into ``output`` did; their failed rows are removed to be redone."""
    if not output.exists():
        return set()
    dropped = drop_failed_rows(output)
    done = done_keys(output)
    if done or dropped:
        if dropped:
            line = translate(
                "CliBatch", "resuming: %1 rows already in %2; asking again the %3 that failed"
            )
        else:
            line = translate("CliBatch", "resuming: %1 rows already in %2")
        line = line.replace("%1", str(len(done))).replace("%2", str(output))
        print(line.replace("%3", str(dropped)), file=sys.stderr)
    return done


async def _run_locally(
    items: list[BatchItem],
    settings: Settings,
    key: str,
    output: Path | None,
    done: set[DoneKey],
    concurrency: int,
) -> int:
    """The rows, written as they finish; how many failed."""
    from qwenvl_desktop.core.batch.runner import run_batch

    progress = _ProgressReport(len(items), sys.stderr)
    writer = _RowWriter(output)

    def on_result(result: BatchResult) -> None:
        writer.write(result)
        if not result.ok:
            sentence = result.error_sentence
            named = sentence if result.input in sentence else f"{result.input}: {sentence}"
            progress.note(translate("CliBatch", "failed: %1").replace("%1", named))

    try:
        summary = await run_batch(
            items,
            settings=settings,
            key=key,
            concurrency=concurrency,
            done=done,
            on_result=on_result,
            on_progress=progress.update,
        )
    except asyncio.CancelledError:
        progress.close()  # the bar's last state first, then why it stopped
        if output:
            stopped = translate("CliBatch", "stopped; the rows done are in %1, rerun to go on")
        else:
            stopped = translate("CliBatch", "stopped")
        print(stopped.replace("%1", str(output)), file=sys.stderr)
        raise
    finally:
        progress.close()
        writer.close()  # waits for the rows finished so far to be written
    print(_summary_line(summary, output), file=sys.stderr)
    return summary.failed


async def _via_batch_api(items: list[BatchItem], settings: Settings, key: str, output: Path) -> int:
    from qwenvl_desktop.core.batch.batch_api import run_via_batch_api

    def on_status(sentence: str) -> None:
        print(sentence, file=sys.stderr, flush=True)

    summary = await run_via_batch_api(
        items, settings=settings, key=key, output=output, on_status=on_status
    )
    print(_summary_line(summary, output), file=sys.stderr)
    return summary.failed


def _summary_line(summary: BatchSummary, output: Path | None) -> str:
    parts = [
        translate("CliBatch", "%1 succeeded").replace("%1", str(summary.succeeded)),
        translate("CliBatch", "%1 failed").replace("%1", str(summary.failed)),
    ]
    if summary.skipped:
        skipped = translate("CliBatch", "%1 skipped (done before)")
        parts.append(skipped.replace("%1", str(summary.skipped)))
    if output:
        line = translate("CliBatch", "%1 inputs: %2 in %3 s, %4 tokens; rows in %5")
    else:
        line = translate("CliBatch", "%1 inputs: %2 in %3 s, %4 tokens")
    values = (
        summary.total,
        translate("CliBatch", ", ").join(parts),
        f"{summary.seconds:.1f}",
        f"{summary.tokens:,}",
        output,
    )
    for place, value in enumerate(values, start=1):
        line = line.replace(f"%{place}", str(value))
    return line


class _RowWriter:
    """Rows to the results file from a thread of their own, in the order they finished, or as
    JSON lines to stdout without one.

    Each row is made durable (``fsync``) before the next: a few milliseconds that the event loop
    would otherwise spend waiting instead of starting requests.
    """

    def __init__(self, output: Path | None) -> None:
        self._file = ResultWriter(output) if output else None
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="batch-rows") if output else None
        self._failure: BaseException | None = None
        if self._file is not None:
            self._file.open()

    def write(self, result: BatchResult) -> None:
        if self._failure is not None:  # the disk is full, say: stop the batch with it
            raise self._failure
        if self._thread is None:
            print(json.dumps(result.to_json(), ensure_ascii=False), flush=True)
        else:
            self._thread.submit(self._write, result)

    def _write(self, result: BatchResult) -> None:
        assert self._file is not None
        try:
            self._file.write(result)
        except OSError as error:
            self._failure = error

    def close(self) -> None:
        if self._thread is not None:
            self._thread.shutdown(wait=True)
        if self._file is not None:
            self._file.close()
        if self._failure is not None:
            raise self._failure


class _ProgressReport:
    """Progress on ``stream``: a tqdm bar on a terminal, else a plain line every few seconds.

    Skipped inputs shrink the bar's total instead of filling it, so that its rate and ETA are
    those of the requests actually made.
    """

    def __init__(self, total: int, stream: TextIO) -> None:
        self._stream = stream
        self._bar: Any = None
        self._last_line = 0.0
        self._last: BatchProgress | None = None
        self._closed = False
        if stream.isatty():
            from tqdm import tqdm

            # A terminal that reports no size (a pty made by `script`) would get a bar 0 wide.
            sized = shutil.get_terminal_size((0, 0)).columns > 0
            self._bar = tqdm(
                total=total,
                file=stream,
                unit="img",
                dynamic_ncols=sized,
                ncols=None if sized else 100,
                smoothing=0.1,
            )

    def update(self, progress: BatchProgress) -> None:
        self._last = progress
        if self._bar is not None:
            self._bar.total = progress.total - progress.skipped
            self._bar.set_postfix_str(self._postfix(progress), refresh=False)
            self._bar.update(progress.done - self._bar.n)
        elif time.monotonic() - self._last_line >= PLAIN_PROGRESS_EVERY:
            self._plain_line(progress)

    def note(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self._stream)
        else:
            print(line, file=self._stream, flush=True)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._bar is not None:
            self._bar.close()
        elif self._last is not None:
            self._plain_line(self._last)

    @staticmethod
    def _postfix(progress: BatchProgress) -> str:
        parts = [translate("CliBatch", "%1 tokens").replace("%1", f"{progress.tokens:,}")]
        if progress.failed:
            parts.append(translate("CliBatch", "%1 failed").replace("%1", str(progress.failed)))
        if progress.skipped:
            parts.append(translate("CliBatch", "%1 skipped").replace("%1", str(progress.skipped)))
        at_once = translate("CliBatch", "%1 at once")
        parts.append(at_once.replace("%1", str(progress.concurrency_now)))
        return translate("CliBatch", ", ").join(parts)

    def _plain_line(self, progress: BatchProgress) -> None:
        self._last_line = time.monotonic()
        todo = progress.total - progress.skipped
        rate = progress.done / progress.elapsed if progress.elapsed > 0 else 0.0
        if rate > 0:
            line = translate("CliBatch", "%1/%2 done, %3/s, ETA %4 s, %5")
        else:
            line = translate("CliBatch", "%1/%2 done, %3/s, %5")
        eta = f"{(todo - progress.done) / rate:.0f}" if rate > 0 else ""
        values = (progress.done, todo, f"{rate:.1f}", eta, self._postfix(progress))
        for place, value in enumerate(values, start=1):
            line = line.replace(f"%{place}", str(value))
        print(line, file=self._stream, flush=True)
