"""Render packaging/backprop-playground.svg to a PNG or a Windows .ico with Qt (offscreen).

    python packaging/render_icon.py OUT.ico [SIZE]     (SIZE defaults to 256)

Used by .github/workflows/installers.yml for the Windows executable's icon.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    out = argv[1]
    size = int(argv[2]) if len(argv) > 2 else 256
    app = QGuiApplication.instance() or QGuiApplication(argv[:1])  # noqa: F841
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(0)
    p = QPainter(img)
    QSvgRenderer(os.path.join(HERE, "backprop-playground.svg")).render(p)
    p.end()
    if not img.save(out):
        sys.exit(f"could not write {out}")
    print(out)


if __name__ == "__main__":
    main(sys.argv)
