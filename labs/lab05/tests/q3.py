from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=None, hidden=False)
def test_one_entry_per_run(best_val_loss):
    assert set(best_val_loss) == {'baseline', 'l2', 'dropout'}, f'best_val_loss needs the keys baseline, l2, dropout, not {sorted(best_val_loss)}'

