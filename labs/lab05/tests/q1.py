from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_rate_zero_changes_nothing(dropout_forward, np):
    a = np.arange(12.0).reshape(3, 4)
    out = dropout_forward(a, 0.0, seed=0)
    assert np.shape(out) == a.shape, f"the output should have the input's shape {a.shape}, not {np.shape(out)}"
    assert np.array_equal(out, a), 'with rate 0 no value is dropped and nothing is rescaled: the output is the input'

