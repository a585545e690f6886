"""``qwenvl-desktop jobs``: the service's Batch API jobs, later and from any machine with the key.

``list`` and ``status ID`` ask the service (nothing is kept locally for them); ``cancel ID``
stops a job (requests already answered stay in its output); ``results ID`` writes a finished
job's rows in the same format as ``batch`` (``--wait`` waits for it first). The key, the
configuration and the endpoint are found as for ``ask``.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from qwenvl_desktop.cli.ask import _key_for, _settings_for, run_until_interrupted
from qwenvl_desktop.cli.exit_codes import ExitCode, UsageProblem
from qwenvl_desktop.core.batch.batch_api import (
    BatchApi,
    BatchJob,
    Poll,
    fetch_job_results,
    results_later_sentence,
)
from qwenvl_desktop.core.protocol import ChatClient, Endpoint
from qwenvl_desktop.core.settings import Settings

__all__ = ["run_jobs_command"]


def run_jobs_command(args: argparse.Namespace) -> int:
    loaded = _settings_for(args)
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    settings = loaded.settings
    key = _key_for(settings)
    if args.jobs_command == "results":
        return run_until_interrupted(_results(args, settings, key))
    return run_until_interrupted(_ask_service(args, settings, key))


async def _ask_service(args: argparse.Namespace, settings: Settings, key: str) -> int:
    endpoint = Endpoint(settings.endpoint_base_url(), key, settings.effective_region)
    async with ChatClient(settings.client_settings()) as client:
        api = BatchApi(client, endpoint)
        if args.jobs_command == "list":
            _print_list(await api.list(limit=args.limit))
        elif args.jobs_command == "status":
            _print_status(await api.retrieve(args.id))
        else:  # cancel
            job = await api.cancel(args.id)
            print(f"{job.id}: {job.progress()}")
            if not job.finished:
                print(
                    "The service stops it shortly; requests already answered are kept: "
                    f"{results_later_sentence(job.id)}."
                )
    return ExitCode.OK


def _when(timestamp: int | None) -> str:
    if timestamp is None:
        return "-"
    moment = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def _print_list(jobs: list[BatchJob]) -> None:
    if not jobs:
        print("No batch jobs for this key at this endpoint.")
        return
    width = max(len("ID"), *(len(job.id) for job in jobs))
    print(f"{'ID':<{width}}  {'STATUS':<11}  {'DONE':>13}  {'FAILED':>6}  {'CREATED':<16}  MODEL")
    for job in jobs:
        done = f"{job.completed}/{job.total}"
        model = job.metadata.get("model", "")
        print(
            f"{job.id:<{width}}  {job.status:<11}  {done:>13}  {job.failed:>6}  "
            f"{_when(job.created_at):<16}  {model}"
        )


def _print_status(job: BatchJob) -> None:
    print(f"{job.id}: {job.progress()}")
    print(f"created: {_when(job.created_at)}")
    if job.metadata.get("model"):
        print(f"model: {job.metadata['model']}")
    for reason in job.errors:
        print(f"error: {reason}")
    if job.finished and (job.output_file_id or job.error_file_id):
        print(f"rows: `qwenvl-desktop jobs results {job.id} --output FILE`")
    elif not job.finished:
        print(f"still running: {results_later_sentence(job.id)}")


async def _results(args: argparse.Namespace, settings: Settings, key: str) -> int:
    output = args.output or f"{args.id}.jsonl"

    def on_change(job: BatchJob) -> None:
        print(f"{job.id}: {job.progress()}", file=sys.stderr, flush=True)

    job, succeeded, failed = await fetch_job_results(
        args.id,
        settings=settings,
        key=key,
        output=output,
        poll=Poll() if args.wait else None,
        on_change=on_change,
    )
    if not job.finished:  # asked for rows that do not exist yet: the request cannot be met
        raise UsageProblem(
            f"{job.id} is still {job.progress()}; nothing was written. Try again later, or "
            "add --wait."
        )
    print(f"{job.id} ({job.status}): {succeeded} rows answered, {failed} failed, in {output}")
    return ExitCode.SOME_FAILED if failed else ExitCode.OK
