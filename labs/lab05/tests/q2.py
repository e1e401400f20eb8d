from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=None, hidden=False)
def test_a_small_kernel(l2_penalty, np):
    got = l2_penalty(np.ones((2, 2)), 0.5)
    assert abs(got - 2.0) < 1e-09, f'four weights of 1 with factor 0.5 give 0.5 * 4 = 2, not {got}'

