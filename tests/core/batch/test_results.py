"""The results file: one row per input, whole rows only, readable again to resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from qwenvl_desktop.core.batch.inputs import BatchInputError
from qwenvl_desktop.core.batch.results import (
    BatchResult,
    ResultWriter,
    custom_id_for,
    done_keys,
    drop_failed_rows,
    encode_row,
    format_of,
    read_results,
)

OK = BatchResult(
    input="/data/receipt 1.png",
    prompt="Total?",
    model="qwen3-vl-plus",
    content='Line one\nline "two", with a comma — and ünïcode',
    reasoning="thinking…",
    usage={"prompt_tokens": 1200, "completion_tokens": 30, "total_tokens": 1230},
    finish_reason="stop",
    seconds=1.25,
    sha256="ab" * 32,
)
FAILED = BatchResult(
    input="/data/cat.png",
    prompt="Total?",
    model="qwen3-vl-plus",
    error={
        "kind": "moderation",
        "sentence": "The content was blocked.",
        "code": "data_inspection_failed",
        "status": 400,
        "request_id": "req-1",
    },
    seconds=0.5,
    sha256="cd" * 32,
)


@pytest.fixture(params=["results.jsonl", "results.csv"])
def output(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return tmp_path / request.param


def test_rows_read_back_as_written(output: Path) -> None:
    with ResultWriter(output) as writer:
        writer.write(OK)
        writer.write(FAILED)

    assert read_results(output) == [OK, FAILED]
    assert done_keys(output) == {OK.done_key}
    assert OK.ok and not FAILED.ok and OK.total_tokens == 1230


def test_a_row_cut_short_is_left_out_and_repaired_by_the_next_append(output: Path) -> None:
    with ResultWriter(output) as writer:
        writer.write(OK)
    whole = output.read_bytes()
    # A power cut midway through the second row (kill -9 cannot do this: one write per row).
    torn = encode_row(FAILED, format_of(output))
    output.write_bytes(whole + torn[: len(torn) // 2])

    assert read_results(output) == [OK]
    with ResultWriter(output) as writer:
        writer.write(FAILED)
    assert read_results(output) == [OK, FAILED]
    assert output.read_bytes() == whole + torn


def test_a_cut_inside_a_quoted_csv_cell_is_recognised(tmp_path: Path) -> None:
    output = tmp_path / "r.csv"
    with ResultWriter(output) as writer:
        writer.write(OK)
    row = encode_row(OK, "csv")
    output.write_bytes(output.read_bytes() + row[: row.index(b"\n") + 1])  # ends inside "…"

    assert read_results(output) == [OK]


def test_drop_failed_rows_keeps_one_row_per_input_for_the_rerun(output: Path) -> None:
    with ResultWriter(output) as writer:
        writer.write(FAILED)
        writer.write(OK)

    assert drop_failed_rows(output) == 1
    assert read_results(output) == [OK]
    assert drop_failed_rows(output) == 0


def test_a_file_that_is_not_a_results_file_is_refused_not_appended_to(output: Path) -> None:
    output.write_text("name,age\nann,3\n" if output.suffix == ".csv" else "hello\n{}\n")
    before = output.read_bytes()

    with pytest.raises(BatchInputError, match="choose another --output file"):
        ResultWriter(output).open()
    with pytest.raises(BatchInputError):
        read_results(output)
    assert output.read_bytes() == before


def test_the_custom_id_is_stable_and_names_the_question() -> None:
    assert OK.custom_id == custom_id_for(OK.input, OK.sha256, OK.prompt, OK.model)
    assert len(OK.custom_id) == 16
    assert custom_id_for(OK.input, OK.sha256, "other prompt", OK.model) != OK.custom_id
