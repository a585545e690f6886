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
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol import ChatClient, Endpoint
from qwenvl_desktop.core.settings import Settings

__all__ = ["run_jobs_command"]


def run_jobs_command(args: argparse.Namespace) -> int:
    loaded = _settings_for(args)
    for problem in loaded.problems:
        print(translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr)
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
                sentence = translate(
                    "CliJobs",
                    "The service stops it shortly; requests already answered are kept: %1.",
                )
                print(sentence.replace("%1", results_later_sentence(job.id)))
    return ExitCode.OK


def _when(timestamp: int | None) -> str:
    if timestamp is None:
        return "-"
    moment = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def _print_list(jobs: list[BatchJob]) -> None:
    if not jobs:
        print(translate("CliJobs", "No batch jobs for this key at this endpoint."))
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
    print(translate("CliJobs", "created: %1").replace("%1", _when(job.created_at)))
    if job.metadata.get("model"):
        print(translate("CliJobs", "model: %1").replace("%1", str(job.metadata["model"])))
    for reason in job.errors:
        print(translate("CliJobs", "error: %1").replace("%1", str(reason)))
    if job.finished and (job.output_file_id or job.error_file_id):
        print(
            translate("CliJobs", "rows: `qwenvl-desktop jobs results %1 --output FILE`").replace(
                "%1", job.id
            )
        )
    elif not job.finished:
        print(
            translate("CliJobs", "still running: %1").replace("%1", results_later_sentence(job.id))
        )


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
        sentence = translate(
            "CliJobs", "%1 is still %2; nothing was written. Try again later, or add --wait."
        )
        raise UsageProblem(sentence.replace("%1", job.id).replace("%2", job.progress()))
    summary = translate("CliJobs", "%1 (%2): %3 rows answered, %4 failed, in %5")
    for place, value in enumerate((job.id, job.status, succeeded, failed, output), start=1):
        summary = summary.replace(f"%{place}", str(value))
    print(summary)
    return ExitCode.SOME_FAILED if failed else ExitCode.OK
