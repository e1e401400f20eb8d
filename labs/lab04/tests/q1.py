from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=None, hidden=False)
def test_best_epoch_is_an_epoch(best_epoch, history):
    epochs = len(history.history['val_loss'])
    assert isinstance(best_epoch, (int,)) and 1 <= best_epoch <= epochs, f'best_epoch should be an int from 1 to {epochs}, not {best_epoch!r}'

