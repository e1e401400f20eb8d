from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_map_per_filter(first_layer_maps, strongest_filter, cnn, digit, np):
    import keras
    conv = next((layer for layer in cnn.layers if isinstance(layer, keras.layers.Conv2D)))
    expected = tuple(conv.compute_output_shape((1, *digit.shape))[1:])
    got = np.shape(first_layer_maps(cnn, digit))
    assert got == expected, f"your cnn's first Conv2D layer gives maps of shape {expected} for one image, not {got}"
    assert strongest_filter in range(expected[-1]), f'strongest_filter should be the index of a filter, from 0 to {expected[-1] - 1}, not {strongest_filter!r}'

