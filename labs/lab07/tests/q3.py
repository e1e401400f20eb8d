from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=None, hidden=False)
def test_cnn_takes_images(cnn, split, np):
    p = np.asarray(cnn.predict(split.x_test[:3], verbose=0))
    assert p.shape == (3, 10), f'the CNN should give 10 class scores per 28x28x1 image, not shape {p.shape}'
    assert any(('Conv' in type(layer).__name__ for layer in cnn.layers)), 'the model has no convolution layer'

