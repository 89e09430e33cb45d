"""HeatImageItem draws the same pixels as pyqtgraph's ImageItem, as a QImage Qt draws fast."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from playground.plots import colors
from playground.plots.fast_image import HeatImageItem


def _pixels(item) -> np.ndarray:
    item.render()
    img = item.qimage.convertToFormat(QImage.Format_RGB32)
    return np.array([[img.pixel(c, r) & 0xFFFFFF for c in range(img.width())]
                     for r in range(img.height())], dtype=np.uint32)


def _cases():
    rng = np.random.default_rng(3)
    grid = rng.normal(0, 0.7, (12, 17)).astype(np.float32)
    edges = np.array([[-1.0, 1.0, 0.0, -0.0, 2.5, -7.0, np.inf, -np.inf,
                       np.nextafter(np.float32(1), np.float32(2)), 0.99999994]], np.float32)
    return [(grid, (-1.0, 1.0)), (grid, (0.0, 1.0)), (edges, (-1.0, 1.0)),
            (np.float32(grid * 3 + 1), (0.0, 3.0)), (np.zeros((4, 4), np.float32), (0.5, 0.5)),
            (grid, (-0.3, 0.25))]


@pytest.mark.parametrize("case", range(6))
@pytest.mark.parametrize("lut", ["diverging", "categorical"])
def test_same_pixels_as_pyqtgraph(qapp, case, lut):
    image, levels = _cases()[case]
    table = (colors.diverging_lut(colors.BACKGROUND_STRENGTH) if lut == "diverging"
             else colors.categorical_lut(3, colors.BACKGROUND_STRENGTH))
    ours, theirs = HeatImageItem(axisOrder="row-major"), pg.ImageItem(axisOrder="row-major")
    for item in (ours, theirs):
        item.setImage(image, autoLevels=False, levels=levels, lut=table)
    assert np.array_equal(_pixels(ours), _pixels(theirs))
    assert ours.qimage.format() == QImage.Format_RGB32          # the fast path was taken


def test_nans_and_other_images_go_pyqtgraphs_way(qapp):
    item = HeatImageItem(axisOrder="row-major")
    image = np.array([[0.0, np.nan], [1.0, -1.0]], np.float32)
    item.setImage(image, autoLevels=False, levels=(-1.0, 1.0), lut=colors.diverging_lut(1.0))
    item.render()
    assert item.qimage.format() != QImage.Format_RGB32          # NaN cells stay transparent
    rgb = np.zeros((3, 3, 3), np.uint8)
    item.setImage(rgb, autoLevels=False, levels=None, lut=None)
    item.render()
    assert item.qimage is not None
