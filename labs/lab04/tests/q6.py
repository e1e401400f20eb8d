from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_shapes(principal_projection, np):
    rng = np.random.default_rng(2)
    got = principal_projection(rng.normal(size=(30, 6)), rng.normal(size=(7, 6)), 3)
    shapes = [np.shape(part) for part in got]
    assert shapes == [(30, 3), (7, 3)], f'for 30 and 7 rows of 6 columns and k = 3, the coordinates have shapes (30, 3) and (7, 3), not {shapes}'

