from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_majority_accuracy_is_a_fraction(majority_accuracy):
    assert 0 <= majority_accuracy <= 1, f'an accuracy lies in [0, 1], not {majority_accuracy}'

