from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_values_at_zero(sigmoid, sigmoid_grad, relu, relu_grad, np):
    assert np.isclose(sigmoid(0.0), 0.5), f'sigmoid(0) = 0.5, not {sigmoid(0.0)}'
    assert np.isclose(sigmoid_grad(0.0), 0.25), f"sigmoid'(0) = 0.25, not {sigmoid_grad(0.0)}"
    assert np.allclose(relu(np.array([-2.0, 3.0])), [0, 3]), f'relu([-2, 3]) = [0, 3], not {relu(np.array([-2.0, 3.0]))}'
    assert np.allclose(relu_grad(np.array([-2.0, 3.0])), [0, 1]), f"relu'([-2, 3]) = [0, 1], not {relu_grad(np.array([-2.0, 3.0]))}"

