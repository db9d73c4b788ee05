"""pressnlp: multilingual press releases in, structured English-readable knowledge out."""
from pressnlp._version import __version__
from pressnlp.api import Pipeline
from pressnlp.io.dataset import to_dataset

__all__ = ["Pipeline", "__version__", "to_dataset"]
