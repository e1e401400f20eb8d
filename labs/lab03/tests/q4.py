from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_two_ratios_and_an_answer(sigmoid_ratio, relu_ratio, fades):
    assert fades in ('sigmoid', 'relu'), f'fades should be "sigmoid" or "relu", not {fades!r}'
    assert float(sigmoid_ratio) > 0 and float(relu_ratio) > 0, f'a ratio of two norms is a positive number, not {sigmoid_ratio!r} and {relu_ratio!r}'

