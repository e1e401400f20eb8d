from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=None, hidden=False)
def test_rate_zero_changes_nothing(dropout_forward, np):
    a = np.arange(12.0).reshape(3, 4)
    assert np.array_equal(dropout_forward(a, 0.0, seed=0), a), 'with rate 0 no unit is dropped and nothing is rescaled'

