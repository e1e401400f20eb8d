from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_ten_probabilities_and_a_validation_history(model, history, split, np):
    p = np.asarray(model.predict(split.x_val[:5], verbose=0))
    assert p.shape == (5, 10), f'the model should give 10 class probabilities per image, not shape {p.shape}'
    assert np.allclose(p.sum(axis=1), 1, atol=0.0001), 'the outputs should be probabilities: use a softmax output'
    assert 'val_loss' in history.history and 'val_accuracy' in history.history, f"history holds {sorted(history.history)}: compile with metrics=['accuracy'] and fit with validation_data=(split.x_val, split.y_val)"

