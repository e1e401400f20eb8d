from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_fraction_of_the_units(dead_fraction, relu_runs, split):
    value = float(dead_fraction(relu_runs[0.001][0], split.x_val))
    assert 0 <= value <= 1, f'a fraction of the units lies between 0 and 1, not {value}'

