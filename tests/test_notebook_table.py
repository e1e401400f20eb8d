"""table: the Markdown tables the chapters display, built in one place."""

import pytest

from gencnn.notebook import table


def test_a_table_has_a_header_a_rule_and_a_line_per_row():
    shown = table(["n", "size"], [(28, 26), ("7", "a|b")])
    assert shown.data.splitlines() == ["| n | size |", "| --- | --- |", "| 28 | 26 |", "| 7 | a\\|b |"]


def test_a_row_of_the_wrong_length_is_named():
    with pytest.raises(ValueError, match=r"row 1 has 1 cells \(\['3'\]\); the table has 2 columns"):
        table(["n", "size"], [(1, 2), (3,)])


def test_a_table_needs_columns():
    with pytest.raises(ValueError, match="at least one column"):
        table([], [])
