from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_2x2_pool_halves(pool_output_size):
    import operator
    got = pool_output_size(28, 2)
    assert operator.index(got) == 14, f"a 2x2 pool with Keras's default stride halves 28 pixels to 14, not {got!r}"

