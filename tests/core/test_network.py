"""Editing a network keeps every weight the edit does not touch."""
import numpy as np
import pytest

from core import Layer, Network, ShapeError


@pytest.fixture
def net():
    n = Network.create([2, 3, 4, 1], "tanh", seed=5)
    for layer in n.layers:
        layer.biases[:] = np.arange(layer.n_out) + 0.5
    return n


def test_sizes_and_shapes(net):
    assert net.sizes == [2, 3, 4, 1]
    assert [l.weights.shape for l in net.layers] == [(3, 2), (4, 3), (1, 4)]
    assert net.activations == ["tanh", "tanh", "linear"]
    assert all(l.weights.dtype == np.float64 for l in net.layers)


def test_add_neuron_keeps_other_weights(net):
    old = net.copy()
    pos = net.add_neuron(1, 1, rng=np.random.default_rng(0))
    assert pos == 1 and net.sizes == [2, 4, 4, 1]
    W1, W2 = net.layers[0].weights, net.layers[1].weights
    np.testing.assert_array_equal(np.delete(W1, 1, axis=0), old.layers[0].weights)
    np.testing.assert_array_equal(np.delete(W2, 1, axis=1), old.layers[1].weights)
    np.testing.assert_array_equal(net.layers[2].weights, old.layers[2].weights)
    assert net.layers[0].biases[1] == 0.0


def test_remove_neuron_then_add_restores_shape(net):
    old = net.copy()
    net.remove_neuron(2, 0)
    assert net.sizes == [2, 3, 3, 1]
    np.testing.assert_array_equal(net.layers[1].weights, old.layers[1].weights[1:])
    np.testing.assert_array_equal(net.layers[2].weights, old.layers[2].weights[:, 1:])


def test_input_and_output_neurons(net):
    net.add_neuron(0)
    assert net.input_size == 3 and net.layers[0].weights.shape == (3, 3)
    net.add_neuron(3)
    assert net.output_size == 2
    net.remove_neuron(0, 2)
    assert net.input_size == 2


def test_cannot_empty_a_layer():
    n = Network.create([2, 1, 1], "tanh")
    with pytest.raises(ShapeError):
        n.remove_neuron(1, 0)


def test_add_and_remove_layer(net):
    old = net.copy()
    net.add_layer(2, 5, "relu", rng=np.random.default_rng(1))
    assert net.sizes == [2, 3, 5, 4, 1]
    np.testing.assert_array_equal(net.layers[0].weights, old.layers[0].weights)
    # the layer after keeps the columns that still fit (3 of its old 3 inputs)
    np.testing.assert_array_equal(net.layers[2].weights[:, :3], old.layers[1].weights)
    net.remove_layer(2)
    assert net.sizes == [2, 3, 4, 1]
    np.testing.assert_array_equal(net.layers[1].weights, old.layers[1].weights)
    assert net == old


def test_masks(net):
    net.set_link_enabled(1, 2, 1, False)
    assert net.layers[0].weights[2, 1] == 0 and not net.layers[0].mask[2, 1]
    with pytest.raises(ShapeError):
        net.set_weight(1, 2, 1, 3.0)
    net.set_link_enabled(1, 2, 1, True)
    net.set_weight(1, 2, 1, 3.0)
    assert net.layers[0].weights[2, 1] == 3.0


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "abc", None])
def test_set_weight_refuses_non_numbers(net, bad):
    before = net.copy()
    with pytest.raises(ShapeError):
        net.set_weight(1, 0, 0, bad)
    assert net == before


def test_softmax_only_on_output(net):
    with pytest.raises(ShapeError):
        net.set_activation(1, "softmax")
    net.set_activation(3, "softmax")


def test_copy_is_deep(net):
    c = net.copy()
    c.layers[0].weights[0, 0] = 99
    assert net.layers[0].weights[0, 0] != 99


def test_init_schemes_are_seeded():
    a = Network.create([2, 8, 1], "tanh", init="he", seed=3)
    b = Network.create([2, 8, 1], "tanh", init="he", seed=3)
    c = Network.create([2, 8, 1], "tanh", init="he", seed=4)
    assert a == b and not a == c
    u = Network.create([2, 50, 1], "tanh", init="uniform", seed=0)
    assert np.all(np.abs(u.layers[0].weights) <= 0.5)


def test_copies_keep_parked_weights_and_never_share_them():
    """A layer with nothing parked gets fresh zeros (no memory until written); a copy keeps
    every parked weight, and a link disabled or enabled in one copy leaves the other alone."""
    net = Network.create([3, 4, 2], "tanh", seed=5)
    full = net.copy()
    assert all(not layer.parked.any() and layer.parked.flags.writeable
               and layer.parked.shape == layer.weights.shape for layer in full.layers)
    w = float(net.layers[0].weights[1, 2])
    net.set_link_enabled(1, 1, 2, False)
    parked = net.copy()
    assert parked.layers[0].parked[1, 2] == w and parked.layers[0].weights[1, 2] == 0.0
    parked.set_link_enabled(1, 1, 2, True)
    assert parked.layers[0].weights[1, 2] == w and not parked.layers[0].parked.any()
    assert net.layers[0].parked[1, 2] == w and not net.layers[0].mask[1, 2]   # untouched
    full.set_link_enabled(1, 0, 0, False)
    assert full.layers[0].parked[0, 0] != 0.0
    assert not net.copy().layers[1].parked.any() and net.layers[0].parked[0, 0] == 0.0
    # a layer read with a weight on a disabled link parks it, as before
    layer = Layer(np.array([[1.0, 2.0]]), np.zeros(1), "tanh", mask=np.array([[True, False]]))
    assert layer.parked.tolist() == [[0.0, 2.0]] and layer.weights.tolist() == [[1.0, 0.0]]
    assert layer.copy().parked.tolist() == [[0.0, 2.0]]
