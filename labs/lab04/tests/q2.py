from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

@test_case(points=None, hidden=False)
def test_gap_is_a_number(final_gap):
    assert -1 <= final_gap <= 1, f'a difference of two accuracies lies in [-1, 1], not {final_gap}'

