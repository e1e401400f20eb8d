from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_epochs_are_whole_numbers(best_loss_epoch, best_accuracy_epoch, history):
    import operator
    epochs = len(history.history['val_loss'])
    for name, value in (('best_loss_epoch', best_loss_epoch), ('best_accuracy_epoch', best_accuracy_epoch)):
        try:
            number = operator.index(value)
        except TypeError:
            number = None
        assert number is not None and (not isinstance(value, bool)) and (1 <= number <= epochs), f'{name} should be one epoch, a whole number from 1 to {epochs}, not {value!r}'

