from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_the_penalties_are_numbers(l1_penalty, l2_penalty, np):
    example = np.array([[0.5, -1.0], [0.0, 2.0]])
    for name, penalty in (('l1_penalty', l1_penalty), ('l2_penalty', l2_penalty)):
        got = penalty(example, 0.1)
        assert np.ndim(got) == 0 and got is not None and (got is not ...), f'{name} returned {got!r}; it should return one number'
        assert float(got) > 0, f'{name} of a nonzero kernel with factor 0.1 is positive, not {got!r}'

