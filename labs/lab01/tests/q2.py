from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_statistics_are_numbers(mean, std):
    assert 0 < mean < 1 and 0 < std < 1, f'pixels scaled to [0, 1] have a mean and std in (0, 1), not {mean}, {std}'

