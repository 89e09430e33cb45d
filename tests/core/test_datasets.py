"""core.datasets: the TensorFlow Playground generators' formulas, our extra sets, split, from_points."""
import math

import numpy as np
import pytest

from core.datasets import (DATASET_KIND, DATASET_NAMES, DEFAULT_POINTS, DOMAIN, Dataset,
                           from_points, generate, regress_gauss_label, split)
from core.errors import DataError

TFP_CLASSIFY = ("circle", "xor", "gauss", "spiral")
TFP_REGRESS = ("regress-plane", "regress-gauss")
MULTI = ("multiclass-spiral", "blobs")


def test_names_kinds_defaults():
    assert DATASET_NAMES == ("circle", "xor", "gauss", "spiral", "regress-plane", "regress-gauss",
                             "moons", "checkerboard", "multiclass-spiral", "blobs")
    assert set(DATASET_KIND) == set(DEFAULT_POINTS) == set(DATASET_NAMES)
    assert all(DEFAULT_POINTS[n] == 500 for n in TFP_CLASSIFY)
    assert all(DEFAULT_POINTS[n] == 1200 for n in TFP_REGRESS)
    assert {DATASET_KIND[n] for n in TFP_CLASSIFY + ("moons", "checkerboard")} == {"binary"}
    assert {DATASET_KIND[n] for n in TFP_REGRESS} == {"regression"}
    assert {DATASET_KIND[n] for n in MULTI} == {"multiclass"}


# ------------------------------------------------------------ every generator
@pytest.mark.parametrize("noise", [0.0, 0.25, 0.5])
@pytest.mark.parametrize("name", DATASET_NAMES)
def test_shape_dtype_domain_labels(name, noise):
    d = generate(name, noise=noise, seed=3)
    n = DEFAULT_POINTS[name]
    assert len(d) == n and d.points.shape == (n, 2) and d.labels.shape == (n,)
    assert d.points.dtype == d.labels.dtype == np.float64
    assert d.points.flags.c_contiguous
    assert np.isfinite(d.points).all() and np.isfinite(d.labels).all()
    lo, hi = DOMAIN
    assert d.points.min() >= lo and d.points.max() <= hi
    assert d.kind == DATASET_KIND[name]
    if d.kind == "binary":
        assert d.n_classes == 2
        assert set(np.unique(d.labels)) == {-1.0, 1.0}
    elif d.kind == "multiclass":
        assert d.n_classes == 3
        assert set(np.unique(d.labels)) == {0.0, 1.0, 2.0}
    else:
        assert d.n_classes == 0
        assert len(np.unique(d.labels)) > n // 4  # real-valued


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_deterministic_per_seed(name):
    a = generate(name, noise=0.3, seed=11, n_points=301)
    b = generate(name, noise=0.3, seed=11, n_points=301)
    assert a.points.tobytes() == b.points.tobytes() and a.labels.tobytes() == b.labels.tobytes()
    c = generate(name, noise=0.3, seed=12, n_points=301)
    assert not np.array_equal(a.points, c.points)


@pytest.mark.parametrize("name", DATASET_NAMES)
@pytest.mark.parametrize("n", [1, 2, 7, 101])
def test_exact_point_count(name, n):
    d = generate(name, noise=0.1, seed=0, n_points=n)
    assert len(d) == n and d.points.shape == (n, 2)


@pytest.mark.parametrize("name", ["circle", "xor", "regress-plane", "regress-gauss", "checkerboard"])
def test_label_noise_moves_labels_not_points(name):
    clean, noisy = generate(name, 0.0, seed=5), generate(name, 0.5, seed=5)
    assert np.array_equal(clean.points, noisy.points)
    assert not np.array_equal(clean.labels, noisy.labels)


