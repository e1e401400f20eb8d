from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_stride_one(same_padding):
    got = tuple(same_padding(28, 3))
    assert got == (1, 1), f'a 3-tap kernel at stride 1 needs one zero on each side, not {got}'

