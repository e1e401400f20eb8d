from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_unit_on_three_inputs(dense_parameters):
    got = dense_parameters((3, 1))
    assert got == 4, f'one unit on 3 inputs has 3 weights and 1 bias, 4 parameters, not {got!r}'

