from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_probe_and_a_measurement(probe, layer_windows, measured_field):
    import operator
    import keras
    assert isinstance(probe, keras.Model), f'probe should be a Keras model, not {type(probe).__name__}'
    shape = tuple(probe.inputs[0].shape[1:])
    assert shape == (28, 28, 1), f'probe should take 28x28x1 images, not {shape}'
    windows = list(layer_windows(probe))
    assert len(windows) >= 3, f'layer_windows(probe) should give one pair per layer of at least 3 layers, not {windows}'
    field = operator.index(measured_field)
    assert 1 <= field <= 28, f'a receptive field on a 28x28 image spans 1 to 28 rows, not {field}'

