from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_points_next_to_their_twins(nearest_neighbour_accuracy, np):
    x_fit, y_fit = (np.array([[0.0, 0.0], [10.0, 0.0]]), np.array([4, 9]))
    got = nearest_neighbour_accuracy(x_fit, y_fit, np.array([[1.0, 0.5], [9.0, -1.0]]), np.array([4, 9]))
    assert abs(float(got) - 1) < 1e-09, f'two points labelled 4 and 9, each next to the training point with the same label, are both predicted right: accuracy 1.0, not {got!r}'

