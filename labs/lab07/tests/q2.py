from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=None, hidden=False)
def test_a_4x4_example(max_pool2d, np):
    out = max_pool2d(np.arange(16.0).reshape(4, 4), 2)
    assert np.array_equal(out, [[5, 7], [13, 15]]), f'expected [[5, 7], [13, 15]], not {out.tolist()}'

