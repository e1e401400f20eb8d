"""The course's datasets, offline first.

Real data ships inside the package (the 10,000 MNIST test images and a 5,000/1,000-review IMDB
subset); the complete sets come from ``keras.datasets`` where the network is there. The ``source``
argument, or the environment variable ``GENCNN_DATA_SOURCE``, chooses between them.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from pathlib import Path

import numpy as np

from gencnn._validation import is_integer, require_positive_integer

SOURCES = ("embedded", "full", "auto")
SOURCE_ENV = "GENCNN_DATA_SOURCE"
DEFAULT_SOURCE = "auto"
DATA_DIR = Path(__file__).parent / "datasets"

# The embedded files and their SHA-256 sums; the MNIST files are the official ones, unchanged.
EMBEDDED_FILES = {
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    "imdb-5k-vocab500.npz": "b5091c8e2ec1b252f3f603fa85fce8fadc3d699bc7f46305111cf7ea13de99dc",
}
EMBEDDED_IMDB_WORDS = 500  # the embedded IMDB subset keeps word indices below this
FIRST_WORD_INDEX = 4  # Keras IMDB: 0 padding, 1 start, 2 out-of-vocabulary, 3 unused
OOV_INDEX = 2


class EmbeddedDataError(OSError):
    """An embedded data file is missing or damaged."""


class FullDataUnavailable(RuntimeError):
    """The complete dataset could not be had from keras.datasets (usually: no network)."""


def resolve_source(source: str | None) -> str:
    """Return the data source to use: the argument, else $GENCNN_DATA_SOURCE, else 'auto'."""
    origin = "source"
    if source is None:
        source = os.environ.get(SOURCE_ENV) or DEFAULT_SOURCE
        origin = f"${SOURCE_ENV}"
    if source not in SOURCES:
        allowed = ", ".join(repr(s) for s in SOURCES)
        raise ValueError(f"unknown data source {source!r} (from {origin}); allowed: {allowed}")
    return source


def embedded_path(name: str) -> Path:
    """Path of an embedded data file, after checking that it is there and intact."""
    path = DATA_DIR / name
    if not path.is_file():
        raise EmbeddedDataError(
            f"embedded data file {path} is missing; reinstall the gencnn package to restore it"
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != EMBEDDED_FILES[name]:
        raise EmbeddedDataError(
            f"embedded data file {path} is corrupt (SHA-256 {digest[:12]}..., expected "
            f"{EMBEDDED_FILES[name][:12]}...); reinstall the gencnn package to restore it"
        )
    return path


def _read_idx(path: Path, magic: int, shape_tail: tuple[int, ...]) -> np.ndarray:
    """Read a gzipped IDX file of unsigned bytes (the MNIST format)."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as err:
        raise EmbeddedDataError(f"cannot decompress {path}: {err}") from err
    header = 8 + 4 * len(shape_tail)
    found = int.from_bytes(raw[:4], "big")
    if found != magic:
        raise EmbeddedDataError(f"{path} is not an IDX file of the expected kind (magic {found}, expected {magic})")
    count = int.from_bytes(raw[4:8], "big")
    data = np.frombuffer(raw, dtype=np.uint8, offset=header)
    if data.size != count * int(np.prod(shape_tail)):
        raise EmbeddedDataError(f"{path} holds {data.size} bytes of data; its header promises {count} items")
    return data.reshape((count, *shape_tail))


def _with_source(source: str | None, load_full, load_embedded, name: str):
    """Load from the chosen source; 'auto' tries the full set and says in one line what it used."""
    source = resolve_source(source)
    if source == "embedded":
        return load_embedded()
    if source == "full":
        return load_full()
    try:
        data = load_full()
    except FullDataUnavailable as err:
        print(f"{name}: using the embedded subset ({err.__cause__ or err})")
        return load_embedded()
    print(f"{name}: using the full set from keras.datasets")
    return data


def _fetch(name: str, fetch):
    """Run a keras.datasets download, turning its failure into FullDataUnavailable."""
    try:
        return fetch()
    except Exception as err:  # keras raises a bare Exception when the download fails
        raise FullDataUnavailable(
            f"could not load the full {name} set from keras.datasets: {err}. "
            "Use source='embedded' to work offline."
        ) from err


