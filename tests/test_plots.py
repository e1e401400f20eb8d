"""Figures: the right panels and bars, and clear errors for unusable input."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from gencnn import plots


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
