"""A drawing made into a data-set image, the way each set's images were made.

* MNIST (28×28): the ink's bounding box is scaled (aspect kept) so its larger side is 20
  pixels, placed in a 28×28 field, and shifted by whole pixels so its centre of mass lies
  within half a pixel of (14, 14) — "normalized to fit in a 20×20 pixel box … centered in a
  28×28 image by computing the center of mass of the pixels". Grey values 0…255.
* 8×8 (UCI): a 32×32 bitmap whose ink fills the height (NIST's size normalisation; every image
  of the bundled set touches its top and bottom rows), the width scaled by the same factor about
  the pad's centre, then the number of "on" pixels in each 4×4 block: counts 0…16.

Input is ``ink``: a square float array in [0, 1] at any resolution that is a whole multiple of
the set's raster (280 = 28·10 or 256 = 32·8 in the pad). Resampling is by exact area
coverage, so a data-set image enlarged by a whole factor comes back unchanged (the tests
check this on every bundled image).
"""
from __future__ import annotations

import numpy as np

MNIST_SIDE, MNIST_BOX, MNIST_CENTRE = 28, 20, 14.0
UCI_BITMAP, UCI_BLOCK = 32, 4


def area_matrix(n_out: int, start: float, stop: float, n_in: int) -> np.ndarray:
    """(n_out, n_in) weights: output cell i averages the input interval
    [start + i·w, start + (i+1)·w) with w = (stop − start) / n_out, by exact coverage.
    Input cells outside [0, n_in) count as 0."""
    w = (stop - start) / n_out
    lo = start + w * np.arange(n_out)[:, None]
    hi = lo + w
    j = np.arange(n_in)[None, :]
    cover = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0.0, None)
    return cover / w


def _bbox(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if rows.size == 0:
        return None
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def mnist_from_ink(ink: np.ndarray) -> np.ndarray:
    """(28, 28) float64 grey values 0…255 (whole numbers), MNIST's normalisation."""
    ink = np.asarray(ink, dtype=np.float64)
    out = np.zeros((MNIST_SIDE, MNIST_SIDE))
    box = _bbox(ink > 0)
    if box is None:
        return out
    r0, r1, c0, c1 = box
    scale = ink.shape[0] / MNIST_SIDE              # input pixels per 28-grid pixel
    h, w = (r1 - r0) / scale, (c1 - c0) / scale    # box size in 28-grid pixels
    f = MNIST_BOX / max(h, w)
    oh, ow = max(1, int(round(h * f))), max(1, int(round(w * f)))
    crop = ink[r0:r1, c0:c1]
    small = area_matrix(oh, 0, r1 - r0, r1 - r0) @ crop @ area_matrix(ow, 0, c1 - c0, c1 - c0).T
    total = small.sum()
    yy, xx = np.mgrid[:oh, :ow]
    com_y, com_x = (small * yy).sum() / total, (small * xx).sum() / total
    top = int(np.clip(np.floor(MNIST_CENTRE - com_y + 0.5), 0, MNIST_SIDE - oh))
    left = int(np.clip(np.floor(MNIST_CENTRE - com_x + 0.5), 0, MNIST_SIDE - ow))
    out[top:top + oh, left:left + ow] = small
    return np.clip(np.round(out * 255.0), 0, 255)


def uci_bitmap_from_ink(ink: np.ndarray) -> np.ndarray:
    """(32, 32) bool bitmap: the ink's height scaled to 32 rows, the width by the same factor
    about the pad's vertical centre line (narrowed to fit if it would be wider than 32)."""
    ink = np.asarray(ink, dtype=np.float64)
    n = ink.shape[0]
    box = _bbox(ink >= 0.5)
    if box is None:
        return np.zeros((UCI_BITMAP, UCI_BITMAP), dtype=bool)
    r0, r1, c0, c1 = box
    h = r1 - r0
    half_w = max(abs(c0 - n / 2), abs(c1 - n / 2), h / 2)  # the 32-wide window, in input px
    rows = area_matrix(UCI_BITMAP, r0, r1, n)
    if half_w > h / 2:      # too wide for a square window of the ink's height: fit the width
        cols = area_matrix(UCI_BITMAP, n / 2 - half_w, n / 2 + half_w, n)
        pad = (2 * half_w - h) / 2                      # keep the aspect: extend the rows too
        rows = area_matrix(UCI_BITMAP, r0 - pad, r1 + pad, n)
    else:
        cols = area_matrix(UCI_BITMAP, n / 2 - h / 2, n / 2 + h / 2, n)
    return (rows @ ink @ cols.T) >= 0.5


def block_counts(bitmap: np.ndarray) -> np.ndarray:
    """(8, 8) float64 counts 0…16 of on pixels in the 4×4 blocks of a 32×32 bitmap."""
    b = np.asarray(bitmap, dtype=np.float64)
    return b.reshape(8, UCI_BLOCK, 8, UCI_BLOCK).sum(axis=(1, 3))


def uci_from_ink(ink: np.ndarray) -> np.ndarray:
    return block_counts(uci_bitmap_from_ink(ink))


def preprocess(ink: np.ndarray, side: int) -> np.ndarray:
    """The data set's image (side 28: grey 0…255; side 8: counts 0…16) from a drawing."""
    return mnist_from_ink(ink) if side == MNIST_SIDE else uci_from_ink(ink)


# ---------------------------------------------------------------- data-set images as ink
def ink_from_mnist(image: np.ndarray, factor: int = 10) -> np.ndarray:
    """A 28×28 grey image enlarged by a whole factor (each pixel a factor×factor square)."""
    return _enlarge(np.asarray(image, dtype=np.float64) / 255.0, factor)


def _enlarge(a: np.ndarray, factor: int) -> np.ndarray:
    return np.repeat(np.repeat(a, factor, axis=0), factor, axis=1)


def bitmap_from_counts(counts: np.ndarray) -> np.ndarray:
    """A 32×32 bitmap whose 4×4 blocks hold the given counts: the upper half fills each block
    from its top row down, the lower half from its bottom row up, so an image whose top and
    bottom blocks hold ink (every image of the bundled set) spans all 32 rows."""
    counts = np.asarray(counts).astype(np.intp)
    blocks = _FILL_DOWN[counts]                               # (8, 8, 4, 4)
    blocks[4:] = blocks[4:, :, ::-1]                          # lower half: from the bottom up
    return blocks.transpose(0, 2, 1, 3).reshape(UCI_BITMAP, UCI_BITMAP)


# _FILL_DOWN[k]: a 4×4 block with its first k pixels (row by row from the top) on
_FILL_DOWN = (np.arange(16)[None, :] < np.arange(17)[:, None]).reshape(17, 4, 4)


def ink_from_uci(counts: np.ndarray, factor: int = 8) -> np.ndarray:
    return _enlarge(bitmap_from_counts(counts).astype(np.float64), factor)


def ink_from_image(image: np.ndarray, side: int, pad_pixels: int) -> np.ndarray:
    """A data-set image as the pad's ink (pad_pixels must be a multiple of 28 or 32)."""
    if side == MNIST_SIDE:
        return ink_from_mnist(image, pad_pixels // MNIST_SIDE)
    return ink_from_uci(image, pad_pixels // UCI_BITMAP)
