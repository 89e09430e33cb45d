"""Every way of installing gives a working app: the wheel, the sdist, `pip install .` and
`pipx install .`, each into a fresh virtual environment, run from another folder.

Slow (four fresh environments with PySide6, numpy and pyqtgraph: minutes on a loaded machine),
so the quick local suite skips it unless BP_INSTALL_TESTS=1; `.ci/run` sets it, and with CI=true
a missing tool (git, venv, unshare, strace) fails instead of skipping.

Each installed app is checked from an empty folder, with the repository nowhere on sys.path:
every module of core/playground/resources imports; every bundled file under resources/ is read
through importlib.resources and has the repository's size; `backprop-playground trace --json`
computes the worked example's update and `train` runs; `backprop-playground --screenshot`
writes a real window image (wheel, sdist, pipx). Both run with the network cut (`unshare -n`);
for the wheel also under strace, which must see no connect() to an IP address. The wheel's and
the sdist's contents are compared with the repository's file list (`git ls-files`).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ENABLED = os.environ.get("BP_INSTALL_TESTS") == "1" or IN_CI

pytestmark = [
    pytest.mark.install,
    pytest.mark.skipif(not ENABLED, reason="slow install tests: set BP_INSTALL_TESTS=1 "
                                            "(.ci/run does)"),
]

APP_PACKAGES = ("core", "playground", "resources")
WORKED = "worked_example_2_2_1_relu.json"
WORKED_OUTPUT_AFTER_UPDATE = 1.6191548740856  # seed 1's update, recomputed (README)


def _missing(what: str):
    if IN_CI:
        pytest.fail(f"CI needs {what}")
    pytest.skip(f"{what} not available")


def _run(cmd, *, cwd=None, env=None, timeout=600, check=True):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))} exited {proc.returncode}\n"
                             f"stdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}")
    return proc


def _clean_env(home: Path) -> dict:
    """The environment of a user's shell: no PYTHONPATH, no active virtualenv, nothing of ours."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST", "QT_"))}
    # pip keeps the user's cache (repeated installs of PySide6 and numpy come from it)
    env.setdefault("PIP_CACHE_DIR", str(Path(os.environ.get("XDG_CACHE_HOME")
                                             or Path.home() / ".cache") / "pip"))
    env.update(HOME=str(home), PYTHONNOUSERSITE="1", XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"))
    home.mkdir(parents=True, exist_ok=True)
    return env


def repo_files() -> list[str]:
    """The repository's file list: tracked files plus untracked ones not ignored (a working tree
    under test), without deleted ones."""
    if not shutil.which("git") or not (ROOT / ".git").exists():
        _missing("a git checkout (git ls-files)")
    out = _run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
               cwd=ROOT).stdout
    return sorted({f for f in out.split("\0") if f and (ROOT / f).is_file()})


