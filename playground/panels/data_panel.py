"""The data panel: pick a data set (thumbnails), its noise / split / seed / classes, clear,
import and export points, and the input features. Every change is an undoable command; the
panel shows what the Document holds and refreshes on ``changed``."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QLabel, QMessageBox, QPushButton,
                               QSlider, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from core import DatasetSpec
from core.csvdata import load_csv, save_csv
from core.datasets import DATASET_KIND, DATASET_NAMES, DOMAIN, generate
from core.errors import DataError, EngineError
from core.features import FEATURE_LABELS, FEATURE_NAMES

from ..data_commands import (ClearPoints, ReplaceDataset, SetDataSpec, SetFeatures,
                             full_dataset)
from ..plots import colors
from ..widgets import blocked_signals, row_of, tr
from ..engine_text import error_text

THUMB = 42
_THUMBS: dict[str, QIcon] = {}


def dataset_label(name: str) -> str:
    return {"circle": tr("Circle"), "xor": tr("Exclusive or"), "gauss": tr("Two Gaussians"),
            "spiral": tr("Spiral"), "regress-plane": tr("Plane (regression)"),
            "regress-gauss": tr("Gaussian bumps (regression)"), "moons": tr("Moons"),
            "checkerboard": tr("Checkerboard"), "multiclass-spiral": tr("Spiral, several classes"),
            "blobs": tr("Blobs, several classes"), "custom": tr("Your points")}.get(name, name)


def dataset_tip(name: str) -> str:
    """What each generator makes, for its button's tooltip."""
    return {
        "circle": tr("Circle: one class inside a disc, the other in a ring around it (2 classes); "
                     "needs a curved boundary"),
        "xor": tr("Exclusive or: the class is the sign of x₁·x₂, one class per pair of opposite "
                  "quadrants (2 classes); no straight line separates it"),
        "gauss": tr("Two Gaussians: two round clouds of points (2 classes); a straight line "
                    "separates them"),
        "spiral": tr("Spiral: two interleaved spiral arms (2 classes); the hardest set, it needs "
                     "several hidden layers or sin features"),
        "regress-plane": tr("Plane (regression): the target is (x₁ + x₂)/10, a tilted plane; "
                            "the output is a number, not a class"),
        "regress-gauss": tr("Gaussian bumps (regression): the target is a sum of bumps over the "
                            "plane; the output is a number"),
        "moons": tr("Moons: two interlocking half-moons (2 classes)"),
        "checkerboard": tr("Checkerboard: the class alternates square by square (2 classes); "
                           "needs many hidden neurons"),
        "multiclass-spiral": tr("Spiral, several classes: one spiral arm per class (3–5 classes, "
                                "softmax output)"),
        "blobs": tr("Blobs, several classes: one cloud per class (3–5 classes, softmax output)"),
    }.get(name, dataset_label(name))


def thumbnail(name: str) -> QIcon:
    """A 48×48 picture of the generator's points (rendered once, then cached)."""
    if name not in _THUMBS:
        data = generate(name, noise=0.0, seed=0, n_points=240 if DATASET_KIND[name] != "binary" else 200)
        img = QImage(THUMB, THUMB, QImage.Format_RGB32)
        img.fill(QColor("#f7f7f7"))
        lo, hi = DOMAIN
        xy = (data.points - lo) / (hi - lo) * (THUMB - 1)
        if data.kind == "regression":
            m = max(float(np.abs(data.labels).max()), 1e-6)
            cols = [QColor(*c) for c in colors.value_colours(data.labels, -m, m).tolist()]
        else:
            cols = [colors.class_colour(v, data.kind) for v in data.labels.tolist()]
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(Qt.NoPen)
        for (x, y), c in zip(xy.tolist(), cols):
            p.setBrush(c)
            p.drawEllipse(QPointF(x, THUMB - 1 - y), 1.3, 1.3)
        p.end()
        _THUMBS[name] = QIcon(QPixmap.fromImage(img))
    return _THUMBS[name]