def load_mnist(source: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """All available MNIST digits as (images, labels): uint8 arrays of shape (n, 28, 28) and (n,).

    'embedded' gives the 10,000 official test images shipped with the package; 'full' gives all
    70,000 (the 60,000 training images, then the 10,000 test images) from keras.datasets; 'auto'
    tries 'full' and falls back to 'embedded'. The chapters shuffle and split these themselves.
    """

    def embedded():
        images = _read_idx(embedded_path("t10k-images-idx3-ubyte.gz"), 2051, (28, 28))
        labels = _read_idx(embedded_path("t10k-labels-idx1-ubyte.gz"), 2049, ())
        return images, labels

    def full():
        import keras

        (x_train, y_train), (x_test, y_test) = _fetch("MNIST", keras.datasets.mnist.load_data)
        return np.concatenate([x_train, x_test]), np.concatenate([y_train, y_test])

    return _with_source(source, full, embedded, "MNIST")


def _check_num_words(num_words: int, limit: int | None) -> None:
    smallest = FIRST_WORD_INDEX + 1  # keeps at least one real word
    allowed = f"an integer from {smallest} to {limit}" if limit else f"an integer of at least {smallest}"
    if not is_integer(num_words):
        raise TypeError(f"num_words must be {allowed}, not {num_words!r}")
    if num_words < smallest or (limit is not None and num_words > limit):
        hint = " (the embedded subset keeps 500 words; use source='full' for more)" if limit else ""
        raise ValueError(f"num_words={num_words} is out of range: it must be {allowed}{hint}")


def load_imdb(source: str | None = None, num_words: int = EMBEDDED_IMDB_WORDS):
    """IMDB reviews as Keras gives them: ((x_train, y_train), (x_test, y_test)).

    Each review is a list of word indices (1 marks the start, 2 a word whose index is num_words or
    more, real words from 4, so num_words - 4 words are kept); labels are 1 for positive, 0 for
    negative. 'embedded' gives the first 5,000 training and 1,000 test reviews with num_words up to
    500; 'full' gives all 25,000 + 25,000 from keras.datasets with any num_words.
    """
    embedded_only = resolve_source(source) == "embedded"
    _check_num_words(num_words, EMBEDDED_IMDB_WORDS if embedded_only else None)

    def embedded():
        _check_num_words(num_words, EMBEDDED_IMDB_WORDS)
        path = embedded_path("imdb-5k-vocab500.npz")
        with np.load(path) as archive:
            return tuple(_imdb_part(archive, part, num_words) for part in ("train", "test"))

    def full():
        import keras

        return _fetch("IMDB", lambda: keras.datasets.imdb.load_data(num_words=num_words))

    return _with_source(source, full, embedded, "IMDB")


def _imdb_part(archive, part: str, num_words: int) -> tuple[np.ndarray, np.ndarray]:
    """One part of the embedded IMDB archive as (object array of lists, labels)."""
    tokens = archive[f"{part}_tokens"].astype(np.int64)
    tokens[tokens >= num_words] = OOV_INDEX
    offsets = archive[f"{part}_offsets"]
    reviews = np.empty(len(offsets) - 1, dtype=object)
    reviews[:] = [tokens[start:stop].tolist() for start, stop in zip(offsets[:-1], offsets[1:])]
    return reviews, archive[f"{part}_labels"].astype(np.int64)


def vectorize_sequences(sequences, dimension: int) -> np.ndarray:
    """Multi-hot encode word-index sequences: row i has 1.0 at every index that review i uses.

    The result is a float32 array of shape (len(sequences), dimension), the bag-of-words input of
    the dense IMDB models. Every index must lie in [0, dimension).
    """
    require_positive_integer("dimension", dimension)
    pieces = [np.asarray(sequence, dtype=np.int64).ravel() for sequence in sequences]
    lengths = [len(piece) for piece in pieces]
    indices = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
    outside = (indices < 0) | (indices >= dimension)
    if outside.any():
        position = int(np.argmax(outside))
        row = int(np.searchsorted(np.cumsum(lengths), position, side="right"))
        raise ValueError(
            f"sequence {row} holds word index {indices[position]}, outside [0, {dimension}); "
            "pass the num_words the reviews were loaded with as dimension"
        )
    result = np.zeros((len(sequences), dimension), dtype=np.float32)
    result[np.repeat(np.arange(len(sequences)), lengths), indices] = 1.0
    return result
