from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_a_dense_layer_and_a_loss(output_layer, keras):
    layer, loss = output_layer('multiclass', 10)
    assert isinstance(layer, keras.layers.Dense) and layer.units == 10, f"output_layer('multiclass', 10) should give a Dense layer of 10 units, not {layer!r}"