@pytest.mark.parametrize("kwargs", [
    dict(name="nope"), dict(name="circle", noise=-0.01), dict(name="circle", noise=0.51),
    dict(name="circle", noise=float("nan")), dict(name="circle", noise="lots"),
    dict(name="circle", n_points=0), dict(name="circle", n_points=-3),
    dict(name="circle", n_points=2.5), dict(name="circle", n_points=True),
    dict(name="circle", seed=-1), dict(name="blobs", n_classes=2),
    dict(name="multiclass-spiral", n_classes=6),
])
def test_bad_arguments(kwargs):
    with pytest.raises(DataError):
        generate(**kwargs)


def test_n_classes_ignored_by_binary_sets():
    assert np.array_equal(generate("circle", n_classes=9).labels, generate("circle").labels)


# ------------------------------------------------------------ TFP's formulas at noise 0
def test_circle_formula():
    d = generate("circle", 0.0, seed=1)
    r = np.hypot(d.points[:, 0], d.points[:, 1])
    assert np.array_equal(d.labels, np.where(r < 2.5, 1.0, -1.0))
    assert (r[:250] < 2.5).all() and (r[250:] >= 3.5).all() and (r[250:] <= 5.0).all()
    assert (d.labels[:250] == 1).all() and (d.labels[250:] == -1).all()
    # with noise the label is read at a jittered point: some flip
    noisy = generate("circle", 0.5, seed=1)
    assert 0 < np.sum(noisy.labels != np.where(r < 2.5, 1.0, -1.0)) < 250


def _tfp_circle_inner_positive_rate(noise, n, seed=99):
    """Independent transcription of classifyCircleData's inner half: the share labelled +1."""
    rng = np.random.default_rng(seed)
    r, a = rng.uniform(0, 2.5, n), rng.uniform(0, 2 * math.pi, n)
    x = r * np.sin(a) + rng.uniform(-5, 5, n) * noise
    y = r * np.cos(a) + rng.uniform(-5, 5, n) * noise
    return np.mean(np.sqrt(x * x + y * y) < 2.5)


@pytest.mark.parametrize("noise", [0.2, 0.5])
def test_circle_noise_matches_tfp_statistically(noise):
    d = generate("circle", noise, seed=2, n_points=200_000)
    inner = np.hypot(*d.points.T) < 2.5
    rate = np.mean(d.labels[inner] == 1)
    assert rate == pytest.approx(_tfp_circle_inner_positive_rate(noise, 100_000), abs=0.01)


def test_xor_formula():
    d = generate("xor", 0.0, seed=2)
    x, y = d.points.T
    assert np.array_equal(d.labels, np.where(x * y >= 0, 1.0, -1.0))
    assert (np.abs(d.points) >= 0.3).all() and (np.abs(d.points) < 5.3).all()


def test_gauss_formula():
    d = generate("gauss", 0.0, seed=3, n_points=40_000)
    pos, neg = d.points[d.labels == 1], d.points[d.labels == -1]
    assert len(pos) == len(neg) == 20_000
    np.testing.assert_allclose(pos.mean(axis=0), [2, 2], atol=0.02)
    np.testing.assert_allclose(neg.mean(axis=0), [-2, -2], atol=0.02)
    np.testing.assert_allclose(pos.var(axis=0), [0.5, 0.5], rtol=0.05)
    np.testing.assert_allclose(neg.var(axis=0), [0.5, 0.5], rtol=0.05)
    # variance = linear [0, 0.5] -> [0.5, 4]: 2.25 at noise 0.25 (barely truncated by the domain)
    wide = generate("gauss", 0.25, seed=3, n_points=40_000)
    np.testing.assert_allclose(wide.points[wide.labels == 1].var(axis=0), [2.25, 2.25], rtol=0.1)


