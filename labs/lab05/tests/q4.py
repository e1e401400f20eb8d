from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_epoch_per_size(best_epoch, first_to_overfit):
    assert isinstance(best_epoch, dict) and sorted(best_epoch) == ['large', 'medium', 'small'], f'best_epoch is {best_epoch!r}; it should be a dict with the keys small, medium and large'
    assert first_to_overfit in ('small', 'medium', 'large'), f'first_to_overfit is {first_to_overfit!r}; it should be the name of one of the sizes'

