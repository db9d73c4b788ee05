"""The `pressnlp` command: a thin layer over the Python API.

Exit codes: 0 success (documents a stage does not apply to, such as a language without a
translation model, count as processed), 1 some documents failed (or a file is invalid), 2 usage
or config errors.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a writer killed by SIGPIPE


def _cmd_run(args: argparse.Namespace) -> int:
    from pressnlp.api import Pipeline

    pipeline = Pipeline.from_config(args.config, cache_dir=_cache_dir(args.out))
    formats = args.format.split(",") if args.format else None
    with _run_warnings_left_out_of_the_log():  # printed once, below
        summary = pipeline.run(args.corpus, args.out, workers=args.jobs, batch_size=args.batch_size,
                               formats=formats, engine=args.engine, scheduler=args.scheduler,
                               retry_failed=args.retry_failed or None,
                               progress=False if args.no_progress else None)
    print(f"{summary.documents} documents: {summary.processed} processed, {summary.cached} unchanged, "
          f"{summary.failed} with errors, {summary.ignored} other files skipped "
          f"({summary.seconds:.1f} s) -> {summary.out}")
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return summary.exit_code


@contextmanager
def _run_warnings_left_out_of_the_log() -> Iterator[None]:
    """The run's warnings are printed with its summary; the terminal's log handlers leave them out."""
    from pressnlp.core.stage import not_a_run_warning

    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(not_a_run_warning)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(not_a_run_warning)


def _cache_dir(out: str) -> Path:
    """Caches (translation memory) beside a local output folder, in the user cache otherwise."""
    from pressnlp.engines.storage import user_cache_dir

    return Path(out) / ".pressnlp" / "cache" if "://" not in out else user_cache_dir() / "cache"


def _cmd_validate(args: argparse.Namespace) -> int:
    from pressnlp.schema import validate_jsonl

    if not Path(args.file).is_file():
        raise PressnlpError(f"{args.file}: file not found")
    problems = list(validate_jsonl(args.file, kind=args.kind))
    for problem in problems[:200]:
        print(problem)
    if len(problems) > 200:
        print(f"... and {len(problems) - 200} more")
    print(f"{args.file}: {'valid' if not problems else f'{len(problems)} problems'}")
    return EXIT_FAILURES if problems else EXIT_OK


def _cmd_config_show(args: argparse.Namespace) -> int:
    import tomli_w

    from pressnlp.core.pipeline import Pipeline

    pipeline = Pipeline.from_config(args.config)
    sys.stdout.write(tomli_w.dumps(pipeline.effective_config()))
    return EXIT_OK


def _cmd_stages(args: argparse.Namespace) -> int:
    from pressnlp.core.registry import available_stages, get_stage

    for name in available_stages():
        try:
            stage = get_stage(name)
        except PressnlpError as exc:
            print(f"{name:<12} cannot be loaded: {exc}")
            continue
        print(f"{name:<12} requires: {', '.join(stage.requires) or '-':<22} "
              f"provides: {', '.join(stage.provides) or '-'}")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from pressnlp.evaluation import evaluate_run

    if not Path(args.gold).is_file():
        raise PressnlpError(f"{args.gold}: gold file not found")
    if not (Path(args.out) / "results.jsonl").is_file():
        raise PressnlpError(f"{args.out}: no results.jsonl; run `pressnlp run CORPUS -o {args.out}` first")
    result = evaluate_run(args.gold, args.out, split=args.split, without=args.without)
    print(result.table())
    if args.json:
        from pressnlp.io.writers import atomic_write_bytes

        atomic_write_bytes(args.json, result.to_json().encode("utf-8"))
        print(f"JSON: {args.json}")
    if args.plot:
        from pressnlp.evaluation.plots import write_plots

        for path in write_plots(result, args.plot):
            print(f"chart: {path}")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from pressnlp.report import show
    from pressnlp.schema import iter_jsonl

    results = Path(args.out) / "results.jsonl"
    if not results.is_file():
        raise PressnlpError(f"{args.out}: no results.jsonl; run `pressnlp run CORPUS -o {args.out}` first")
    for _, record in iter_jsonl(results):
        if isinstance(record, dict) and record.get("id") == args.id:
            print(show(record), end="")
            return EXIT_OK
    raise PressnlpError(f"{args.id}: no such document in {results}")


def _cmd_serve(args: argparse.Namespace) -> int:
    from pressnlp.web import serve

    serve(args.config, args.host, args.port, args.runs or [], store=args.store)
    return EXIT_OK


class ReleaseUnreadable(PressnlpError):
    """The release given to `translate` or `process` could not be read (exit code 1)."""


def _one_release(args: argparse.Namespace) -> dict[str, Any]:
    """The record of the release in FILE or on standard input ('-'), by the pipeline of `run`."""
    from pressnlp.api import Pipeline
    from pressnlp.engines.storage import user_cache_dir
    from pressnlp.io.readers import SUPPORTED_FORMATS, format_for_path

    if args.file == "-":
        data, name = sys.stdin.buffer.read(), "stdin"
        fmt = args.input_format or "txt"
    else:
        path = Path(args.file)
        if not path.is_file():
            raise PressnlpError(f"{args.file}: file not found")
        data, name = path.read_bytes(), path.name
        fmt = args.input_format or format_for_path(path.name)
        if fmt is None:
            raise PressnlpError(f"{args.file}: unsupported file type '{path.suffix}'; use one of "
                                f"{', '.join(SUPPORTED_FORMATS)} or say which with --input-format")
    if not data.strip():
        raise PressnlpError(f"{name}: no text to process")
    pipeline = Pipeline.from_config(args.config, cache_dir=user_cache_dir() / "cache")
    record = pipeline.process_bytes(data, id=name, format=fmt)
    if (record.get("stages") or {}).get("read", {}).get("status") in ("failed", "error"):
        message = "; ".join(error["message"] for error in record["errors"] if error.get("stage") == "read")
        raise ReleaseUnreadable(f"{name}: {message}")
    return record


def _write_output(args: argparse.Namespace, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if args.output:
        Path(args.output).write_bytes(data)
    elif isinstance(content, bytes) and sys.stdout.isatty():
        raise PressnlpError("a Word document is not for the terminal: give -o FILE.docx or redirect the output")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _cmd_translate(args: argparse.Namespace) -> int:
    from pressnlp.io.writers import dumps_json
    from pressnlp.report.exports import to_docx, to_markdown

    record = _one_release(args)
    if args.format == "json":
        _write_output(args, dumps_json(record, indent=2) + "\n")
    elif args.format == "md":
        _write_output(args, to_markdown(record))
    elif args.format == "docx":
        _write_output(args, to_docx(record))
    else:
        translation = record.get("translation")
        if translation is None:
            from pressnlp.report.views import failure_message, skipped_messages

            language = (record.get("language") or {}).get("code")
            reasons = [m.summary for m in skipped_messages(record["stages"]) if m.stage == "translate"] + [
                failure_message(e, language).summary for e in record["errors"] if e.get("stage") == "translate"]
            if reasons:
                print(f"pressnlp: {reasons[0]}", file=sys.stderr)
                return EXIT_FAILURES
        text = translation["text"] if translation else record["text"]
        _write_output(args, text.rstrip("\n") + "\n")
    return EXIT_FAILURES if record["errors"] else EXIT_OK


def _cmd_process(args: argparse.Namespace) -> int:
    from pressnlp.io.writers import dumps_json

    record = _one_release(args)
    _write_output(args, dumps_json(record, indent=None if args.jsonl else 2) + "\n")
    return EXIT_FAILURES if record["errors"] else EXIT_OK


def _cmd_models_convert(args: argparse.Namespace) -> int:
    from pressnlp.models import convert_model

    target = convert_model(args.source, args.target, quantization=args.quantization)
    print(f"converted {args.source} -> {target} ({args.quantization})")
    return EXIT_OK


def _cmd_models_fetch(args: argparse.Namespace) -> int:
    from pressnlp.core.config import load_config
    from pressnlp.core.stage import build_options
    from pressnlp.models import fetch_model
    from pressnlp.stages.translate.stage import TranslateOptions

    config = load_config(args.config)
    options = build_options(TranslateOptions, config.stage_options.get("translate", {}),
                            prefix="stages.translate", source=config.source)
    model_id = args.model or options.models.get(args.language)
    if model_id is None:
        configured = ", ".join(sorted(options.models)) or "none"
        raise PressnlpError(f"no translation model configured for '{args.language}' (configured: {configured}); "
                            f"name one with --model or in [stages.translate] models")
    model_dir = Path(args.model_dir) if args.model_dir else options.model_dir
    target = fetch_model(model_id, model_dir=model_dir, revision=args.revision, quantization=args.quantization,
                         force=args.force)
    print(f"fetched {model_id}@{args.revision} and converted it ({args.quantization}) -> {target}; "
          f"backend 'auto' now translates {args.language} with it")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pressnlp", description="Press releases in, knowledge out.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="process a corpus folder into an output folder")
    run.add_argument("corpus", help="folder of releases (.txt .md .html .docx .pdf), searched recursively; "
                     "a path or an fsspec URL (file://, memory://, s3://...)")
    run.add_argument("-o", "--out", required=True,
                     help="output folder (results.jsonl, docs/, manifest.json); a path or an fsspec URL")
    run.add_argument("-c", "--config", help="pipeline config (TOML); default: the packaged one")
    run.add_argument("-j", "--jobs", "--workers", type=int, default=None,
                     help="worker processes (default: config run.workers)")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes, or a Dask cluster (pip install 'pressnlp[dask]')")
    run.add_argument("--scheduler", help="with --engine dask: address of an existing Dask scheduler")
    run.add_argument("--batch-size", type=int, default=None, help="documents per batch")
    run.add_argument("--format", help="output formats, comma-separated: jsonl,parquet")
    run.add_argument("--retry-failed", action="store_true", help="re-process documents that failed before")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.set_defaults(handler=_cmd_run)

    validate = commands.add_parser("validate", help="check a results (or gold) file against the schema")
    validate.add_argument("file")
    validate.add_argument("--kind", choices=("result", "gold"), default="result")
    validate.set_defaults(handler=_cmd_validate)

    config = commands.add_parser("config", help="pipeline configs")
    config_commands = config.add_subparsers(dest="config_command", required=True, metavar="SUBCOMMAND")
    show = config_commands.add_parser("show", help="print the effective config with every default")
    show.add_argument("-c", "--config", help="a config file to merge over the default")
    show.set_defaults(handler=_cmd_config_show)

    stages = commands.add_parser("stages", help="list the stages that can be used in a config")
    stages.set_defaults(handler=_cmd_stages)

    evaluate = commands.add_parser("evaluate", help="score a run against gold annotations (SPEC.md section 3)")
    evaluate.add_argument("out", help="output folder of a run (with results.jsonl)")
    evaluate.add_argument("--gold", required=True, help="gold annotations (JSON Lines), e.g. corpus/gold.jsonl")
    evaluate.add_argument("--split", choices=("dev", "test"), help="score only this split of the gold")
    evaluate.add_argument("--json", help="also write the scores, with per-document detail, to this file")
    evaluate.add_argument("--plot", help="also write PNG charts into this folder")
    evaluate.add_argument("--without", action="append", default=[], metavar="PART",
                          help="also score the run's facts extracted again without this part of the extract stage "
                               "(gazetteer: the built-in gazetteer), with the run's own config; repeatable")
    evaluate.set_defaults(handler=_cmd_evaluate)

    show_cmd = commands.add_parser("show", help="print one release's facts and summary")
    show_cmd.add_argument("out", help="output folder of a run")
    show_cmd.add_argument("id", help="document id, e.g. pl/2024-03-gzm-rowery.txt")
    show_cmd.set_defaults(handler=_cmd_show)

    serve = commands.add_parser("serve", help="a local web page: paste or upload a release, browse runs")
    serve.add_argument("-c", "--config", help="pipeline config (TOML); default: the packaged one")
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind (default: this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--runs", nargs="*", metavar="OUT", help="output folders to browse")
    serve.add_argument("--store", metavar="DIR",
                       help="folder that keeps the releases processed on the page "
                            "(default: $XDG_DATA_HOME/pressnlp/web-runs)")
    serve.set_defaults(handler=_cmd_serve)

    one_file = argparse.ArgumentParser(add_help=False)
    one_file.add_argument("file", metavar="FILE", help="a release (.txt .md .html .docx .pdf), or - for standard input")
    one_file.add_argument("-c", "--config", help="pipeline config (TOML); default: the packaged one")
    one_file.add_argument("--input-format", choices=("txt", "md", "html", "docx", "pdf"),
                          help="what FILE is (default: by its extension; txt for standard input)")
    one_file.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    translate = commands.add_parser("translate", parents=[one_file],
                                    help="print the English of one release (same pipeline and glossary as run)")
    translate.add_argument("--format", choices=("text", "md", "docx", "json"), default="text",
                           help="text (default), Markdown or Word with the facts, or the result record")
    translate.set_defaults(handler=_cmd_translate)
    process = commands.add_parser("process", parents=[one_file],
                                  help="print the result record (JSON) of one release")
    process.add_argument("--jsonl", action="store_true", help="the record on one line")
    process.set_defaults(handler=_cmd_process)

    models = commands.add_parser("models", help="translation models")
    model_commands = models.add_subparsers(dest="models_command", required=True, metavar="SUBCOMMAND")
    convert = model_commands.add_parser("convert", help="convert a transformers model for CTranslate2")
    convert.add_argument("source", help="model folder or hub id")
    convert.add_argument("target", help="output folder")
    convert.add_argument("--quantization", default="int8", help="int8, int8_float16, float16, float32")
    convert.set_defaults(handler=_cmd_models_convert)
    fetch = model_commands.add_parser("fetch", help="download a language's configured model and convert it (needs "
                                      "the Hugging Face hub or HF_ENDPOINT)")
    fetch.add_argument("language", help="source language code, e.g. pl ([stages.translate] models names its model)")
    fetch.add_argument("-c", "--config", help="pipeline config (TOML); default: the packaged one")
    fetch.add_argument("--model", help="hub id to fetch instead of the configured one")
    fetch.add_argument("--revision", default="main", help="branch, tag or commit (default: main)")
    fetch.add_argument("--model-dir", help="where models go (default: [stages.translate] model_dir, models/)")
    fetch.add_argument("--quantization", default="int8", help="int8 (default), int8_float16, float16, float32")
    fetch.add_argument("--force", action="store_true", help="fetch and convert again over an existing model")
    fetch.set_defaults(handler=_cmd_models_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _dispatch(argv)
    except BrokenPipeError:
        # `pressnlp evaluate ... | head` closed our stdout: that reader's choice is no error of ours, and the
        # interpreter's own flush at exit must not fail on the same pipe and print a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _dispatch(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ReleaseUnreadable as exc:
        print(f"pressnlp: error: {exc}", file=sys.stderr)
        return EXIT_FAILURES
    except PressnlpError as exc:
        print(f"pressnlp: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pressnlp: interrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