class DataPanel(QWidget):
    def __init__(self, doc, controller, parent=None):
        super().__init__(parent)
        self._thumbnails_drawn = False
        self.doc, self.controller = doc, controller
        self.dataset_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(3)
        for k, name in enumerate(DATASET_NAMES):
            b = QToolButton()
            b.setCheckable(True)
            b.setIconSize(QSize(THUMB, THUMB))      # the picture itself when first shown
            b.setStyleSheet("QToolButton:checked { border: 2px solid #0877bd; border-radius: 3px;"
                            " background: #dcebf7; }")
            b.setToolTip(dataset_tip(name))
            b.setAccessibleName(dataset_label(name))
            b.clicked.connect(lambda _=False, n=name: self.pick(n))
            self._group.addButton(b)
            grid.addWidget(b, k // 5, k % 5)
            self.dataset_buttons[name] = b
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)

        self.noise_slider = self._slider(0, 50, self.tr("Noise"))
        self.noise_slider.setToolTip(self.tr("Noise, 0–50 %: how far the points scatter from the "
                                             "clean pattern; releasing the handle makes new points"))
        self.ratio_slider = self._slider(10, 90, self.tr("Ratio of training to test data"))
        self.ratio_slider.setToolTip(self.ratio_tip())
        self.noise_label, self.ratio_label = QLabel(), QLabel()
        for lab in (self.noise_label, self.ratio_label):
            lab.setMinimumWidth(lab.fontMetrics().horizontalAdvance("100 %") + 4)
        self.noise_slider.sliderMoved.connect(lambda v: self.noise_label.setText(self._pct(v)))
        self.ratio_slider.sliderMoved.connect(lambda v: self.ratio_label.setText(self._pct(v)))
        self.noise_slider.valueChanged.connect(lambda v: self._set(self.tr("Change noise"), "noise",
                                                                   noise=v / 100.0))
        self.ratio_slider.valueChanged.connect(
            lambda v: self._set(self.tr("Change training ratio"), "ratio", train_ratio=v / 100.0))
        self.seed_spin = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.seed_spin.setToolTip(self.tr("The random seed of the points and of the split"))
        self.seed_spin.valueChanged.connect(lambda v: self._set(self.tr("Change seed"), "seed", seed=v))
        self.classes_spin = QSpinBox(minimum=3, maximum=5)
        self.classes_spin.setToolTip(self.tr("How many classes the data set has"))
        self.classes_spin.valueChanged.connect(
            lambda v: self._set(self.tr("Change number of classes"), "classes", n_classes=v))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Noise"), row_of(self.noise_slider, self.noise_label))
        form.addRow(self.tr("Training data"), row_of(self.ratio_slider, self.ratio_label))
        self.classes_label = QLabel(self.tr("Classes"))
        form.addRow(self.tr("Seed"), row_of(self.seed_spin, self.classes_label, self.classes_spin))

        self.regenerate_button = QPushButton(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("New random points (the weights stay)"))
        self.regenerate_button.clicked.connect(self.regenerate)
        self.clear_button = QPushButton(self.tr("Clear points"))
        self.clear_button.clicked.connect(self.clear_points)
        self.clear_button.setToolTip(self.tr("Remove every point, to draw your own on the Output view"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_csv)
        self.import_button.setToolTip(self.tr("Read points from a CSV file with rows x1,x2,label"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        self.export_button.setToolTip(self.tr("Write every point to a CSV file (x1,x2,label)"))
        buttons = QGridLayout()
        for k, b in enumerate((self.regenerate_button, self.clear_button, self.import_button,
                               self.export_button)):
            buttons.addWidget(b, k // 2, k % 2)

        self.feature_boxes: dict[str, QCheckBox] = {}
        self.features_group = QGroupBox(self.tr("Input features"))
        fgrid = QGridLayout(self.features_group)
        for k, name in enumerate(FEATURE_NAMES):
            box = QCheckBox(FEATURE_LABELS[name])
            box.toggled.connect(lambda _on: self._features_toggled())
            box.setToolTip(self.tr("Feed %1 to the network as an input").replace("%1", FEATURE_LABELS[name]))
            fgrid.addWidget(box, k // 4, k % 4)
            self.feature_boxes[name] = box
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #c62828;")
        self.hint_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.name_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.features_group)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        doc.changed.connect(self._on_changed)
        self.refresh()

    # ------------------------------------------------------------ helpers

    def showEvent(self, event) -> None:         # noqa: N802 (Qt override)
        """The data-set pictures are drawn the first time the panel shows (a window that
        opens step by step never needs them: ~15 ms of its start-up)."""
        if not self._thumbnails_drawn:
            self._thumbnails_drawn = True
            # in the window's first frame the buttons are drawn without them; they follow
            # right after it (deferred.AfterFirstPaint)
            after = getattr(self.window(), "after_first_paint", None)
            if after is not None and not after.done:
                after.add(self.draw_thumbnails)
            else:
                self.draw_thumbnails()
        super().showEvent(event)

    def draw_thumbnails(self) -> None:
        for name, button in self.dataset_buttons.items():
            button.setIcon(thumbnail(name))

    def _slider(self, lo: int, hi: int, name: str) -> QSlider:
        s = QSlider(Qt.Horizontal, minimum=lo, maximum=hi)
        s.setTracking(False)            # one command when the handle is released
        s.setAccessibleName(name)
        return s

    def ratio_tip(self) -> str:
        return self.tr("Share of the points used for training, 10–90 %; the rest are test points, "
                       "never trained on, that show how well the network generalises")

    def _pct(self, v: int) -> str:
        return self.tr("%1 %").replace("%1", str(v))

    def _hint(self, text: str = "") -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def _push(self, cmd_factory) -> bool:
        """Build the command after pausing (so it captures the committed run) and push it."""
        self._hint()
        self.controller.pause()
        try:
            cmd = cmd_factory()
        except EngineError as exc:
            self._hint(error_text(exc))
            self.refresh()
            return False
        self.doc.undo_stack.push(cmd)
        return True

    # ------------------------------------------------------------ view → model
    def pick(self, name: str) -> None:
        old = self.doc.project.dataset
        if old is not None and old.name == name:
            self.refresh()
            return
        base = old or DatasetSpec()
        spec = DatasetSpec(name, noise=base.noise, train_ratio=base.train_ratio, seed=base.seed,
                           n_classes=base.n_classes)
        self._push(lambda: SetDataSpec(self.doc, spec, self.tr("Data set: %1")
                                       .replace("%1", dataset_label(name))))

    def _set(self, text: str, key: str, **changes) -> None:
        spec = self.doc.project.dataset
        if spec is None or all(getattr(spec, k) == v for k, v in changes.items()):
            return
        self._push(lambda: SetDataSpec(self.doc, replace(spec, **changes), text, merge_key=key))

    def regenerate(self) -> None:
        spec = self.doc.project.dataset
        if spec is None or spec.name == "custom":
            return
        seed = int(np.random.default_rng().integers(0, 2**31 - 1))
        self._push(lambda: SetDataSpec(self.doc, replace(spec, seed=seed), self.tr("Regenerate data")))

    def clear_points(self) -> None:
        self._push(lambda: ClearPoints(self.doc))

    def _features_toggled(self) -> None:
        chosen = [n for n in FEATURE_NAMES if self.feature_boxes[n].isChecked()]
        if not chosen:
            self.refresh()
            self._hint(self.tr("At least one input feature must stay on."))
            return
        if tuple(chosen) != tuple(self.doc.project.features or ()):
            self._push(lambda: SetFeatures(self.doc, chosen))

    def _filter(self) -> str:
        return self.tr("CSV files (*.csv);;All files (*)")

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import points"), "", self._filter())
        if not path:
            return
        try:
            data = load_csv(path)
        except DataError as exc:
            msg = error_text(exc)
            QMessageBox.critical(self, self.tr("Import points"),
                                 self.tr("The file could not be read; your data is unchanged.")
                                 + "\n\n" + msg)
            return
        if self._push(lambda: ReplaceDataset(self.doc, data, self.tr("Import points"))):
            self._report_outside(data)

    def _report_outside(self, data) -> None:
        """Points outside the plotted square are trained on but cannot be seen: say so."""
        lo, hi = DOMAIN
        outside = ~((data.points >= lo) & (data.points <= hi)).all(axis=1)
        n = int(outside.sum())
        if n:
            x1, x2 = data.points[int(np.argmax(outside))]
            self._hint(self.tr("%1 of the %2 imported points lie outside the plotted area "
                               "(−6 … 6 on both axes), e.g. (%3, %4): they are trained on but "
                               "cannot be seen. Scale the data to fit if you want to see them.")
                       .replace("%1", str(n)).replace("%2", str(len(data)))
                       .replace("%3", f"{x1:g}").replace("%4", f"{x2:g}"))

    def export_csv(self) -> None:
        data = full_dataset(self.doc.project.dataset)
        if data is None:
            self._hint(self.tr("There are no points to export."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export points"), "points.csv",
                                              self._filter())
        if not path:
            return
        try:
            save_csv(data, path)
        except DataError as exc:
            QMessageBox.critical(self, self.tr("Export points"), error_text(exc))

    # ------------------------------------------------------------ model → view
    def _on_changed(self, change) -> None:
        if change.data or change.structure or change.document:
            self.refresh()

    def refresh(self) -> None:
        spec = self.doc.project.dataset
        custom = spec is not None and spec.name == "custom"
        kind = DATASET_KIND.get(spec.name) if spec is not None else None
        widgets = (self.noise_slider, self.ratio_slider, self.seed_spin, self.classes_spin,
                   *self.feature_boxes.values(), *self.dataset_buttons.values())
        with blocked_signals(*widgets):
            for name, b in self.dataset_buttons.items():
                b.setChecked(spec is not None and spec.name == name)
            if spec is None or custom:
                self._group.setExclusive(False)
                for b in self.dataset_buttons.values():
                    b.setChecked(False)
                self._group.setExclusive(True)
            base = spec or DatasetSpec()
            self.noise_slider.setValue(round(base.noise * 100))
            self.ratio_slider.setValue(round(base.train_ratio * 100))
            self.seed_spin.setValue(int(base.seed) if base.seed < 2**31 else 0)
            self.classes_spin.setValue(int(base.n_classes))
            features = set(self.doc.project.features or ())
            for name, box in self.feature_boxes.items():
                box.setChecked(name in features)
        self.noise_label.setText(self._pct(self.noise_slider.value()))
        self.ratio_label.setText(self._pct(self.ratio_slider.value()))
        self.name_label.setText(self.tr("Data: %1").replace("%1", dataset_label(spec.name))
                                if spec is not None else self.tr("This document has no data set; "
                                                                 "pick one to train on."))
        self.noise_slider.setEnabled(spec is not None and not custom)
        placed = custom and spec.test_points is not None      # each point has its side
        self.ratio_slider.setToolTip(self.tr("Your points keep the side they were drawn on "
                                             "(training or test)") if placed
                                     else self.ratio_tip())
        self.regenerate_button.setEnabled(spec is not None and not custom)
        self.classes_spin.setEnabled(kind == "multiclass")
        self.classes_label.setVisible(kind == "multiclass")
        self.classes_spin.setVisible(kind == "multiclass")
        for w in (self.ratio_slider, self.seed_spin, self.clear_button, self.export_button,
                  self.features_group):
            w.setEnabled(spec is not None)
        self.ratio_slider.setEnabled(spec is not None and not placed)
