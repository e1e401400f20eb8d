from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_rows_are_probabilities(softmax, np):
    p = np.asarray(softmax(np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]])), dtype=float)
    assert p.shape == (2, 3), f'softmax should keep the shape (2, 3), not {p.shape}'
    assert np.allclose(p.sum(axis=1), 1), f'each row should sum to 1, not {p.sum(axis=1)}'
    assert np.allclose(p[1], 1 / 3), f'three equal logits should give three probabilities of 1/3, not {p[1]}'

