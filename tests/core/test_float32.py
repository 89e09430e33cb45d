"""The float32 training path: its gradients are the float64 engine's within float32 rounding,
its folded SGD step is θ − η·g, it learns the digits as well, and what it trains is stored and
shown exactly (float64 copies of float32 values, written as float32 base64)."""
import json
from dataclasses import replace

import numpy as np
import pytest

from core import DocumentError, loss_and_gradients, load_project_text, project_io
from core.digit_projects import digit_project, preset_project
from core.digits import DigitsSpec
from core.errors import EngineError
from core.kernel import Kernel, augment
from core.optim import OptimizerConfig
from core.training import TrainConfig, Trainer

from .test_gradients import HIDDEN, OUTPUT_LOSS, _random_case

# float32 has a 24-bit significand (ε = 1.19e-7); a gradient through a few layers of a few
# dozen terms each loses a few hundred ε at most, relative to the gradient's own scale
F32_TOL = 5e-5


def _kernel_grads(net, loss, x, y, precision):
    k = Kernel(net, loss, precision=precision)
    k.gradient(x, y)
    return [(W.astype(np.float64), b.astype(np.float64)) for W, b in
            zip(k.flat.W, k.flat.b)], [(dWb[:, :-1].astype(np.float64), dWb[:, -1].astype(np.float64))
                                       for dWb in k.flat.dWb]


def _close(got, want, tol=F32_TOL):
    scale = max(np.abs(want).max(), 1e-3)
    return np.abs(got - want).max() <= tol * scale


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("out_act,loss", OUTPUT_LOSS)
def test_float32_gradients_are_the_float64_engines_within_float32_rounding(hidden, out_act, loss):
    net, x, y = _random_case(11, [6, 9, 7, 4], hidden, out_act, 8)
    # the float64 reference on the very parameters float32 trains with (rounded once)
    net32 = net.copy()
    net32.set_params([(l.weights.astype(np.float32).astype(np.float64),
                       l.biases.astype(np.float32).astype(np.float64)) for l in net.layers])
    x = x.astype(np.float32).astype(np.float64)
    ref = loss_and_gradients(net32, x, y, loss)
    _, grads = _kernel_grads(net32, loss, x, y, "float32")
    for (gW, gb), rW, rb in zip(grads, ref.dW, ref.db):
        assert _close(gW, rW) and _close(gb, rb), (np.abs(gW - rW).max(), np.abs(rW).max())


def test_float32_gradient_on_a_digit_matches_central_differences_of_the_float64_engine():
    from core.gradcheck import numeric_gradients
    p = digit_project(DigitsSpec("digits_8x8", 0.75, 3), [12], "sigmoid", "softmax",
                      "softmax_cross_entropy")
    data = p.train_data()
    x, y = data.x_train[:10], data.y_train[:10]
    num_dW, num_db = numeric_gradients(p.network, x, y, p.loss, 1e-5)
    _, grads = _kernel_grads(p.network, p.loss, x, y, "float32")
    for (gW, gb), nW, nb in zip(grads, num_dW, num_db):
        assert _close(gW, nW, 1e-4) and _close(gb, nb, 1e-4)


def test_float32_buffers_stay_float32_and_params_come_out_as_exact_float64():
    p = preset_project("digits_8x8_64_32_10", seed=2)
    t = Trainer(p.network, p.train_data(), p.train_config(precision="float32"))
    t.train_steps(5)
    plan = t.kernel.plan(t.batch_size)
    assert t.flat.theta.dtype == np.float32
    assert all(b.dtype == np.float32 for b in plan.z + plan.a + plan.g + [plan.x_aug])
    for W, b in t.params():
        assert W.dtype == np.float64 and np.array_equal(W.astype(np.float32).astype(np.float64), W)
    assert t.params()[0][0].dtype == np.float64


def test_folded_sgd_step_is_theta_minus_eta_times_the_mean_gradient():
    net, x, y = _random_case(4, [5, 8, 3], "sigmoid", "softmax", 6)
    from core.training import TrainData
    data = TrainData(x, y, np.argmax(y, 1).astype(float), x[:0], y[:0], np.zeros(0), "multiclass")
    eta = 0.37
    cfg = TrainConfig(loss="softmax_cross_entropy", optimizer=OptimizerConfig("sgd", eta),
                      batch_size=6, precision="float32")
    t = Trainer(net, data, cfg)
    assert t.optimizer.folded and t.kernel.scale == pytest.approx(eta)
    before = [(W.copy(), b.copy()) for W, b in t.params()]
    ref = loss_and_gradients(t.network(), x, y, "softmax_cross_entropy")
    t.train_steps(1)
    for (W0, b0), (W1, b1), dW, db in zip(before, t.params(), ref.dW, ref.db):
        assert _close(W1, W0 - eta * dW, 1e-6 / max(np.abs(W0).max(), 1e-3) + F32_TOL)
        assert _close(b1, b0 - eta * db, 1e-6 / max(np.abs(b0).max(), 1e-3) + F32_TOL)
    # a new learning rate mid-run re-folds; L2 (or momentum) unfolds: the plain update rule
    t.set_learning_rate(0.05)
    assert t.kernel.scale == pytest.approx(0.05) and t.optimizer.folded
    t.set_config(replace(t.config, optimizer=OptimizerConfig("sgd", 0.05, regularization="l2",
                                                             regularization_rate=1e-3)))
    assert not t.optimizer.folded and t.kernel.scale == 1.0
    with pytest.raises(EngineError, match="precision"):
        t.set_config(replace(t.config, precision="float64"))


