"""Entry point: ``backprop-playground [FILE]`` opens the window; ``trace``/``train`` run the
engine's command line without importing Qt. ``--train-process`` is the window's own live-
training child (``core.train_process``): the frozen app starts itself that way."""
from __future__ import annotations

import sys

CLI_COMMANDS = ("trace", "train")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--train-process"]:
        from core.train_process import child_main
        return child_main()
    if argv and argv[0] in CLI_COMMANDS:
        from core.cli import main as cli_main
        return cli_main(argv)
    from playground.app import main as app_main
    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
