from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_memorizer_gives_ten_probabilities(memorizer, memory, x_train):
    import keras
    assert isinstance(memorizer, keras.Model), f'memorizer should be a Keras model, not {type(memorizer).__name__}'
    shape = tuple(memorizer.predict(x_train[:2], verbose=0).shape)
    assert shape == (2, 10), f'memorizer should give 10 class probabilities per image: shape (2, 10) for two, not {shape}'
    assert isinstance(memory, keras.callbacks.History), 'memory should be what memorizer.fit(...) returns'

