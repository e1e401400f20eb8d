"""glue: hands values to myst-nb in the build and degrades gracefully where myst-nb is missing."""

import sys

import numpy as np

from gencnn.notebook import glue


def test_numpy_scalars_become_python_numbers(monkeypatch):
    seen = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: seen.update({name: value}))
    assert glue("accuracy", np.float32(0.5)) == 0.5
    assert type(seen["accuracy"]) is float
    assert type(glue("count", np.int64(7))) is int


def test_without_myst_nb_the_value_is_returned(monkeypatch):
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import fails, as in Colab
    assert glue("answer", 42) == 42
