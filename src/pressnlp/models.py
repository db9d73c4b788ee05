"""Finding model files on this machine, and converting them for CTranslate2.

Press offices often work offline, so a model name is resolved locally first and the network is
used only when the user opted in: an explicit path, then `models/<name>`, then the Hugging Face
cache, then (opt-in, not under HF_HUB_OFFLINE) the hub. A model that cannot be found is an error
that says where we looked and how to get it there.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import cache
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError

log = logging.getLogger(__name__)

# Tokenizer files a converted CTranslate2 model directory needs beside model.bin.
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json",
                   "special_tokens_map.json", "tokenizer.json", "sentencepiece.bpe.model", "spiece.model")
CONVERTED_SUFFIX = "-ct2"
# Written beside a converted model: where it came from and what CTranslate2's files do not say.
CONVERSION_INFO = "pressnlp-conversion.json"
_TRUE = {"1", "true", "yes", "on"}
# model_digest: files up to this size (config, tokenizer, vocabularies) are hashed whole; larger
# ones (weights) by their size and this many evenly spread blocks of this many bytes.
WHOLE_FILE_LIMIT = 16 * 2**20
SAMPLE_BLOCKS, SAMPLE_BLOCK_BYTES = 16, 64 * 2**10


class ModelNotFound(PressnlpError):
    """A model name that resolves to no local directory (and no permitted download)."""


def hub_offline() -> bool:
    """True when the environment forbids Hugging Face hub access."""
    return any(os.environ.get(var, "").strip().lower() in _TRUE
               for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _local_candidates(name: str, model_dir: Path, suffix: str = "") -> list[Path]:
    """`name` as a path, then inside `model_dir` as sub-folders, as `org--model`, and as the bare model."""
    candidates = [Path(name + suffix).expanduser()]
    for relative in (name, name.replace("/", "--"), name.rsplit("/", 1)[-1]):
        candidates.append(Path(model_dir).expanduser() / (relative + suffix))
    unique: list[Path] = []
    for path in candidates:
        if path not in unique:
            unique.append(path)
    return unique


def _looks_like_hub_id(name: str) -> bool:
    parts = name.split("/")
    return 1 <= len(parts) <= 2 and all(parts) and not name.startswith((".", "~"))


def _hf_snapshot(name: str, *, local_only: bool) -> Path | None:
    try:
        from huggingface_hub import constants
    except ImportError:
        return None
    if local_only and not (Path(constants.HF_HUB_CACHE) / f"models--{name.replace('/', '--')}").is_dir():
        return None  # nothing cached: known without importing the hub client (a quarter of a second)
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import LocalEntryNotFoundError
    except ImportError:
        return None
    try:
        return Path(snapshot_download(name, local_files_only=local_only))
    except LocalEntryNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - invalid ids, network trouble: report as not found
        log.debug("hub lookup of %s failed: %s", name, exc)
        return None


def resolve_model(name: str, *, model_dir: str | Path = "models", allow_download: bool = False,
                  marker: str = "config.json") -> Path:
    """The local directory of a transformers model given by path or hub id.

    `marker` is a file the directory must hold, so that a half-copied folder or a converted
    CTranslate2 model is not mistaken for a transformers model.
    """
    looked: list[str] = []
    for path in _local_candidates(name, Path(model_dir)):
        if (path / marker).is_file():
            return path
        looked.append(str(path))
    if _looks_like_hub_id(name):
        cached = _hf_snapshot(name, local_only=True)
        if cached is not None and (cached / marker).is_file():
            return cached
        looked.append("the Hugging Face cache")
        if allow_download and not hub_offline():
            log.info("downloading %s from the Hugging Face hub", name)
            downloaded = _hf_snapshot(name, local_only=False)
            if downloaded is not None and (downloaded / marker).is_file():
                return downloaded
            looked.append("the Hugging Face hub (download failed)")
    hint = ("set allow_download = true on a machine with internet" if not allow_download
            else "unset HF_HUB_OFFLINE or copy the model over" if hub_offline()
            else "check the model id")
    raise ModelNotFound(f"model '{name}' not found (looked in {', '.join(looked)}); copy it to "
                        f"{Path(model_dir) / name} or {hint}")


@cache
def model_digest(folder: Path) -> str:
    """Digest of the files of a model folder, computed once per process: it goes into translation
    memory keys and the pipeline fingerprint, so a model replaced under the same name or path never
    meets translations made with the old one.

    Small files (config, tokenizer, vocabularies) are hashed whole. A weight file is hashed by its
    size and SAMPLE_BLOCKS blocks spread over it rather than by every byte: reading a model of
    hundreds of megabytes again in each worker process would slow every start, and retrained or
    fine-tuned weights of the same shape (so of the same size) differ in every block, which the
    sample sees. Hidden files and folders (download metadata with timestamps) are left out.
    """
    digest = hashlib.sha256()
    files = sorted(path for path in folder.rglob("*")
                   if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts))
    for path in files:
        size = path.stat().st_size
        digest.update(f"{path.relative_to(folder).as_posix()}\0{size}\0".encode())
        with open(path, "rb") as handle:
            if size <= WHOLE_FILE_LIMIT:
                digest.update(handle.read())
                continue
            for block in range(SAMPLE_BLOCKS):
                handle.seek((size - SAMPLE_BLOCK_BYTES) * block // (SAMPLE_BLOCKS - 1))
                digest.update(handle.read(SAMPLE_BLOCK_BYTES))
    return digest.hexdigest()[:16]


def resolve_converted_model(name: str, *, model_dir: str | Path = "models") -> Path:
    """The directory of a CTranslate2 model: `name` itself, or `<model_dir>/<name>-ct2`."""
    looked: list[str] = []
    for suffix in ("", CONVERTED_SUFFIX):
        for path in _local_candidates(name, Path(model_dir), suffix):
            if (path / "model.bin").is_file():
                return path
            looked.append(str(path))
    destination = Path(model_dir) / (name + CONVERTED_SUFFIX)
    raise ModelNotFound(f"no CTranslate2 model for '{name}' (looked in {', '.join(looked)}); create one "
                        f"with: pressnlp models convert {name} {destination} --quantization int8")


def convert_model(src: str | Path, dst: str | Path, quantization: str | None = "int8", *,
                  model_dir: str | Path = "models", allow_download: bool = False,
                  force: bool = False) -> Path:
    """Convert a transformers seq2seq model (path or hub id) for CTranslate2, with its tokenizer.

    `quantization`: int8 (CPU default), int8_float16, float16, bfloat16, float32, or None/"none"
    to keep the weights' type. The tokenizer files are copied so that the result loads alone.
    """
    try:
        import ctranslate2
    except ImportError as exc:
        raise PressnlpError("converting needs CTranslate2: pip install 'pressnlp[neural]'") from exc
    source = resolve_model(str(src), model_dir=model_dir, allow_download=allow_download)
    destination = Path(dst).expanduser()
    if destination.exists() and any(destination.iterdir()) and not force:
        raise PressnlpError(f"{destination} exists and is not empty; remove it or pass force=True")
    copy_files = [name for name in TOKENIZER_FILES if (source / name).is_file()]
    converter = ctranslate2.converters.TransformersConverter(str(source), copy_files=copy_files)
    quantize = None if quantization in (None, "", "none") else quantization
    log.info("converting %s to %s (quantization %s)", source, destination, quantize or "none")
    output = converter.convert(str(destination), quantization=quantize, force=True)
    config = json.loads((source / "config.json").read_text("utf-8"))
    info = {"source": str(src), "source_path": str(source), "quantization": quantize or "none",
            "model_type": config.get("model_type"),
            "max_position_embeddings": config.get("max_position_embeddings")}
    (Path(output) / CONVERSION_INFO).write_text(json.dumps(info, indent=2), encoding="utf-8")
    return Path(output)


# What `fetch_model` downloads: configuration, tokenizer and weights, not the other frameworks' copies
# (tf_model.h5, flax_model.msgpack, rust_model.ot) a hub repository often carries beside them.
FETCH_PATTERNS = ("*.json", "*.spm", "*.model", "*.txt", "*.safetensors", "pytorch_model.bin")


def fetch_model(model_id: str, *, model_dir: str | Path = "models", revision: str = "main",
                quantization: str | None = "int8", force: bool = False) -> Path:
    """Download `model_id` from the Hugging Face hub (HF_ENDPOINT is honoured) into
    `<model_dir>/<model_id>` and convert it for CTranslate2 into `<model_dir>/<model_id>-ct2`, the
    place `backend = "auto"` looks first.

    The revision is resolved to its commit before anything is downloaded, so that the files all come
    from one commit; each file's SHA-256 is checked against the hub's record of it where the hub
    keeps one (weights) and written, with the commit, into the converted model's CONVERSION_INFO.
    """
    if hub_offline():
        raise PressnlpError("HF_HUB_OFFLINE is set: fetching a model needs the hub; unset it on a machine "
                            "with internet, or copy the model folder over (see models/README.md)")
    try:
        from huggingface_hub import HfApi, snapshot_download
    except ImportError as exc:
        raise PressnlpError("fetching models needs huggingface_hub: pip install 'pressnlp[neural]'") from exc
    root = Path(model_dir).expanduser()
    source, converted = root / model_id, root / (model_id + CONVERTED_SUFFIX)
    if converted.exists() and any(converted.iterdir()) and not force:
        raise PressnlpError(f"{converted} exists; pass --force to fetch and convert again")
    api = HfApi()
    try:
        commit = api.model_info(model_id, revision=revision).sha
        tree = {entry.path: entry for entry in api.list_repo_tree(model_id, revision=commit, recursive=True)}
        snapshot_download(model_id, revision=commit, local_dir=source, allow_patterns=list(FETCH_PATTERNS))
    except Exception as exc:  # noqa: BLE001 - network, unknown id, bad revision: one clear message
        raise PressnlpError(f"cannot fetch {model_id}@{revision} from {api.endpoint}: {exc}") from exc
    checksums = _verified_checksums(source, tree)
    output = convert_model(source, converted, quantization=quantization, force=True)
    info_path = output / CONVERSION_INFO
    info = json.loads(info_path.read_text("utf-8"))
    info.update(source=model_id, source_path=str(source), revision=commit, files=checksums)
    info_path.write_text(json.dumps(info, indent=2, sort_keys=True), encoding="utf-8")
    model_digest.cache_clear()
    return output


def _verified_checksums(folder: Path, tree: dict[str, Any]) -> dict[str, str]:
    """SHA-256 of every downloaded file, checked against the hub's LFS record where there is one."""
    checksums: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".cache" not in p.relative_to(folder).parts):
        name = path.relative_to(folder).as_posix()
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(2**20), b""):
                digest.update(block)
        checksums[name] = digest.hexdigest()
        lfs = getattr(tree.get(name), "lfs", None)
        expected = getattr(lfs, "sha256", None)
        if expected and expected != checksums[name]:
            raise PressnlpError(f"{name} of the fetched model does not match the hub's checksum "
                                f"({checksums[name][:12]}… vs {expected[:12]}…); fetch again")
    return checksums