def project_name_version() -> tuple[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return meta["name"], meta["version"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("install")


@pytest.fixture(scope="module")
def checkout(work) -> Path:
    """A copy of exactly the repository's files (what a fresh clone holds), so that building
    and `pip install .` leave nothing in the working tree."""
    dest = work / "checkout"
    for rel in repo_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


@pytest.fixture(scope="module")
def dists(work, checkout) -> dict[str, Path]:
    """`python -m build`: the sdist, then the wheel built from that sdist."""
    try:
        import build  # noqa: F401
    except ImportError:
        _missing("the 'build' package (pip install -e '.[test]')")
    out = work / "dist"
    _run([sys.executable, "-m", "build", "--outdir", out, checkout],
         env=_clean_env(work / "home-build"))
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, os.listdir(out)
    return {"wheel": wheels[0], "sdist": sdists[0]}


def _new_venv(path: Path) -> Path:
    proc = _run([sys.executable, "-m", "venv", path], check=False)
    if proc.returncode != 0:
        _missing(f"python -m venv ({proc.stderr.strip()[-200:]})")
    return path / "bin"


# --------------------------------------------------------------------------------------------
# contents


def test_wheel_holds_exactly_the_app_files(dists):
    files = repo_files()
    expected = {f for f in files if f.split("/", 1)[0] in APP_PACKAGES}
    with zipfile.ZipFile(dists["wheel"]) as z:
        names = {n for n in z.namelist() if not n.endswith("/")}
    in_wheel = {n for n in names if ".dist-info/" not in n}
    assert sorted(expected - in_wheel) == [], "repository files missing from the wheel"
    assert sorted(in_wheel - expected) == [], "files in the wheel the repository does not have"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(dists["wheel"]) as z:
        assert "backprop-playground = playground.__main__:main" in z.read(entry_points).decode()


def test_sdist_holds_the_whole_repository(dists):
    name, version = project_name_version()
    prefix = f"{name.replace('-', '_')}-{version}/"
    with tarfile.open(dists["sdist"]) as t:
        members = [m.name for m in t.getmembers() if m.isfile()]
    assert all(m.startswith(prefix) for m in members), members[:5]
    in_sdist = {m[len(prefix):] for m in members}
    generated = {f for f in in_sdist
                 if f in ("PKG-INFO", "setup.cfg") or ".egg-info/" in f}
    expected = set(repo_files())
    assert sorted(expected - in_sdist) == [], "repository files missing from the sdist"
    assert sorted(in_sdist - generated - expected) == [], "sdist files not in the repository"
    for must in ("MANIFEST.in", "tests/conftest.py", "packaging/build.sh", ".ci/run"):
        assert must in in_sdist


# --------------------------------------------------------------------------------------------
# installed apps

CHECK_SCRIPT = r"""
import importlib, importlib.resources as ir, json, pkgutil, sys
repo = sys.argv[1]
expected = json.loads(sys.argv[2])
names = []
for top in ("core", "playground", "resources"):
    pkg = importlib.import_module(top)
    assert not str(pkg.__path__[0]).startswith(repo), (top, pkg.__path__)
    names.append(top)
    for m in pkgutil.walk_packages(pkg.__path__, top + "."):
        importlib.import_module(m.name)
        names.append(m.name)
checked = 0
for rel, size in expected.items():
    node = ir.files("resources")
    for part in rel.split("/")[1:]:
        node = node / part
    data = node.read_bytes()
    assert len(data) == size, (rel, len(data), size)
    checked += 1
from playground.resources import example_names, load_example
examples = example_names()
for name in examples:
    load_example(name)
worked = ir.files("resources") / "examples" / "%s"
print(json.dumps({"modules": names, "resources": checked, "examples": examples,
                  "worked": str(worked), "core_file": sys.modules["core"].__file__}))
""" % WORKED


def _offline_prefix(log: Path, strace: bool) -> list[str]:
    """`unshare -n` (no network at all) and, if asked, strace recording every connect()."""
    prefix = []
    if shutil.which("unshare") and _run(["unshare", "-n", "true"], check=False).returncode == 0:
        prefix += ["unshare", "-n"]
    else:
        _missing("unshare -n (a network namespace)")
    if not strace:
        pass
    elif shutil.which("strace"):
        prefix += ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log)]
    else:
        _missing("strace")
    return prefix


def _assert_no_ip_traffic(log: Path):
    text = log.read_text(errors="replace") if log.exists() else ""
    ip = [line for line in text.splitlines() if re.search(r"AF_INET6?\b", line)]
    assert ip == [], "network access:\n" + "\n".join(ip[:20])


