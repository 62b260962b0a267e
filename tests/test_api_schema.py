"""Property tests of the HTTP API against its own OpenAPI schema (schemathesis).

For every operation, schemathesis generates requests from /openapi.json (valid and invalid ones) and checks
that none gets a 5xx and that every response, errors included, conforms to the documented schema.
Bounded (30 examples per operation) so the module stays well under a minute; the fake coder keeps
``POST /v1/code`` and ``POST /v1/articles`` fast.
"""

from __future__ import annotations

import warnings

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from brinkwatch.api import create_app
from brinkwatch.config import Settings
from test_api import HTTPX_WARNING
from test_api_support import CountingFactory, build_db

TOKEN = "schema-token"
pytestmark = pytest.mark.filterwarnings(f"ignore:{HTTPX_WARNING}")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    path = build_db(tmp_path_factory.mktemp("schema") / "bw.duckdb", 12)
    app = create_app(path, settings=Settings(api_token=TOKEN), coder_factory=CountingFactory())
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=HTTPX_WARNING)
        return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")
SLOW = r"/tension$"  # change-point search: seconds per long series, so fewer examples
HEALTH = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture]


def check(case) -> None:
    # positive_data_acceptance is left out on purpose: some valid-looking values are refused by rules a JSON
    # schema cannot state (an opaque cursor the server did not make, since after until, text that is only
    # whitespace or not English), and those refusals are the behaviour we want.
    # The right token goes with every request, so generated writes reach the handler; schemathesis
    # itself also tries them without it (and must get 401).
    response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                      excluded_checks=[schemathesis.checks.positive_data_acceptance])
    assert response.status_code < 500
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["status"] == response.status_code
        assert error["code"].startswith("E")


@schema.exclude(path_regex=SLOW).parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=HEALTH)
def test_api_conforms_to_its_schema(case):
    check(case)


@schema.include(path_regex=SLOW).parametrize()
@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=HEALTH)
def test_tension_conforms_to_its_schema(case):
    check(case)
