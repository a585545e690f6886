"""The exit statuses are a contract (README): one table, and which error ends in which status."""

from __future__ import annotations

import pytest

from qwenvl_desktop.cli.exit_codes import ExitCode, UsageProblem, exit_code_for
from qwenvl_desktop.core.protocol.errors import (
    Interrupted,
    MissingKeyError,
    ProxyAuthError,
    QwenVLError,
    RedirectRefused,
    error_from_response,
)
from qwenvl_desktop.core.protocol.request import RequestError


def test_the_table_is_the_documented_contract() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0,
        "USAGE": 2,
        "AUTH": 3,
        "RATE": 4,
        "NETWORK": 5,
        "API": 6,
        "MODERATION": 7,
        "SOME_FAILED": 8,
        "INTERRUPTED": 130,
        "BROKEN_PIPE": 141,
    }


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UsageProblem("drop --no-stream"), ExitCode.USAGE),
        (RequestError("a request must end with a user turn"), ExitCode.USAGE),
        (MissingKeyError("No API key for region 'cn'."), ExitCode.AUTH),
        (QwenVLError("something else"), ExitCode.API),
        (RuntimeError("a bug"), ExitCode.API),
        (Interrupted(), ExitCode.INTERRUPTED),
        (ProxyAuthError(), ExitCode.NETWORK),
        (RedirectRefused(), ExitCode.API),
        # moderation through a LiteLLM gateway: the code in "type", the status in "code"
        (
            error_from_response(
                400,
                {"error": {"message": "blocked", "type": "data_inspection_failed", "code": "400"}},
            ),
            ExitCode.MODERATION,
        ),
    ],
)
def test_given_an_error_when_a_command_ends_with_it_then_its_status_is_from_the_table(
    error: BaseException, code: ExitCode
) -> None:
    assert exit_code_for(error) == code
