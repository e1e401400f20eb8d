from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_the_first_layer_of_the_mnist_cnn(conv_params):
    import operator
    got = conv_params(3, 1, 32)
    assert operator.index(got) == 320, f'32 filters of 3x3 on one channel, each with a bias, have 320 parameters, not {got!r}'

