"""Fixtures of the reliability tests: one default pipeline, warmed up with networking blocked.

The default pipeline loads its language models lazily on the first document (tens of seconds on
a busy machine), so the tests share one instance.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hostile import POLISH_RELEASE, NetworkGuard

from pressnlp import Pipeline


@pytest.fixture
def no_network(monkeypatch) -> NetworkGuard:
    return NetworkGuard().install(monkeypatch)


@dataclass
class WarmPipeline:
    pipeline: Pipeline
    network_attempts: list[str]


@pytest.fixture(scope="session")
def warm_default(tmp_path_factory) -> WarmPipeline:
    """The packaged default pipeline, built and its models loaded with networking blocked, its
    translation memory in a temp folder. Shared: loading takes most of a test run's time."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        guard = NetworkGuard().install(monkeypatch)
        pipeline = Pipeline.from_config(None, cache_dir=tmp_path_factory.mktemp("cache"))
        pipeline.process_text(POLISH_RELEASE, id="warm-up.txt")
    return WarmPipeline(pipeline, guard.attempts)


@pytest.fixture
def default_pipeline(warm_default) -> Pipeline:
    return warm_default.pipeline


