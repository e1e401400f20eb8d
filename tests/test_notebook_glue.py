"""glue: hands values to myst-nb in the build and degrades gracefully where myst-nb is missing."""

import sys

import numpy as np

from gencnn.notebook import glue


def test_numpy_scalars_become_python_numbers(monkeypatch):
    seen = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: seen.update({name: value}))
    glue("accuracy", np.float32(0.5))
    glue("count", np.int64(7))
    assert seen == {"accuracy": 0.5, "count": 7}
    assert type(seen["accuracy"]) is float and type(seen["count"]) is int


def test_without_myst_nb_glue_shows_the_value_only_when_asked(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import fails, as in Colab
    glue("hidden", 41)
    glue("shown", 42, display=True)
    assert capsys.readouterr().out == "42\n"
