"""Figures: the right panels and bars, clear errors for unusable input, and the book's figure style
(every figure fits the text column and its text is at least 10 points)."""

import io
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

from gencnn import plots

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import browser  # noqa: E402  (tools/browser.py: reads text sizes from SVG figures for the site tests)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_image_grid_has_one_visible_panel_per_image():
    fig = plots.plot_image_grid(np.zeros((13, 28, 28)), [str(i) for i in range(13)], ncols=5)
    shown = [ax for ax in fig.axes if ax.images]
    assert len(fig.axes) == 15 and len(shown) == 13
    assert shown[12].get_title() == "12"


def test_image_grid_rejects_bad_input():
    with pytest.raises(ValueError, match=r"shape \(n, height, width\), not \(28, 28\)"):
        plots.plot_image_grid(np.zeros((28, 28)))
    with pytest.raises(ValueError, match="got 2 captions for 3 images"):
        plots.plot_image_grid(np.zeros((3, 4, 4)), ["a", "b"])


def test_class_counts_draws_the_counts_or_shares():
    labels = {"a": np.array([0, 0, 1, 2]), "b": np.array([2, 2])}
    fig = plots.plot_class_counts(labels)
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == [2, 1, 1, 0, 0, 2]
    fig = plots.plot_class_counts(labels, share=True)
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == [0.5, 0.25, 0.25, 0, 0, 1.0]
    with pytest.raises(ValueError, match="labels_by_set is empty"):
        plots.plot_class_counts({})


def test_history_plots_loss_and_metric_for_both_sets():
    history = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.8], "val_accuracy": [0.4, 0.7]}
    fig = plots.plot_history(history)
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]
    assert [len(ax.lines) for ax in fig.axes] == [2, 2]
    assert list(fig.axes[1].lines[1].get_ydata()) == [0.4, 0.7]
    with pytest.raises(ValueError, match="neither 'loss' nor 'auc'"):
        plots.plot_history({"accuracy": [1]}, metric="auc")


def test_confusion_matrix_annotates_every_cell():
    confusion = np.array([[5, 1], [0, 7]])
    fig = plots.plot_confusion_matrix(confusion, title="t")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["5", "1", "0", "7"]
    assert np.array_equal(ax.images[0].get_array(), confusion)
    with pytest.raises(ValueError, match=r"square matrix, not an array of shape \(2, 3\)"):
        plots.plot_confusion_matrix(np.zeros((2, 3)))


def test_embeddings_label_every_class_in_every_panel():
    labels = np.array([0, 0, 1, 1, 2])
    points = np.arange(10.0).reshape(5, 2)
    fig = plots.plot_embeddings({"a": points, "b": -points}, labels)
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    assert [t.get_text() for t in fig.axes[0].texts] == ["0", "1", "2"]
    assert fig.axes[0].texts[0].get_position() == (1.0, 2.0)  # median of the two class-0 points
    with pytest.raises(ValueError, match=r"embedding 'a' has shape \(5, 3\); expected \(5, 2\)"):
        plots.plot_embeddings({"a": np.zeros((5, 3))}, labels)


def test_image_grid_rejects_a_grid_without_columns():
    with pytest.raises(ValueError, match="ncols must be a positive number of columns, not 0"):
        plots.plot_image_grid(np.zeros((3, 4, 4)), ncols=0)


def helper_figures():
    """One figure of each helper, with inputs like the chapters' (wide strips, long captions, 10 classes)."""
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 10, 500)
    history = {name: list(rng.random(12)) for name in ("loss", "val_loss", "accuracy", "val_accuracy")}
    blends = [f"{1 - t:.2f}·1 + {t:.2f}·7" for t in np.linspace(0, 1, 8)]
    return {
        "grid of 20": plots.plot_image_grid(rng.random((20, 28, 28)), [f"label {d}" for d in range(20)],
                                            title="The first 20 images"),
        "strip of 24, ncols=12": plots.plot_image_grid(rng.random((24, 28, 28)), ["3 → 5"] * 24, ncols=12),
        "long captions": plots.plot_image_grid(rng.random((16, 28, 28)), ["random"] * 8 + blends, ncols=8),
        "no captions": plots.plot_image_grid(rng.random((40, 28, 28)), ncols=40),
        "class counts": plots.plot_class_counts({"train": labels, "validation": labels[:100], "test": labels[:50]},
                                                share=True, title="shares"),
        "history": plots.plot_history(history, title="training"),
        "history, loss only": plots.plot_history({"loss": [1.0, 0.5]}),
        "confusion 10": plots.plot_confusion_matrix(rng.integers(0, 2000, (10, 10)), title="counts"),
        "confusion 40": plots.plot_confusion_matrix(rng.integers(0, 2000, (40, 40))),
        "embeddings": plots.plot_embeddings({"pixels": rng.random((500, 2)), "hidden layer": rng.random((500, 2))},
                                            labels, title="two views"),
        "four embeddings": plots.plot_embeddings({str(k): rng.random((500, 2)) for k in range(4)}, labels),
    }


