from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_accuracies_are_fractions(true_val_accuracy, shuffled_val_accuracy, baseline_val_accuracy):
    for name, value in [('true_val_accuracy', true_val_accuracy), ('shuffled_val_accuracy', shuffled_val_accuracy), ('baseline_val_accuracy', baseline_val_accuracy)]:
        assert 0 <= float(value) <= 1, f'{name} is an accuracy, a fraction in [0, 1], not {value}'