def test_spiral_formula():
    n = 500
    d = generate("spiral", 0.0, seed=4)
    m = n / 2
    for arm, (delta_t, label) in enumerate(((0.0, 1.0), (math.pi, -1.0))):
        pts = d.points[arm * 250:(arm + 1) * 250]
        assert (d.labels[arm * 250:(arm + 1) * 250] == label).all()
        i = np.arange(250)
        r, t = i / m * 5, 1.75 * i / m * 2 * math.pi + delta_t
        np.testing.assert_allclose(np.hypot(pts[:, 0], pts[:, 1]), r, atol=1e-12)
        ang = np.arctan2(pts[1:, 0], pts[1:, 1])  # x = r sin t, y = r cos t
        np.testing.assert_allclose(np.angle(np.exp(1j * (ang - t[1:]))), 0, atol=1e-9)
    # noise: each coordinate moves at most 1 * noise
    noisy = generate("spiral", 0.5, seed=4)
    assert 0 < np.abs(noisy.points - d.points).max() <= 0.5


def test_regress_plane_formula():
    d = generate("regress-plane", 0.0, seed=5)
    assert np.array_equal(d.labels, (d.points[:, 0] + d.points[:, 1]) / 10.0)
    assert (np.abs(d.points) <= 6).all()


def test_regress_plane_noise_formula():
    # label - (x + y)/10 = (noise_x + noise_y)/10, noise_* ~ U[-6, 6)·noise: |.| <= 1.2·noise,
    # variance 2 · (12²/12) · noise² / 100
    noise = 0.5
    d = generate("regress-plane", noise, seed=5, n_points=100_000)
    resid = d.labels - (d.points[:, 0] + d.points[:, 1]) / 10.0
    assert np.abs(resid).max() <= 1.2 * noise
    assert resid.var() == pytest.approx(2 * 12 * noise ** 2 / 100, rel=0.02)


def _tfp_regress_gauss_label(x, y):
    """Straight transcription of TFP's getLabel loop."""
    centres = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    label = 0.0
    for cx, cy, sign in centres:
        d = math.sqrt((x - cx) ** 2 + (y - cy) ** 2)
        new = sign * min(max(1 - d / 2, 0.0), 1.0)
        if abs(new) > abs(label):
            label = new
    return label


def test_regress_gauss_formula():
    d = generate("regress-gauss", 0.0, seed=6)
    assert d.labels.min() >= -1 and d.labels.max() <= 1
    expected = [_tfp_regress_gauss_label(x, y) for x, y in d.points.tolist()]
    np.testing.assert_allclose(d.labels, expected, rtol=0, atol=1e-15)
    assert (d.labels == 0).any() and d.labels.max() > 0.9 and d.labels.min() < -0.9


def test_regress_gauss_label_points():
    assert regress_gauss_label(-4, 2.5) == 1.0 and regress_gauss_label(0, 2.5) == -1.0
    assert regress_gauss_label(4, -2.5) == -1.0 and regress_gauss_label(6, 0) == 0.0
    assert regress_gauss_label(-4, 1.5) == pytest.approx(0.5)
    assert regress_gauss_label(0.5, -2.5) == pytest.approx(0.75)
    assert regress_gauss_label(-2, 2.5) == 0.0  # 2 from both neighbours: the scale is 0 there
    np.testing.assert_array_equal(regress_gauss_label([-4, 0], [2.5, 2.5]), [1, -1])


# ------------------------------------------------------------ our own sets
def test_moons_formula():
    d = generate("moons", 0.0, seed=7)
    p = d.points / (10 / 3) + [0.5, 0.25]  # undo scale and shift
    up, down = p[d.labels == 1], p[d.labels == -1]
    np.testing.assert_allclose(np.hypot(*up.T), 1, atol=1e-12)
    assert (up[:, 1] >= 0).all()
    np.testing.assert_allclose(np.hypot(down[:, 0] - 1, down[:, 1] - 0.5), 1, atol=1e-12)
    assert (down[:, 1] <= 0.5).all()
    assert np.abs(d.points[:, 0]).max() <= 5 + 1e-12


