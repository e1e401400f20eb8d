from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_from_a_to_b(along_circle, np):
    a, b = (np.array([1.0, 0.0]), np.array([0.0, 1.0]))
    for t, expected in ((0, a), (1, b)):
        got = np.asarray(along_circle(a, b, t), dtype=float)
        assert got.shape == (2,) and np.allclose(got, expected, atol=1e-09), f'along_circle(a, b, {t}) should be {expected.tolist()} for a = [1, 0] and b = [0, 1], not {got}'

