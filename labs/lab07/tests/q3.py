from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_counts_are_whole_numbers(conv2d_params, dense_params, dense_count):
    import operator
    for name, value in [('conv2d_params(3, 1, 32)', conv2d_params(3, 1, 32)), ('dense_params(784, 10)', dense_params(784, 10)), ('dense_count', dense_count)]:
        try:
            operator.index(value)
        except TypeError:
            raise AssertionError(f'{name} should be a whole number (an int), not {value!r}') from None

