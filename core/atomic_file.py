"""Writing a file so that a crash, a full disk or a kill never leaves it half written.

``atomic_write(path, data)``: the bytes go to a temporary file in the *same folder* as the
target (a rename is only atomic within one file system), are flushed and fsync'ed, the
temporary file gets the target's permissions, and it is renamed over the target; then the
folder is fsync'ed so the rename itself survives a power cut. A write that fails at any point
removes its temporary file and leaves the original untouched. Saving through a symbolic link
writes the file the link points to (the link stays a link).

A process killed in the middle of a write (SIGKILL, power cut) cannot remove its temporary
file; the name carries the writer's process id, so the next write to the same target — or
``remove_stale_temps`` when the document is opened — removes temporaries whose writer is gone.
"""
from __future__ import annotations

import os
import stat
import tempfile

TEMP_SUFFIX = ".tmp"
"""Temporary files are ``.<name>.<pid>-<random>.tmp`` beside the target (hidden)."""


def resolve_target(path: str | os.PathLike) -> str:
    """The file that saving to ``path`` writes: the end of a symbolic link chain, if any."""
    name = os.path.abspath(os.fspath(path))
    return os.path.realpath(name) if os.path.islink(name) else name


def _mode_for(target: str) -> int:
    """The permissions the saved file gets: the existing file's, else the umask's default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return                      # e.g. Windows: folders cannot be opened; the rename stands
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> str:
    """Replace ``path`` by ``data`` atomically; returns the file actually written.
    Raises OSError (the original file, if any, is unchanged and no temporary file is left)."""
    if isinstance(data, str):
        data = data.encode(encoding)
    target = resolve_target(path)
    folder = os.path.dirname(target) or "."
    mode = _mode_for(target)
    remove_stale_temps(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.{os.getpid()}-",
                               suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
    return target


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True             # someone else's process (or no way to tell): leave its file
    return True


def stale_temps(path: str | os.PathLike) -> list[str]:
    """Temporary files left beside ``path``'s target by writers that no longer run."""
    target = resolve_target(path)
    folder, prefix = os.path.dirname(target) or ".", f".{os.path.basename(target)}."
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    out = []
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix):-len(TEMP_SUFFIX)].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            out.append(os.path.join(folder, name))
    return out


def remove_stale_temps(path: str | os.PathLike) -> None:
    for name in stale_temps(path):
        try:
            os.unlink(name)
        except OSError:
            pass
