from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_sizes_on_a_small_example(stratified_split, np):
    toy = np.repeat([0, 1], [50, 50])
    train, val, test = stratified_split(toy, (0.7, 0.1, 0.2), seed=1)
    sizes = (len(train), len(val), len(test))
    assert sizes == (70, 10, 20), f'100 labels split 0.7/0.1/0.2 should give sizes (70, 10, 20), not {sizes}'

