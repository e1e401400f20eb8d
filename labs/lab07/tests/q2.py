from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_4x4_example(pool2d, np):
    grid = np.array([[1, 3, 2, 9], [5, 6, 1, 2], [8, 1, 4, 4], [0, 2, 6, 1]])
    for mode, expected in [('max', [[6, 9], [8, 6]]), ('average', [[3.75, 3.5], [2.75, 3.75]])]:
        got = np.asarray(pool2d(grid, 2, mode), dtype=float)
        assert got.shape == (2, 2) and np.allclose(got, expected), f'{mode} pooling of this 4x4 grid in 2x2 windows gives {expected}, not {got.tolist()}'

