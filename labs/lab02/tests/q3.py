from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_row_per_label(one_hot, np):
    encoded = np.asarray(one_hot(np.array([0, 2, 1]), 3), dtype=float)
    assert encoded.shape == (3, 3), f'3 labels of 3 classes give a 3 x 3 array, not shape {encoded.shape}'

