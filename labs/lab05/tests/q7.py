from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_keras_early_stopping_callback(stopper, restored_epoch):
    import operator
    import keras
    assert isinstance(stopper, keras.callbacks.EarlyStopping), f'stopper should be a keras.callbacks.EarlyStopping, not {type(stopper).__name__}'
    try:
        epoch = operator.index(restored_epoch)
    except TypeError:
        epoch = None
    assert epoch is not None and 1 <= epoch <= 20, f'restored_epoch is {restored_epoch!r}; it should be an epoch number (an int) from 1 to 20'

