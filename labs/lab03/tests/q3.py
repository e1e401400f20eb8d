from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1

@test_case(points=None, hidden=False)
def test_answer_is_one_of_the_two(fades):
    assert fades in ('sigmoid', 'relu'), f'fades should be "sigmoid" or "relu", not {fades!r}'

