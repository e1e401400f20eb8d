from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_stride_of_two(input_sizes):
    got = input_sizes(13, 3, 2)
    assert list(got) == [27, 28], f'a 3-tap kernel at stride 2 makes 13 outputs from 27 or 28 pixels, not {got!r}'

