from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_the_softmax_regression(dense_parameter_count):
    got = dense_parameter_count([784, 10])
    assert got == 7850, f'a Dense(10) layer on 784 inputs has 10 x (784 + 1) = 7850 parameters, not {got!r}'

