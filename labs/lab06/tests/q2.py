from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=None, hidden=False)
def test_stride_one(same_padding):
    assert tuple(same_padding(28, 3)) == (1, 1), f'a 3-tap kernel needs one zero each side, not {same_padding(28, 3)}'