def test_checkerboard_formula():
    d = generate("checkerboard", 0.0, seed=8)
    parity = (np.floor(d.points[:, 0] / 3) + np.floor(d.points[:, 1] / 3)) % 2
    assert np.array_equal(d.labels, np.where(parity == 0, 1.0, -1.0))
    cells = {(int(a), int(b)) for a, b in np.floor(d.points / 3)}
    assert cells == {(a, b) for a in range(-2, 2) for b in range(-2, 2)}


@pytest.mark.parametrize("k", [3, 4, 5])
def test_multiclass_spiral(k):
    d = generate("multiclass-spiral", 0.0, seed=9, n_classes=k)
    assert d.n_classes == k and len(d) == 600
    for c in range(k):
        pts = d.points[d.labels == c]
        m = len(pts)
        assert m == 600 // k
        i = np.arange(m)
        np.testing.assert_allclose(np.hypot(*pts.T), i / m * 5, atol=1e-12)
        t = 1.25 * i / m * 2 * math.pi + 2 * math.pi * c / k
        ang = np.arctan2(pts[1:, 0], pts[1:, 1])
        np.testing.assert_allclose(np.angle(np.exp(1j * (ang - t[1:]))), 0, atol=1e-9)


@pytest.mark.parametrize("k", [3, 4, 5])
def test_blobs(k):
    d = generate("blobs", 0.0, seed=10, n_classes=k, n_points=1000 * k)
    assert set(np.unique(d.labels)) == set(range(k)) and d.n_classes == k
    for c in range(k):
        theta = 2 * math.pi * c / k
        pts = d.points[d.labels == c]
        np.testing.assert_allclose(pts.mean(axis=0), [3.5 * math.sin(theta), 3.5 * math.cos(theta)],
                                   atol=0.1)
        np.testing.assert_allclose(pts.var(axis=0), [0.5, 0.5], rtol=0.15)


# ------------------------------------------------------------ split
def _rows(d):
    return sorted(map(tuple, np.column_stack([d.points, d.labels]).tolist()))


@pytest.mark.parametrize("ratio,n_train", [(0.5, 250), (0.7, 350), (0.1, 50), (0.999, 499)])
def test_split_sizes_disjoint(ratio, n_train):
    d = generate("circle", 0.2, seed=1)
    train, test = split(d, ratio, seed=3)
    assert len(train) == n_train and len(test) == 500 - n_train
    assert _rows(d) == sorted(_rows(train) + _rows(test))
    assert not set(_rows(train)) & set(_rows(test))
    assert train.kind == test.kind == "binary" and train.n_classes == 2


def test_split_deterministic_and_shuffled():
    d = generate("spiral", 0.0, seed=1)
    a, _ = split(d, 0.5, seed=4)
    b, _ = split(d, 0.5, seed=4)
    c, _ = split(d, 0.5, seed=5)
    assert np.array_equal(a.points, b.points) and np.array_equal(a.labels, b.labels)
    assert not np.array_equal(a.points, c.points)
    assert 0 < np.sum(a.labels == 1) < 250  # shuffled, not the first arm


@pytest.mark.parametrize("ratio", [0.0, 1.0, -0.5, 1.5, float("nan"), "half"])
def test_split_bad_ratio(ratio):
    with pytest.raises(DataError):
        split(generate("xor"), ratio)


def test_subset_copies():
    d = generate("blobs", seed=2, n_points=30)
    s = d.subset(d.labels == 1)
    assert len(s) == 10 and (s.labels == 1).all() and s.n_classes == 3
    s.points[0, 0] = 99.0
    assert 99.0 not in d.points
    assert len(d.subset(slice(0, 0))) == 0


