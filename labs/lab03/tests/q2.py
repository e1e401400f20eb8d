from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_the_shapes_of_one_layer(collapse_linear, np):
    kernel, bias = collapse_linear([(np.ones((4, 3)), np.zeros(3)), (np.ones((3, 2)), np.zeros(2))])
    shapes = (np.shape(kernel), np.shape(bias))
    assert shapes == ((4, 2), (2,)), f'4 inputs -> 3 -> 2 units collapse into a kernel of shape (4, 2) and a bias of shape (2,), not {shapes}'

