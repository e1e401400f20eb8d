from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_share_per_run(sparsity, sparsest):
    assert isinstance(sparsity, dict) and sorted(sparsity) == ['dropout', 'l1', 'l2', 'large'], f'sparsity is {sparsity!r}; it should be a dict with the keys large, l2, dropout and l1'
    assert sparsest in ('large', 'l2', 'dropout', 'l1'), f'sparsest is {sparsest!r}; it should be the name of a run'

