from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=None, hidden=False)
def test_memory_is_a_history(memory):
    assert 'accuracy' in memory.history and 'val_accuracy' in memory.history, "memory should be what fit() returns, trained with metrics=['accuracy'] and validation_data"

