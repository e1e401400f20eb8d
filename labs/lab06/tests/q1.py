from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_two_common_cases(conv_output_size):
    import operator
    got = conv_output_size(28, 3)
    assert operator.index(got) == 26, f'a 3-tap kernel over 28 pixels fits 26 times, not {got!r}'
    got = conv_output_size(28, 5, stride=2, padding=2)
    assert operator.index(got) == 14, f'expected 14, not {got!r}'

