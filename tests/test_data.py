"""The data module: embedded files, source selection, IMDB encoding and clear errors."""

import gzip
import shutil
import sys
import types

import numpy as np
import pytest

from gencnn import data
from gencnn.data import EmbeddedDataError, FullDataUnavailable, load_imdb, load_mnist, vectorize_sequences

# Published with the MNIST test set (shared/data/README.md).
MNIST_TEST_CLASS_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of the embedded files, so a test can damage them."""
    for name in data.EMBEDDED_FILES:
        shutil.copy(data.DATA_DIR / name, tmp_path / name)
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    return tmp_path


@pytest.fixture
def fake_keras(monkeypatch):
    """A stand-in for keras.datasets, so the 'full' paths run without a network or TensorFlow."""
    datasets = types.SimpleNamespace(mnist=types.SimpleNamespace(), imdb=types.SimpleNamespace())
    monkeypatch.setitem(sys.modules, "keras", types.SimpleNamespace(datasets=datasets))
    return datasets


def offline(*args, **kwargs):
    raise Exception("URL fetch failure: Name or service not known")


def test_embedded_mnist_is_the_official_test_set():
    images, labels = load_mnist("embedded")
    assert images.shape == (10_000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10_000,) and labels.dtype == np.uint8
    assert np.bincount(labels).tolist() == MNIST_TEST_CLASS_COUNTS
    assert images.min() == 0 and images.max() == 255


def test_embedded_files_match_the_published_md5_sums():
    import hashlib

    md5 = {name: hashlib.md5((data.DATA_DIR / name).read_bytes()).hexdigest() for name in data.EMBEDDED_FILES}
    assert md5["t10k-images-idx3-ubyte.gz"] == "9fb629c4189551a2d022fa330f9573f3"
    assert md5["t10k-labels-idx1-ubyte.gz"] == "ec29112dd5afa0611ce80d1b7f02629c"


def test_truncated_file_is_a_clear_error_naming_it(data_copy):
    path = data_copy / "t10k-images-idx3-ubyte.gz"
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(EmbeddedDataError, match="t10k-images-idx3-ubyte.gz is corrupt"):
        load_mnist("embedded")


def test_missing_file_is_a_clear_error_naming_it(data_copy):
    (data_copy / "imdb-5k-vocab500.npz").unlink()
    with pytest.raises(EmbeddedDataError, match="imdb-5k-vocab500.npz is missing"):
        load_imdb("embedded")


def test_idx_reader_rejects_broken_gzip_and_wrong_kind(tmp_path):
    broken = tmp_path / "broken.gz"
    broken.write_bytes(b"this is not gzip data")
    with pytest.raises(EmbeddedDataError, match="cannot decompress .*broken.gz"):
        data._read_idx(broken, 2051, (28, 28))
    truncated = tmp_path / "truncated.gz"
    truncated.write_bytes((data.DATA_DIR / "t10k-images-idx3-ubyte.gz").read_bytes()[:5000])
    with pytest.raises(EmbeddedDataError, match="cannot decompress .*truncated.gz"):
        data._read_idx(truncated, 2051, (28, 28))
    labels = data.DATA_DIR / "t10k-labels-idx1-ubyte.gz"
    with pytest.raises(EmbeddedDataError, match="magic 2049, expected 2051"):
        data._read_idx(labels, 2051, (28, 28))


def test_idx_reader_rejects_a_header_that_promises_too_much(tmp_path):
    short = tmp_path / "short.gz"
    short.write_bytes(gzip.compress((2049).to_bytes(4, "big") + (10).to_bytes(4, "big") + bytes(9)))
    with pytest.raises(EmbeddedDataError, match="holds 9 bytes .* promises 10 items"):
        data._read_idx(short, 2049, ())


def test_source_comes_from_argument_then_environment_then_auto(monkeypatch):
    monkeypatch.delenv(data.SOURCE_ENV, raising=False)
    assert data.resolve_source(None) == "auto"
    monkeypatch.setenv(data.SOURCE_ENV, "embedded")
    assert data.resolve_source(None) == "embedded"
    assert data.resolve_source("full") == "full"


def test_unknown_source_names_the_value_and_the_choices(monkeypatch):
    expected = r"unknown data source 'web' \(from source\); allowed: 'embedded', 'full', 'auto'"
    with pytest.raises(ValueError, match=expected):
        load_mnist("web")
    monkeypatch.setenv(data.SOURCE_ENV, "offline")
    with pytest.raises(ValueError, match=r"'offline' \(from \$GENCNN_DATA_SOURCE\)"):
        load_mnist()


def test_full_mnist_combines_training_and_test_images(fake_keras):
    x_train, y_train = np.zeros((6, 28, 28), np.uint8), np.arange(6, dtype=np.uint8)
    x_test, y_test = np.ones((2, 28, 28), np.uint8), np.array([7, 8], np.uint8)
    fake_keras.mnist.load_data = lambda: ((x_train, y_train), (x_test, y_test))
    images, labels = load_mnist("full")
    assert images.shape == (8, 28, 28) and labels.tolist() == [0, 1, 2, 3, 4, 5, 7, 8]


def test_full_without_network_is_a_clear_error(fake_keras):
    fake_keras.mnist.load_data = offline
    with pytest.raises(FullDataUnavailable, match="full MNIST set .* source='embedded'"):
        load_mnist("full")


def test_auto_falls_back_to_embedded_and_says_so_in_one_line(fake_keras, capsys):
    fake_keras.mnist.load_data = offline
    images, _ = load_mnist("auto")
    assert len(images) == 10_000
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("MNIST: using the embedded subset (URL fetch failure")


def test_auto_uses_the_full_set_when_it_can(fake_keras, capsys):
    fake_keras.imdb.load_data = lambda num_words: (([[1, 5]], [1]), ([[1, 6]], [0]))
    (x_train, _), _ = load_imdb("auto", num_words=1000)
    assert x_train == [[1, 5]]
    assert capsys.readouterr().out == "IMDB: using the full set from keras.datasets\n"


def test_embedded_imdb_is_keras_style():
    (x_train, y_train), (x_test, y_test) = load_imdb("embedded")
    assert (len(x_train), len(y_train), len(x_test), len(y_test)) == (5000, 5000, 1000, 1000)
    assert set(np.unique(y_train)) == {0, 1} and set(np.unique(y_test)) == {0, 1}
    assert all(review[0] == 1 for review in x_train)  # every review opens with the start marker
    assert max(max(review) for review in x_train) == 499
    with np.load(data.DATA_DIR / "imdb-5k-vocab500.npz") as raw:
        offsets = raw["test_offsets"]
        assert x_test[3] == raw["test_tokens"][offsets[3]:offsets[4]].tolist()


def test_smaller_vocabulary_turns_rare_words_into_the_oov_marker():
    (full_vocab, _), _ = load_imdb("embedded", num_words=500)
    (small_vocab, _), _ = load_imdb("embedded", num_words=100)
    for long, short in zip(full_vocab[:50], small_vocab[:50]):
        expected = [w if w < 100 else data.OOV_INDEX for w in long]
        assert short == expected
    assert max(max(review) for review in small_vocab) == 99


@pytest.mark.parametrize(
    ("num_words", "error", "message"),
    [
        (600, ValueError, r"num_words=600 is out of range: it must be an integer from 5 to 500 .*source='full'"),
        (4, ValueError, "num_words=4 is out of range"),
        ("100", TypeError, "num_words must be an integer from 5 to 500, not '100'"),
        (True, TypeError, "not True"),
    ],
)
def test_bad_vocabulary_size_is_a_clear_error(num_words, error, message):
    with pytest.raises(error, match=message):
        load_imdb("embedded", num_words=num_words)


def test_full_imdb_accepts_large_vocabularies_but_not_tiny_ones(fake_keras):
    fake_keras.imdb.load_data = lambda num_words: (([[1, num_words - 1]], [1]), ([[1]], [0]))
    (x_train, _), _ = load_imdb("full", num_words=10_000)
    assert x_train == [[1, 9_999]]
    with pytest.raises(ValueError, match="num_words=2 is out of range: it must be an integer of at least 5"):
        load_imdb("full", num_words=2)


def test_vectorize_sequences_is_multi_hot():
    result = vectorize_sequences([[1, 3, 3], [], [0, 4]], dimension=5)
    assert result.dtype == np.float32
    assert result.tolist() == [[0, 1, 0, 1, 0], [0, 0, 0, 0, 0], [1, 0, 0, 0, 1]]


def test_vectorize_sequences_on_real_reviews_marks_each_used_word():
    (x_train, _), _ = load_imdb("embedded")
    vectors = vectorize_sequences(x_train[:20], 500)
    for review, row in zip(x_train[:20], vectors):
        assert set(np.flatnonzero(row)) == set(review)


def test_vectorize_sequences_rejects_indices_outside_the_dimension():
    with pytest.raises(ValueError, match=r"sequence 1 holds word index 7, outside \[0, 5\)"):
        vectorize_sequences([[1], [2, 7]], dimension=5)
    with pytest.raises(ValueError, match="dimension must be a positive integer, not 0"):
        vectorize_sequences([[1]], dimension=0)
