"""Pipeline configs: a versioned TOML file merged over the packaged default."""
from __future__ import annotations

import copy
import dataclasses
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import build_options, options_to_dict

CONFIG_VERSION = 1
TOP_LEVEL_KEYS = ("version", "pipeline", "limits", "run", "stages")
OUTPUT_FORMATS = ("jsonl", "parquet")


@dataclass
class PipelineSection:
    stages: list[str] = field(default_factory=list)
    target_language: str = "en"


@dataclass
class LimitsSection:
    """Guards against pathological documents; they change results, so they are in the fingerprint."""

    doc_timeout_s: float = 120.0
    """Time one stage may spend on one document (0 = no limit); with worker processes, a worker
    that takes longer than this per document of its batch, all stages together, is replaced."""
    max_text_chars: dict[str, int] = field(default_factory=lambda: {"default": 2_000_000, "translate": 300_000})
    """Longest text (characters) a stage is given; per stage name, `default` for the others."""

    def __post_init__(self) -> None:
        if self.doc_timeout_s < 0 or any(v < 1 for v in self.max_text_chars.values()):
            raise ValueError("limits must be positive")

    def text_limit(self, stage: str) -> int:
        return self.max_text_chars.get(stage, self.max_text_chars.get("default", 2_000_000))


@dataclass
class RunSection:
    """How a corpus run is scheduled; none of it changes what a record contains."""

    workers: int = 1
    batch_size: int = 16
    formats: list[str] = field(default_factory=lambda: ["jsonl"])
    retry_failed: bool = False

    def __post_init__(self) -> None:
        if self.workers < 1 or self.batch_size < 1:
            raise ValueError("workers and batch_size must be at least 1")
        unknown = sorted(set(self.formats) - set(OUTPUT_FORMATS))
        if unknown:
            raise ValueError(f"unknown output format '{unknown[0]}'; valid: {', '.join(OUTPUT_FORMATS)}")


@dataclass
class Config:
    """A loaded config. Stage option tables stay raw here: each stage validates its own."""

    pipeline: PipelineSection
    limits: LimitsSection
    run: RunSection
    stage_options: dict[str, dict[str, Any]]
    version: int = CONFIG_VERSION
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version,
                "pipeline": dataclasses.asdict(self.pipeline),
                "limits": dataclasses.asdict(self.limits),
                "run": dataclasses.asdict(self.run),
                "stages": copy.deepcopy(self.stage_options)}


def default_config_dict() -> dict[str, Any]:
    text = resources.files("pressnlp.core").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def read_toml(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", source=str(path)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML syntax error: {exc}", source=str(path)) from None


def load_config(config: str | Path | dict[str, Any] | Config | None = None) -> Config:
    """A Config from a TOML path, a dict in the same shape, or None for the default."""
    if isinstance(config, Config):
        return config
    source: str | None = None
    user: dict[str, Any] = {}
    if isinstance(config, (str, Path)):
        source = str(config)
        user = read_toml(config)
    elif isinstance(config, dict):
        user = config
    unknown = sorted(set(user) - set(TOP_LEVEL_KEYS))
    if unknown:
        raise ConfigError(f"unknown section '{unknown[0]}'; valid: {', '.join(TOP_LEVEL_KEYS)}",
                          source=source, key=unknown[0])
    version = user.get("version", CONFIG_VERSION)
    if version != CONFIG_VERSION:
        raise ConfigError(f"unsupported config version {version!r}; this pressnlp reads version "
                          f"{CONFIG_VERSION}", source=source, key="version")
    merged = _merge(default_config_dict(), user)
    if "pipeline" in user and "stages" in user["pipeline"]:
        merged["pipeline"]["stages"] = list(user["pipeline"]["stages"])
    for section in ("pipeline", "limits", "run", "stages"):
        if not isinstance(merged.get(section, {}), dict):
            raise ConfigError("expected a table", source=source, key=section)
    pipeline = build_options(PipelineSection, merged.get("pipeline", {}), prefix="pipeline", source=source)
    limits = build_options(LimitsSection, merged.get("limits", {}), prefix="limits", source=source)
    run = build_options(RunSection, merged.get("run", {}), prefix="run", source=source)
    stage_options = merged.get("stages", {})
    for name, table in stage_options.items():
        if not isinstance(table, dict):
            raise ConfigError("expected a table of options", source=source, key=f"stages.{name}")
        if name not in pipeline.stages:
            raise ConfigError(f"options given for stage '{name}', which is not in pipeline.stages "
                              f"({', '.join(pipeline.stages)})", source=source, key=f"stages.{name}")
    if not pipeline.stages:
        raise ConfigError("the pipeline has no stages", source=source, key="pipeline.stages")
    return Config(pipeline=pipeline, limits=limits, run=run, stage_options=stage_options, version=version,
                  source=source)


def effective_config(config: Config, stage_options: dict[str, Any]) -> dict[str, Any]:
    """The config with every stage's options filled in from its defaults (for `config show`)."""
    data = config.to_dict()
    data["stages"] = {name: options_to_dict(options) for name, options in stage_options.items()}
    return data
