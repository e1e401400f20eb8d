from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_one_rise_per_run(rise, helped):
    assert isinstance(rise, dict) and sorted(rise) == ['dropout', 'l1', 'l2', 'large'], f'rise is {rise!r}; it should be a dict with the keys large, l2, dropout and l1'
    assert isinstance(helped, (list, tuple, set)) and all((name in ('large', 'l2', 'dropout', 'l1') for name in helped)), f'helped is {helped!r}; it should be a list of run names, such as ["l2"]'

