"""Reading a document from a local path or any fsspec URL."""
from __future__ import annotations


def read_location(location: str, limit: int) -> bytes:
    """At most limit+1 bytes, so that an oversized file is refused without loading it whole."""
    if "://" in location:
        import fsspec

        with fsspec.open(location, "rb") as handle:
            return handle.read(limit + 1)
    with open(location, "rb") as handle:
        return handle.read(limit + 1)
