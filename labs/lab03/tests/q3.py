from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_norm_per_dense_layer(kernel_gradient_norms, x_batch, y_batch):
    import keras
    net = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(8, activation='relu'), keras.layers.Dense(10, activation='softmax')])
    norms = kernel_gradient_norms(net, x_batch, y_batch)
    assert len(norms) == 2, f'a network with two Dense layers has two kernel gradients, not {len(norms)}'

