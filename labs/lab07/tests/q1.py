from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_box_sum(cross_correlate2d, np):
    out = np.asarray(cross_correlate2d(np.arange(16.0).reshape(4, 4), np.ones((2, 2))))
    assert out.shape == (3, 3), f'a 2x2 kernel over a 4x4 image gives a 3x3 map, not {out.shape}'
    assert out[0, 0] == 10, f'the top-left window holds 0 + 1 + 4 + 5 = 10, not {out[0, 0]}'

