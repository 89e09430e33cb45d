"""PyInstaller entry script: the same `main` as the `backprop-playground` console script.

A separate file (not playground/__main__.py) so that `playground` is frozen as a normal package
and its relative imports keep working.

With BACKPROP_PLAYGROUND_SELFCHECK=resources in the environment the frozen program does not
start the app: it lists and loads every bundled example through playground.resources (the
importlib.resources path the app itself uses), prints one line per example and exits 0, or 1
if none is found. packaging/smoke.sh uses it; without the variable it does nothing.
"""
import os
import sys


def _selfcheck_resources() -> int:
    from importlib import resources

    from playground.resources import example_names, load_example, read_resource

    root = resources.files("resources")
    print(f"resources root: {root!r}")
    names = example_names()
    for name in names:
        project = load_example(name)
        size = len(read_resource("examples", name))
        print(f"example {name}: {size} bytes, title {project.title!r}")
    print(f"{len(names)} examples")
    return 0 if names else 1


if __name__ == "__main__":
    if os.environ.get("BACKPROP_PLAYGROUND_SELFCHECK") == "resources":
        sys.exit(_selfcheck_resources())
    from playground.__main__ import main
    sys.exit(main())
