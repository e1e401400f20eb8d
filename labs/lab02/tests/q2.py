from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_small_example(cross_entropy, np):
    loss = float(cross_entropy(np.array([[0.0, 0.0]]), np.array([1])))
    assert abs(loss - np.log(2)) < 1e-09, f'two equal logits give a loss of log 2 = 0.6931, not {loss}'

