from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_cnn_gives_ten_scores_per_image(cnn, split, np):
    import keras
    scores = np.asarray(cnn.predict(split.x_val[:3], verbose=0))
    assert scores.shape == (3, 10), f'cnn should give 10 scores per 28x28x1 image, not an array of shape {scores.shape}'
    assert any((isinstance(layer, keras.layers.Conv2D) for layer in cnn.layers)), 'cnn has no Conv2D layer'

