from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_two_3x3_layers(receptive_field):
    got = receptive_field([(3, 1), (3, 1)])
    assert got == 5, f'two stacked 3-tap layers see 5 pixels, as one 5-tap layer does, not {got!r}'