# ------------------------------------------------------------ from_points
@pytest.mark.parametrize("labels,kind,k", [
    ([1, -1, 1], "binary", 2), ([1, 1, 1], "binary", 2), ([0, 1, 2], "multiclass", 3),
    ([0, 0, 4], "multiclass", 5), ([0, 1, 1], "multiclass", 2), ([0.5, -1, 1], "regression", 0),
    ([0, 1, 10], "regression", 0), ([-2, 1, 1], "regression", 0),
])
def test_from_points_infers_kind(labels, kind, k):
    d = from_points([[0, 0], [1, 2], [-3, 4]], labels)
    assert (d.kind, d.n_classes) == (kind, k)
    assert isinstance(d, Dataset) and d.points.dtype == d.labels.dtype == np.float64


def test_from_points_explicit_kind():
    assert from_points([[0, 0], [1, 1]], [1, -1], kind="regression").kind == "regression"
    assert from_points([[0, 0], [1, 1]], [[1], [0]], kind="multiclass").n_classes == 2


@pytest.mark.parametrize("points,labels,kind", [
    ([[0, 0, 0]], [1], None), ([0, 0], [1], None), ([[0, 0], [1, 1]], [1], None),
    ([], [], None), ([[np.nan, 0]], [1], None), ([[0, 0]], [np.inf], None),
    ([[0, 0]], [0.5], "binary"), ([[0, 0]], [1.5], "multiclass"), ([[0, 0]], [-1], "multiclass"),
    ([[0, 0]], [10], "multiclass"), ([[0, 0]], [1], "ordinal"), ([["a", 0]], [1], None),
])
def test_from_points_refuses(points, labels, kind):
    with pytest.raises(DataError):
        from_points(points, labels, kind)


def _tfp_xor_flip_rate(noise, n, seed=98):
    """Independent transcription of classifyXORData: the share of labels that differ from
    the clean quadrant rule once the label is read at (x + noise_x, y + noise_y)."""
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(-5, 5, n), rng.uniform(-5, 5, n)
    x += np.where(x > 0, 0.3, -0.3)
    y += np.where(y > 0, 0.3, -0.3)
    nx, ny = rng.uniform(-5, 5, n) * noise, rng.uniform(-5, 5, n) * noise
    return np.mean(((x + nx) * (y + ny) >= 0) != (x * y >= 0))


@pytest.mark.parametrize("noise", [0.1, 0.5])
def test_xor_noise_matches_tfp_statistically(noise):
    d = generate("xor", noise, seed=3, n_points=200_000)
    clean = np.where(d.points[:, 0] * d.points[:, 1] >= 0, 1.0, -1.0)
    rate = np.mean(d.labels != clean)
    assert rate == pytest.approx(_tfp_xor_flip_rate(noise, 200_000), abs=0.005)
    assert rate > 0.005


def test_spiral_noise_is_uniform_minus_one_to_one_times_noise():
    noise = 0.4
    clean = generate("spiral", 0.0, seed=1, n_points=100_000)
    noisy = generate("spiral", noise, seed=1, n_points=100_000)
    jitter = (noisy.points - clean.points).ravel()
    assert np.abs(jitter).max() <= noise
    assert jitter.mean() == pytest.approx(0, abs=0.005)
    assert jitter.var() == pytest.approx(noise ** 2 / 3, rel=0.02)   # Var U[-a, a) = a²/3


def test_gauss_variance_at_full_noise_is_four():
    """noise 50 % → variance 4 (sd 2); the few points beyond the domain are redrawn, so the
    spread is that of N(2, 4) truncated to [-6, 6] (TFP would leave them off-screen)."""
    d = generate("gauss", 0.5, seed=4, n_points=100_000)
    pos = d.points[d.labels == 1]
    rng = np.random.default_rng(0)
    ref = rng.normal(2.0, 2.0, 400_000)
    ref = ref[(ref >= -6) & (ref <= 6)]
    np.testing.assert_allclose(pos.var(axis=0), [ref.var()] * 2, rtol=0.03)
    np.testing.assert_allclose(pos.mean(axis=0), [ref.mean()] * 2, atol=0.03)
