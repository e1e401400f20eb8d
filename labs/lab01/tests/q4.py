from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_pair_per_fold(kfold_indices):
    pairs = kfold_indices(20, 4, seed=0)
    assert len(pairs) == 4, f'k = 4 folds give 4 (train, validation) pairs, not {len(pairs)}'
    sizes = [len(train) + len(validation) for train, validation in pairs]
    assert sizes == [20] * 4, f'each pair should split all 20 indices between train and validation, not {sizes}'

