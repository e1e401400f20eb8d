"""Figures the chapters share: image grids, class counts and training curves.

Each function draws one new figure and returns it. Colours come from the Okabe-Ito palette,
which stays distinguishable for readers with colour-vision deficiencies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# The book's text column is 688 CSS pixels wide in a 1280 px window (measured in the built site; CSS counts
# 96 px an inch): a figure this wide or narrower is shown at its own size, so its 10-point text reads as
# 10 points. A wider one is scaled down to the column and its text with it.
COLUMN_PIXELS = 688
COLUMN_INCHES = COLUMN_PIXELS / 96
SMALLEST_FONT = 10  # points: no text the figures below draw is smaller
BOOK_STYLE = {
    "figure.figsize": (COLUMN_INCHES, 3.2),
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "figure.titlesize": 11,
    "svg.fonttype": "path",  # glyphs drawn as shapes: the figure looks the same without its fonts
}


def use_book_style() -> None:
    """Draw the figures that follow the way the book shows them: column-wide, 10-point text, and in
    Jupyter or Colab as SVG, which stays sharp at any zoom."""
    plt.rcParams.update(BOOK_STYLE)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg")


def plot_image_grid(
    images: np.ndarray, captions: Sequence[str] | None = None, *, ncols: int = 10, title: str | None = None
) -> plt.Figure:
    """Greyscale images in a grid, each with an optional caption above it.

    The grid stays within the book's text column: `ncols` is the most panels a row holds, and a row takes
    fewer when the panels (wide enough for their 10-point captions) would not fit, so a long strip of
    images wraps into more rows instead of shrinking its text.
    """
    images = np.asarray(images)
    if images.ndim != 3 or len(images) == 0:
        raise ValueError(f"images must be a non-empty array of shape (n, height, width), not {images.shape}")
    if captions is not None and len(captions) != len(images):
        raise ValueError(f"got {len(captions)} captions for {len(images)} images")
    if ncols < 1:
        raise ValueError(f"ncols must be a positive number of columns, not {ncols}")
    panel = max(0.65, 0.15 + max((_text_inches(str(c)) for c in captions or ()), default=0))
    ncols = max(1, min(ncols, len(images), int(COLUMN_INCHES // panel)))
    nrows = -(-len(images) // ncols)
    ncols = -(-len(images) // nrows)  # rows as evenly filled as the number of rows allows
    panel = min(max(panel, 1.0), COLUMN_INCHES / ncols)
    caption_space = 0.25 if captions is not None else 0.05
    image_height = panel * images.shape[1] / images.shape[2]
    height = nrows * (image_height + caption_space) + (0.35 if title else 0.05)
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * panel, height), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < len(images):
            ax.imshow(images[i], cmap="gray_r")
            if captions is not None:
                ax.set_title(captions[i], fontsize=SMALLEST_FONT, pad=2)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout(pad=0.3, h_pad=0.2, w_pad=0.2)
    return fig


def _text_inches(text: str, size: float = SMALLEST_FONT) -> float:
    """The width of `text` drawn at `size` points in Matplotlib's own font (DejaVu Sans, shipped with it)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    width, _, _ = TextToPath().get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return width / 72


