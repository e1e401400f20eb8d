from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=None, hidden=False)
def test_two_3x3_layers(receptive_field):
    assert receptive_field([(3, 1), (3, 1)]) == 5, f'two stacked 3-tap layers see 5 pixels, not {receptive_field([(3, 1), (3, 1)])}'

