from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=None, hidden=False)
def test_model_outputs_ten_probabilities(model, split, np):
    p = np.asarray(model.predict(split.x_test[:5], verbose=0))
    assert p.shape == (5, 10), f'the model should give 10 class probabilities per image, not shape {p.shape}'
    assert np.allclose(p.sum(axis=1), 1, atol=0.0001), 'the outputs should be probabilities: use a softmax output'