def plot_class_counts(
    labels_by_set: Mapping[str, np.ndarray], *, share: bool = False, title: str | None = None
) -> plt.Figure:
    """Bars of how often each class occurs in each named set of labels.

    share=True plots each class's share of its set instead of raw counts, so sets of
    different sizes can be compared.
    """
    if not labels_by_set:
        raise ValueError("labels_by_set is empty; pass at least one named array of labels")
    arrays = {name: np.asarray(labels).astype(np.int64) for name, labels in labels_by_set.items()}
    n_classes = 1 + max(int(a.max()) for a in arrays.values() if a.size)
    classes = np.arange(n_classes)
    width = 0.8 / len(arrays)
    fig, ax = plt.subplots(figsize=(COLUMN_INCHES, 3.2))
    for k, (name, labels) in enumerate(arrays.items()):
        counts = np.bincount(labels, minlength=n_classes)
        heights = counts / max(len(labels), 1) if share else counts
        ax.bar(classes + (k - (len(arrays) - 1) / 2) * width, heights, width,
               label=name, color=OKABE_ITO[k % len(OKABE_ITO)])
    ax.set_xticks(classes)
    ax.set_xlabel("class")
    ax.set_ylabel("share of the set" if share else "count")
    if len(arrays) > 1:
        ax.legend(frameon=False, ncols=min(len(arrays), 4))
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_history(history, metric: str = "accuracy", *, title: str | None = None) -> plt.Figure:
    """Loss and one metric per epoch, training against validation, from a Keras History or its dict."""
    curves = getattr(history, "history", history)
    panels = [name for name in ("loss", metric) if name in curves]
    if not panels:
        raise ValueError(f"history holds neither 'loss' nor {metric!r}; it has {sorted(curves)}")
    width = COLUMN_INCHES if len(panels) == 2 else 0.6 * COLUMN_INCHES
    fig, axes = plt.subplots(1, len(panels), figsize=(width, 3.0), squeeze=False)
    for ax, name in zip(axes.flat, panels):
        epochs = np.arange(1, len(curves[name]) + 1)
        ax.plot(epochs, curves[name], "o-", color=OKABE_ITO[0], label="training")
        if f"val_{name}" in curves:
            ax.plot(epochs, curves[f"val_{name}"], "s--", color=OKABE_ITO[1], label="validation")
        ax.set_xlabel("epoch")
        ax.set_ylabel(name)
        ax.legend(frameon=False)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_confusion_matrix(confusion: np.ndarray, *, title: str | None = None) -> plt.Figure:
    """A confusion matrix (rows: true class, columns: predicted class) as an annotated heat map."""
    confusion = np.asarray(confusion)
    if confusion.ndim != 2 or confusion.shape[0] != confusion.shape[1] or confusion.size == 0:
        raise ValueError(f"confusion must be a square matrix, not an array of shape {confusion.shape}")
    n = len(confusion)
    cell = min(0.45, (COLUMN_INCHES - 1.9) / n)  # inches; a bigger matrix gets smaller cells
    fig, ax = plt.subplots(figsize=(cell * n + 1.9, cell * n + 1.2))
    shown = ax.imshow(confusion, cmap="cividis")
    threshold = confusion.max() / 2
    counts = {index: f"{count:g}" for index, count in np.ndenumerate(confusion)}
    if max(_text_inches(text) for text in counts.values()) < 0.95 * cell:  # else the colour bar reads them
        for (row, column), text in counts.items():
            ax.text(column, row, text, ha="center", va="center", fontsize=SMALLEST_FONT,
                    color="black" if confusion[row, column] > threshold else "white")
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    fig.colorbar(shown, ax=ax, fraction=0.046, pad=0.04, label="count")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_embeddings(embeddings: Mapping[str, np.ndarray], labels: np.ndarray, *, title: str | None = None
                    ) -> plt.Figure:
    """2-D embeddings of the same samples side by side, coloured by label, each label written at its median."""
    labels = np.asarray(labels)
    if not embeddings:
        raise ValueError("embeddings is empty; pass at least one named (n, 2) array")
    for name, points in embeddings.items():
        if np.shape(points) != (len(labels), 2):
            raise ValueError(f"embedding {name!r} has shape {np.shape(points)}; expected ({len(labels)}, 2)")
    classes = np.unique(labels)
    ncols = min(len(embeddings), 3)  # more panels wrap into rows, each panel at least a third of the column
    nrows = -(-len(embeddings) // ncols)
    ncols = -(-len(embeddings) // nrows)  # four panels make two rows of two
    side = min(COLUMN_INCHES / ncols, 3.6)
    fig, axes = plt.subplots(nrows, ncols, figsize=(side * ncols, (side + 0.3) * nrows + (0.3 if title else 0)),
                             squeeze=False)
    for ax in axes.flat[len(embeddings):]:
        ax.axis("off")
    colours = plt.get_cmap("tab10" if len(classes) <= 10 else "viridis", len(classes))
    for ax, (name, points) in zip(axes.flat, embeddings.items()):
        for k, label in enumerate(classes):
            members = points[labels == label]
            ax.scatter(members[:, 0], members[:, 1], s=4, alpha=0.6, color=colours(k))
            centre = np.median(members, axis=0)
            ax.text(*centre, str(label), fontsize=11, weight="bold", ha="center", va="center",
                    bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "alpha": 0.8, "linewidth": 0})
        ax.set_title(name)
        ax.set_xticks([])
        ax.set_yticks([])
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
