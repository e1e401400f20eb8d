from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_confusion_matrix_a_pair_and_a_gap(confusion, most_confused, first_epoch_gap, split, np):
    counts = np.asarray(confusion)
    assert counts.shape == (10, 10), f'confusion should be 10 x 10, not shape {counts.shape}'
    assert counts.sum() == len(split.y_val), f'confusion should count each of the {len(split.y_val)} validation images once; it counts {counts.sum()}'
    assert len(most_confused) == 2, f'most_confused should be a pair (t, p), not {most_confused!r}'
    assert -1 <= first_epoch_gap <= 1, f'a difference of two accuracies lies in [-1, 1], not {first_epoch_gap!r}'