def check_installed_app(bin_dir: Path, python: Path, work: Path, label: str, *,
                        screenshot: bool = True, strace: bool = False):
    """Run the installed app from an empty folder, as a user would: every module imports, every
    resource is found, `--screenshot` (if asked) and `trace` work with the network cut (under
    strace too, if asked: slower), `train` works, and nothing is left in the folder."""
    where = work / f"elsewhere-{label}"
    where.mkdir()
    env = _clean_env(work / f"home-{label}")
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}"
    exe = bin_dir / "backprop-playground"
    assert exe.exists(), f"no console script {exe}"

    files = repo_files()
    expected = {f: (ROOT / f).stat().st_size for f in files
                if f.startswith("resources/") and not f.endswith(".py")}
    out = _run([python, "-c", CHECK_SCRIPT, str(ROOT), json.dumps(expected)],
               cwd=where, env=env).stdout
    info = json.loads(out.strip().splitlines()[-1])
    modules_in_repo = {f[:-3].replace("/", ".").removesuffix(".__init__")
                       for f in files if f.endswith(".py") and f.split("/")[0] in APP_PACKAGES
                       and _in_regular_packages(f)}
    assert sorted(modules_in_repo - set(info["modules"])) == []
    assert info["resources"] == len(expected)
    assert WORKED in info["examples"] and len(info["examples"]) >= 2
    assert not info["core_file"].startswith(str(ROOT))

    left = []
    if screenshot:
        shot = where / "shot.png"
        log = where / "strace-shot.log"
        _run(_offline_prefix(log, strace) + [exe, "--screenshot", shot, "--size", "1024x768"],
             cwd=where, env=env, timeout=300)
        _assert_no_ip_traffic(log)
        _assert_real_screenshot(shot, 1024, 768)
        left.append("shot.png")

    log = where / "strace-trace.log"
    proc = _run(_offline_prefix(log, strace) + [exe, "trace", info["worked"], "--json"],
                cwd=where, env=env)
    _assert_no_ip_traffic(log)
    d = json.loads(proc.stdout)
    assert d["output_after_update"] == pytest.approx([WORKED_OUTPUT_AFTER_UPDATE], abs=1e-12)

    proc = _run([exe, "train", info["worked"], "--epochs", "3", "--json"], cwd=where, env=env)
    assert json.loads(proc.stdout)
    assert sorted(p.name for p in where.iterdir() if not p.name.startswith("strace")) == \
        left, "the app left files in the folder it was started from"


def _in_regular_packages(rel: str) -> bool:
    """True if every folder above the module has an __init__.py (what pkgutil walks)."""
    parts = rel.split("/")[:-1]
    return all((ROOT.joinpath(*parts[:i + 1]) / "__init__.py").exists() for i in range(len(parts)))


def _assert_real_screenshot(path: Path, w: int, h: int):
    from PySide6.QtGui import QImage
    assert path.exists() and path.stat().st_size > 20000, path
    img = QImage(str(path))
    assert (img.width(), img.height()) == (w, h)
    colours = {img.pixel(x, y) for x in range(0, w, 16) for y in range(0, h, 16)}
    assert len(colours) > 20, "the screenshot is (nearly) blank"


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_pip_install_dist_into_fresh_venv(kind, dists, work):
    bin_dir = _new_venv(work / f"venv-{kind}")
    _run([bin_dir / "python", "-m", "pip", "install", "-q", dists[kind]],
         env=_clean_env(work / "home-pip"))
    # the wheel's run is the full one (strace); the sdist's differs only in how it was built
    check_installed_app(bin_dir, bin_dir / "python", work, kind, strace=kind == "wheel")


def test_pip_install_dot_into_fresh_venv(checkout, work):
    bin_dir = _new_venv(work / "venv-dot")
    _run([bin_dir / "python", "-m", "pip", "install", "-q", "."], cwd=checkout,
         env=_clean_env(work / "home-pip"))
    # same files as the pipx run below (which also runs `pip install .`): no window here
    check_installed_app(bin_dir, bin_dir / "python", work, "dot", screenshot=False)


def test_pipx_install_dot(checkout, work):
    env = _clean_env(work / "home-pipx")
    pipx = shutil.which("pipx")
    if pipx is None:  # pipx from PyPI into a private venv
        tool = _new_venv(work / "venv-pipx-tool")
        _run([tool / "python", "-m", "pip", "install", "-q", "pipx"], env=env)
        pipx = tool / "pipx"
    env.update(PIPX_HOME=str(work / "pipx-home"), PIPX_BIN_DIR=str(work / "pipx-bin"),
               PIPX_MAN_DIR=str(work / "pipx-man"), PIPX_DEFAULT_PYTHON=sys.executable)
    _run([pipx, "install", "."], cwd=checkout, env=env)
    venv = work / "pipx-home" / "venvs" / "backprop-playground"
    assert (work / "pipx-bin" / "backprop-playground").exists()
    check_installed_app(work / "pipx-bin", venv / "bin" / "python", work, "pipx")