def test_float64_never_folds_and_stays_the_exact_path():
    p = preset_project("digits_8x8_64_32_10", seed=2)
    t = Trainer(p.network, p.train_data(), replace(p.train_config(),
                                                  optimizer=OptimizerConfig("sgd", 0.1)))
    assert not t.optimizer.folded and t.kernel.scale == 1.0 and t.flat.theta.dtype == np.float64


@pytest.mark.parametrize("key,epochs,target", [("digits_8x8_64_32_10", 40, 0.97),
                                               ("seed001_mnist_784_30_10", 6, 0.88)])
def test_float32_reaches_the_same_accuracy_targets_median_over_seeds(key, epochs, target):
    accs = []
    for seed in (1, 2, 3):
        p = preset_project(key, seed=seed)
        t = Trainer(p.network, p.train_data(), p.train_config(max_epochs=epochs,
                                                              precision="float32"))
        accs.append([s.test_accuracy for s in t.run()][-1])
    assert np.median(accs) >= target, accs
    assert min(accs) >= target - 0.015, accs


def test_a_float32_trained_document_round_trips_bit_for_bit_at_half_the_size(tmp_path):
    p = preset_project("seed001_mnist_784_30_10", seed=1)
    p.precision = "float32"
    t = Trainer(p.network, p.train_data(), p.train_config(max_epochs=1))
    list(t.run())
    p.network = t.network()
    path = tmp_path / "f32.json"
    project_io.save(p, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["training"]["precision"] == "float32"
    w = doc["network"]["layers"][0]["weights"]
    assert w["dtype"] == "float32" and w["shape"] == [30, 784]
    q = project_io.load(path)
    assert q.precision == "float32" and q.network == p.network
    for a, b in zip(q.network.layers, p.network.layers):
        assert np.array_equal(a.weights, b.weights) and a.weights.dtype == np.float64
    # the storage follows the values, not the setting: float64 training of these values
    # would write them the same way; as float64 base64 they would take twice the room
    p64 = p.copy()
    p64.precision = "float64"
    doc64 = json.loads(project_io.dumps(p64))
    assert "precision" not in doc64["training"]
    assert doc64["network"]["layers"][0]["weights"] == w
    from core.array_codec import encode
    wide = encode(p.network.layers[0].weights, "float64")["base64"]
    assert len(w["base64"]) < 0.51 * len(wide)


def test_float64_values_that_are_not_float32_values_stay_float64():
    p = preset_project("seed001_mnist_784_30_10", seed=1)      # Xavier init in float64
    w = json.loads(project_io.dumps(p))["network"]["layers"][0]["weights"]
    assert w["dtype"] == "float64"


def test_a_bad_precision_is_refused_naming_the_field():
    doc = json.loads(project_io.dumps(preset_project("digits_8x8_64_32_10")))
    doc["training"]["precision"] = "float16"
    with pytest.raises(DocumentError) as exc:
        load_project_text(json.dumps(doc))
    assert exc.value.path == "training.precision"
    with pytest.raises(EngineError, match="precision"):
        TrainConfig(precision="float16")


def test_float32_storage_of_a_uint8_field_is_refused():
    from core.array_codec import decode, encode
    with pytest.raises(DocumentError) as exc:
        decode(encode(np.zeros((2, 8, 8)), "float32"), "digits.images", "uint8", (None, 8, 8))
    assert exc.value.path == "digits.images.dtype"
    # a float32 array that is truncated names its byte count in float32 units
    enc = encode(np.ones((3, 4)), "float32")
    import base64
    enc["base64"] = base64.b64encode(base64.b64decode(enc["base64"])[:-4]).decode()
    with pytest.raises(DocumentError, match="need 48 bytes, got 44"):
        decode(enc, "w", "float64", (3, 4))


def test_seed_002_is_bundled_trained_in_float32_and_loads_validated_within_a_second():
    import time
    from core.digits import load_set
    from core.forward import predict
    from ..conftest import EXAMPLES
    path = EXAMPLES / "digits_seed002_mnist_784_500_500_10.json"
    assert path.stat().st_size < 4_000_000
    times = []
    for _ in range(3):
        t = time.process_time()
        p = project_io.load(path)
        times.append(time.process_time() - t)
    assert np.median(times) <= 1.0, times
    assert p.network.sizes == [784, 500, 500, 10] and p.precision == "float32"
    assert p.network.layers[0].activation == "sigmoid" and p.network.layers[-1].activation == "softmax"
    assert p.translations["zh_CN"]["title"]
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert all(l["weights"]["dtype"] == "float32" for l in doc["network"]["layers"][:2])
    for layer in p.network.layers:              # trained in float32: every value one exactly
        assert np.array_equal(layer.weights.astype(np.float32).astype(np.float64), layer.weights)
    # trained: the history's last test accuracy is what its weights give on the test split
    _, te = p.digits.split_indices()
    data = load_set("mnist_5k")
    acc = np.mean(np.argmax(predict(p.network, data.inputs(te)), 1) == data.labels[te])
    assert acc >= 0.85 and abs(acc - p.history.test_accuracy[-1]) < 0.005, acc
    # damaged on disk: refused with the field named
    doc["network"]["layers"][1]["weights"]["base64"] = doc["network"]["layers"][1]["weights"]["base64"][:-8]
    with pytest.raises(DocumentError) as exc:
        load_project_text(json.dumps(doc))
    assert exc.value.path == "network.layers[1].weights.base64"
