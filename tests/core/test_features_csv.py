"""core.features and core.csvdata."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import csvdata
from core.csvdata import load_csv, read_csv, save_csv, write_csv
from core.datasets import from_points, generate
from core.errors import DataError
from core.features import (FEATURE_LABELS, FEATURE_NAMES, FEATURES, check_features,
                           feature_matrix)


# ------------------------------------------------------------ features
def test_feature_names_and_labels():
    assert FEATURE_NAMES == ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
    assert tuple(FEATURES) == FEATURE_NAMES
    assert FEATURE_LABELS == {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²",
                              "x1*x2": "x₁·x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}


def test_feature_values_by_hand():
    pts = np.array([[2.0, -3.0], [0.0, 0.5], [math.pi / 2, -math.pi]])
    m = feature_matrix(pts, FEATURE_NAMES)
    expected = [
        [2.0, -3.0, 4.0, 9.0, -6.0, math.sin(2.0), math.sin(-3.0)],
        [0.0, 0.5, 0.0, 0.25, 0.0, 0.0, math.sin(0.5)],
        [math.pi / 2, -math.pi, math.pi ** 2 / 4, math.pi ** 2, -math.pi ** 2 / 2, 1.0,
         math.sin(-math.pi)],
    ]
    np.testing.assert_allclose(m, expected, rtol=1e-15, atol=1e-15)
    assert m.shape == (3, 7) and m.dtype == np.float64 and m.flags.c_contiguous


def test_feature_matrix_column_order_and_input_types():
    pts = np.array([[1.5, 2.0], [-1.0, 3.0]], dtype=np.float32)
    m = feature_matrix(pts, ["x1*x2", "x1"])
    np.testing.assert_array_equal(m, [[3.0, 1.5], [-3.0, -1.0]])
    assert m.dtype == np.float64 and m.flags.c_contiguous
    assert feature_matrix(np.zeros((0, 2)), ("x2",)).shape == (0, 1)
    assert feature_matrix([[1, 2]], ("x2^2",)).tolist() == [[4.0]]


@pytest.mark.parametrize("names", [(), [], ("x3",), ("x1", "x1"), ("x1", "X2"), "x1"])
def test_check_features_refuses(names):
    with pytest.raises(DataError):
        check_features(names)
    with pytest.raises(DataError):
        feature_matrix(np.zeros((1, 2)), names)


def test_check_features_returns_tuple():
    assert check_features(["sin(x2)", "x1"]) == ("sin(x2)", "x1")


@pytest.mark.parametrize("shape", [(3,), (3, 3), (2, 1, 2)])
def test_feature_matrix_refuses_bad_points(shape):
    with pytest.raises(DataError):
        feature_matrix(np.zeros(shape), ("x1",))


# ------------------------------------------------------------ CSV: reading
def test_read_basic_with_and_without_header():
    body = "1,2,1\n-3.5,4e-1,-1\n"
    for text in (body, "x1,x2,label\n" + body, " X1 , x2,LABEL \n" + body):
        d = read_csv(text)
        np.testing.assert_array_equal(d.points, [[1, 2], [-3.5, 0.4]])
        np.testing.assert_array_equal(d.labels, [1, -1])
        assert d.kind == "binary" and d.n_classes == 2


def test_read_skips_blank_and_comment_lines_and_handles_crlf_bom():
    text = "\ufeff# my points\r\n\r\nx1,x2,label\r\n  # another\r\n0,0,0\r\n\r\n1,1,2\r\n"
    d = read_csv(text)
    assert len(d) == 2 and d.kind == "multiclass" and d.n_classes == 3


def test_read_infers_kinds():
    assert read_csv("0,0,0.25\n1,1,-1\n").kind == "regression"
    assert read_csv("0,0,1\n1,1,1\n").kind == "binary"
    assert read_csv("0,0,0\n1,1,1\n").kind == "multiclass"


def test_kind_comment_overrides_inference():
    d = read_csv("x1,x2,label\n# kind: regression\n0,0,1\n1,1,-1\n")
    assert d.kind == "regression" and d.n_classes == 0
    with pytest.raises(DataError, match="line 1: unknown kind"):
        read_csv("# kind: fuzzy\n0,0,1\n")


@pytest.mark.parametrize("text,line,fragment", [
    ("1,2\n", 1, "expected 3 comma-separated values, got 2"),
    ("x1,x2,label\n1,2,1\n\n# c\n5,6\n", 5, "expected 3 comma-separated values, got 2"),
    ("1,2,1\n1,2,3,4\n", 2, "got 4"),
    ("1,2,1,\n", 1, "got 4"),
    ("x1,x2,label\n\n1,2,abc\n", 3, "'abc' is not a number"),
    ("1,2,1\n1,,1\n", 2, "x2 value is empty"),
    ("1,nan,1\n", 1, "finite"),
    ("1,2,-inf\n", 1, "finite"),
    ("1e400,2,1\n", 1, "finite"),
    ("1,2,1\n2,3,1\n1000001,0,1\n", 3, "outside the allowed range"),
    ("0,-2e6,1\n", 1, "outside the allowed range"),
    ("0,0,5e7\n", 1, "outside the allowed range"),
    ("1_000,2,1\n", 1, "is not a number"),
    ("1,2,1\nx1,x2,label\n", 2, "'x1' is not a number"),  # a header only as the first line
    ("1;2;1\n", 1, "got 1"),
    ("1,2,1\n# form\x0cfeed\n1,2\n", 3, "got 2"),  # only \n, \r\n, \r end a line
])
def test_malformed_rows_name_their_line(text, line, fragment):
    with pytest.raises(DataError) as exc:
        read_csv(text)
    assert exc.value.line == line
    assert str(exc.value).startswith(f"line {line}: ")
    assert fragment in str(exc.value)


@pytest.mark.parametrize("text", ["", "\n\n", "x1,x2,label\n", "# only a comment\n", "\ufeff"])
def test_no_data_rows(text):
    with pytest.raises(DataError, match="no data rows"):
        read_csv(text)


def test_row_limit(monkeypatch):
    monkeypatch.setattr(csvdata, "MAX_ROWS", 3)
    assert len(read_csv("0,0,1\n" * 3)) == 3
    with pytest.raises(DataError) as exc:
        read_csv("x1,x2,label\n" + "0,0,1\n" * 4)
    assert exc.value.line == 5 and "at most" in str(exc.value)


def test_inconsistent_labels_for_declared_kind():
    with pytest.raises(DataError, match="binary"):
        read_csv("# kind: binary\n0,0,0.5\n")


# ------------------------------------------------------------ CSV: writing and round trips
def test_write_format():
    d = from_points([[1.0, -0.1], [2.5, 1e-300]], [1, -1])
    assert write_csv(d) == "x1,x2,label\n# kind: binary\n1.0,-0.1,1.0\n2.5,1e-300,-1.0\n"


def _same(a, b):
    return (a.points.tobytes() == b.points.tobytes() and a.labels.tobytes() == b.labels.tobytes()
            and a.kind == b.kind and a.n_classes == b.n_classes)


@pytest.mark.parametrize("name", ["circle", "spiral", "regress-gauss", "blobs"])
def test_generated_round_trip_exact(name):
    d = generate(name, noise=0.35, seed=4)
    assert _same(read_csv(write_csv(d)), d)


_coord = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
_LABELS = {"binary": st.sampled_from([-1.0, 1.0]), "multiclass": st.integers(0, 9).map(float),
           "regression": _coord}


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_round_trip_exact_hypothesis(data):
    kind = data.draw(st.sampled_from(sorted(_LABELS)))
    rows = data.draw(st.lists(st.tuples(_coord, _coord, _LABELS[kind]), min_size=1, max_size=40))
    d = from_points([r[:2] for r in rows], [r[2] for r in rows], kind)
    assert _same(read_csv(write_csv(d)), d)


def test_file_round_trip(tmp_path):
    d = generate("xor", noise=0.1, seed=9)
    path = tmp_path / "points.csv"
    save_csv(d, path)
    assert _same(load_csv(path), d)
    assert _same(load_csv(str(path)), d)


def test_load_utf8_bom_and_errors(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes("x1,x2,label\n1,2,1\n".encode("utf-8-sig"))
    assert len(load_csv(p)) == 1
    with pytest.raises(DataError, match="cannot read"):
        load_csv(tmp_path / "missing.csv")
    with pytest.raises(DataError, match="cannot read"):
        load_csv(tmp_path)  # a directory
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("# caf\xe9\n1,2,1\n".encode("latin-1"))
    with pytest.raises(DataError, match="UTF-8"):
        load_csv(bad)
    with pytest.raises(DataError) as exc:
        (tmp_path / "rows.csv").write_text("1,2,1\n3,4\n", encoding="utf-8")
        load_csv(tmp_path / "rows.csv")
    assert exc.value.line == 2


def test_save_error(tmp_path):
    with pytest.raises(DataError, match="cannot write"):
        save_csv(generate("xor"), tmp_path / "no" / "such" / "dir.csv")


@pytest.mark.parametrize("text,line,fragment", [
    ("x1,x2,label\n# kind: binary\n0,0,1\n\n1,1,0.5\n", 5, "binary labels must be +1 or -1"),
    ("# kind: multiclass\n0,0,1\n1,1,2.5\n", 3, "whole numbers 0 … 9"),
    ("# kind: multiclass\n0,0,-1\n", 2, "got -1.0"),
    ("# kind: multiclass\n0,0,3\n1,1,12\n", 3, "got 12.0"),
])
def test_labels_that_do_not_fit_the_declared_kind_name_their_line(text, line, fragment):
    with pytest.raises(DataError) as exc:
        read_csv(text)
    assert exc.value.line == line and str(exc.value).startswith(f"line {line}: ")
    assert fragment in str(exc.value)


def test_every_error_from_a_file_names_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x1,x2,label\n1,2,1\n3,4,-1\n5,six,1\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^line 4: 'six' is not a number$"):
        load_csv(path)
