from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_shift_a_tiny_batch(shift_right, drops, more_robust, np):
    images = np.arange(1.0, 9.0).reshape(1, 2, 4, 1)
    got = np.asarray(shift_right(images, 1))
    assert got.shape == images.shape, f'a batch of shape {images.shape} keeps its shape when shifted, not {got.shape}'
    assert np.array_equal(got[0, :, :, 0], [[0, 1, 2, 3], [0, 5, 6, 7]]), f'[[1, 2, 3, 4], [5, 6, 7, 8]] moved one column right is [[0, 1, 2, 3], [0, 5, 6, 7]], not {got[0, :, :, 0].tolist()}'
    assert isinstance(drops, dict) and set(drops) == {'cnn', 'dense'}, f'drops should be a dict with the keys "cnn" and "dense", not {drops!r}'
    assert more_robust in ('cnn', 'dense'), f'more_robust should be "cnn" or "dense", not {more_robust!r}'