@pytest.mark.parametrize("style", ["matplotlib's defaults", "book style"])
def test_every_helper_figure_fits_the_column_with_text_of_10_points_or_more(style):
    with plt.rc_context(plots.BOOK_STYLE if style == "book style" else {}):
        figures = helper_figures()
        for name, fig in figures.items():
            width = fig.get_size_inches()[0]
            assert width <= plots.COLUMN_INCHES + 1e-9, f"{name}: {width:.2f} in wide"
            fig.canvas.draw()
            texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
            small = {t.get_text(): t.get_fontsize() for t in texts if t.get_fontsize() < plots.SMALLEST_FONT}
            assert not small, f"{name}: text under {plots.SMALLEST_FONT} pt: {small}"
            svg = io.StringIO()
            fig.savefig(svg, format="svg")
            _, sizes = browser.svg_text_sizes(svg.getvalue())
            assert min(sizes, default=99) >= plots.SMALLEST_FONT - 1e-6, f"{name}: drawn sizes {sorted(set(sizes))}"


def test_column_matches_the_sites_text_column():
    assert plots.COLUMN_INCHES == plots.COLUMN_PIXELS / 96
    assert plots.BOOK_STYLE["figure.figsize"][0] == plots.COLUMN_INCHES


def test_a_long_strip_wraps_into_rows_that_show_every_image():
    fig = plots.plot_image_grid(np.zeros((24, 28, 28)), ["3 → 5"] * 24, ncols=12)
    grid = fig.axes[0].get_gridspec()
    assert grid.ncols < 12 and grid.nrows * grid.ncols >= 24
    assert sum(1 for ax in fig.axes if ax.images) == 24
    assert grid.nrows * grid.ncols - 24 < grid.nrows  # rows filled evenly: the last one lacks at most one per row
    fig = plots.plot_image_grid(np.zeros((20, 28, 28)), ncols=10)
    assert (fig.axes[0].get_gridspec().nrows, fig.axes[0].get_gridspec().ncols) == (2, 10)


def test_longer_captions_get_fewer_wider_panels():
    short = plots.plot_image_grid(np.zeros((16, 8, 8)), ["a"] * 16, ncols=16).axes[0].get_gridspec().ncols
    long = plots.plot_image_grid(np.zeros((16, 8, 8)), ["a rather long caption"] * 16, ncols=16)
    assert long.axes[0].get_gridspec().ncols < short


def test_confusion_matrix_leaves_out_counts_too_wide_for_their_cells():
    fig = plots.plot_confusion_matrix(np.full((40, 40), 1234))
    assert fig.get_size_inches()[0] <= plots.COLUMN_INCHES + 1e-9
    assert not fig.axes[0].texts


def test_text_sizes_are_read_from_matplotlibs_svg_as_drawn():
    """The site tests measure figure text from the SVG files: a text is a group scaled by s = size / 100
    (a formula's superscripts scaled once more). Checked on a figure with known sizes."""
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.set_title("ten", fontsize=10)
    ax.set_xlabel("fourteen", fontsize=14)
    ax.text(0.5, 0.5, "seven, turned", fontsize=7, rotation=30)
    ax.text(0.2, 0.2, r"$x^2$", fontsize=20)  # the superscript is drawn at 0.7 of 20
    ax.set_xticks([])
    ax.set_yticks([])
    svg = io.StringIO()
    with plt.rc_context({"svg.fonttype": "path"}):
        fig.savefig(svg, format="svg")
    width, sizes = browser.svg_text_sizes(svg.getvalue())
    assert width == 5 * 72  # user units are points
    assert sorted(round(size, 6) for size in sizes) == [7, 10, 14, 14]
    with pytest.raises(ValueError, match="no viewBox"):
        browser.svg_text_sizes('<svg xmlns="http://www.w3.org/2000/svg"/>')
