from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_shares_of_the_variance(ratios, components_90, np):
    import operator
    shares = np.asarray(ratios, dtype=float)
    assert shares.ndim == 1 and abs(shares.sum() - 1) < 0.0001 and (shares.min() > -1e-06), f'ratios should be a 1-D array of shares of the variance that sums to 1, not {shares!r}'
    try:
        number = operator.index(components_90)
    except TypeError:
        number = None
    assert number is not None and 1 <= number <= 784, f'components_90 should be a whole number of directions from 1 to 784, not {components_90!r}'

