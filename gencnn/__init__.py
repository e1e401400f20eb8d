"""Helper package of the GenCNN course: data, splits, figures and notebook plumbing."""

from gencnn.data import load_imdb, load_mnist, vectorize_sequences
from gencnn.splits import split_indices, split_sizes, train_val_test_split

__version__ = "0.1.0"

__all__ = [
    "load_imdb",
    "load_mnist",
    "split_indices",
    "split_sizes",
    "train_val_test_split",
    "vectorize_sequences",
]
