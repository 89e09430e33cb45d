"""Live training in a child process: the loop gets a core of its own instead of sharing the GIL
with the window (on two cores, a thread trained ~1,000 steps/s beside a 30 fps GUI; see
tests/benchmarks/bench_live.py).

Both sides live here, Qt-free:

* ``child_main()`` is the child: ``python -m core.train_process`` (or the frozen app started
  with ``--train-process``). It reads commands from stdin and writes messages to stdout, each
  a length-prefixed pickle between two processes of this program (never a file, never data
  from elsewhere: documents are JSON).
* ``TrainingProcess`` is the parent's handle on one child; ``borrow()`` hands out an idle one
  (started on first use, kept for the next run) and ``give_back()`` returns it.

Parent → child: ``("run", job)``, ``("stop", run_id)``, ``("config", run_id, cfg)``,
``("speed", run_id, speed)``, ``("taken", run_id)``, ``("quit",)``.
Child → parent: ``("ready",)``, ``("frame", frame)``, ``("done", run_id, state, final)``,
``("failed", run_id, message)``.
"""
from __future__ import annotations

import atexit
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

from .live_loop import GUI_WAIT, RAMP_FRAMES, LiveLoop

_HEADER = struct.Struct(">Q")
PIPE_BYTES = 1 << 20
"""Both pipes are widened to this (Linux; elsewhere they keep the system's size) so a frame
(~40–160 KB) goes in one write: with the default 64 KB the child blocked on each frame until
the window's reader thread, which needs the window's GIL, had drained it piece by piece."""
SWITCH_INTERVAL = 0.0005
"""The child's GIL switch interval (Python's default is 5 ms): its reader thread takes a
"taken" from the pipe while the loop trains, and the next frame is built that much sooner."""
READY_TIMEOUT = 10.0
"""The longest a parent waits for a new child to say it is ready (imports on a slow disk)."""


def widen_pipe(stream) -> None:
    """Give the pipe behind ``stream`` ``PIPE_BYTES`` of buffer where the system allows it."""
    try:
        import fcntl
    except ImportError:
        return                                  # (not a Unix)
    set_size = getattr(fcntl, "F_SETPIPE_SZ", 1031)
    try:
        fcntl.fcntl(stream.fileno(), set_size, PIPE_BYTES)
    except (OSError, ValueError):
        try:                                    # above the system's limit: the limit
            with open("/proc/sys/fs/pipe-max-size") as f:
                fcntl.fcntl(stream.fileno(), set_size, min(PIPE_BYTES, int(f.read())))
        except (OSError, ValueError):
            pass                                # (not Linux)


def write_message(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_message(stream):
    """The next message, or None at the end of the stream."""
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (n,) = _HEADER.unpack(head)
    data = stream.read(n)
    if len(data) < n:
        return None
    return pickle.loads(data)


# ---------------------------------------------------------------- the child
class _ChildLoop(LiveLoop):
    parallel = True
    output_here = False
    """The window adds each frame's output grid (``core.live_loop.with_output``): the 100×100
    grid through the network took about a quarter of this process's time, which is the time
    it trains in; the window has a core with room to spare (tests/benchmarks/bench_live.py)."""

    def __init__(self, job: dict, out, out_lock: threading.Lock):
        self.init_loop(job["run_id"], job["trainer"], job["features"], job["speed"],
                       job["grid_n"], job["thumb_n"])
        self.elapsed_before = job["elapsed_before"]
        self._out, self._out_lock = out, out_lock
        self._stop = threading.Event()
        self._drawn = threading.Event()
        self._drawn.set()
        self._lock = threading.Lock()
        self._config = None
        self._handed_at = 0.0

    # commands, from the reader thread
    def command(self, kind: str, *args) -> None:
        if kind == "stop":
            self._stop.set()
            self._drawn.set()
        elif kind == "taken":
            self._drawn.set()
        elif kind == "config":
            with self._lock:
                self._config = args[0]
        elif kind == "speed":
            self.speed = args[0]

    # the loop's transport
    def _stop_requested(self) -> bool:
        return self._stop.is_set()

    def _take_config(self):
        with self._lock:
            config, self._config = self._config, None
        return config

    def _frame_waiting(self) -> bool:
        """The GUI has not *taken* the last frame. Beside the GUI the next frame is built as
        soon as the GUI takes one (not once it has drawn it), so one is ready the moment the
        GUI has painted: its frame rate is then its own paint rate. A GUI that has not taken a
        frame for long (hidden, busy) still gets the next one."""
        return not self._drawn.is_set() and time.perf_counter() - self._handed_at < 5 * GUI_WAIT

    def _hand_out(self, frame) -> None:
        self._drawn.clear()
        self._handed_at = time.perf_counter()
        with self._out_lock:
            write_message(self._out, ("frame", frame))

    def _wait_drawn(self, timeout: float) -> None:
        self._drawn.wait(timeout)

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def _rest(self, deadline: float, published: bool = True) -> float:
        if self.speed == "fast" and self._frames < RAMP_FRAMES and self._frame_waiting():
            self._wait_drawn(GUI_WAIT)          # the ramp: every early frame is a point
        return super()._rest(deadline, published)


def child_main() -> int:
    """Serve runs until stdin closes or ``("quit",)`` arrives."""
    # (a windowed, frozen app may start without sys.stdin/sys.stdout objects: the pipes are
    # still file descriptors 0 and 1)
    inp = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb")
    out = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb")
    sys.stdout = sys.stderr                      # nothing else may write to the channel
    sys.setswitchinterval(SWITCH_INTERVAL)
    out_lock = threading.Lock()
    jobs: queue.Queue = queue.Queue()
    current: dict = {}
    stopped_early: set = set()
    guard = threading.Lock()

    def reader() -> None:
        while True:
            message = read_message(inp)
            if message is None or message[0] == "quit":
                jobs.put(None)
                return
            kind = message[0]
            if kind == "run":
                jobs.put(message[1])
                continue
            run_id = message[1]
            with guard:
                loop = current.get(run_id)
                if loop is None:
                    if kind == "stop":
                        stopped_early.add(run_id)
                    continue
            loop.command(kind, *message[2:])

    threading.Thread(target=reader, daemon=True).start()
    write_message(out, ("ready",))
    while True:
        job = jobs.get()
        if job is None:
            return 0
        run_id = job["run_id"]
        try:
            loop = _ChildLoop(job, out, out_lock)
            with guard:
                current[run_id] = loop
                if run_id in stopped_early:
                    loop.command("stop")
            loop.run_loop()
            with out_lock:
                write_message(out, ("done", run_id, loop.trainer.state(), loop.final))
        except Exception as exc:                # noqa: BLE001 — sent to the parent
            text = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
            with out_lock:
                write_message(out, ("failed", run_id, text))
        finally:
            with guard:
                current.pop(run_id, None)
                stopped_early.discard(run_id)


# ---------------------------------------------------------------- the parent
def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--train-process"]
    return [sys.executable, "-m", "core.train_process"]


class TrainingProcess:
    """One child process; ``send`` from any thread, ``receive`` from one reader thread."""

    def __init__(self):
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = "1"
        env.pop("BACKPROP_PLAYGROUND_SELFCHECK", None)     # (the frozen launcher's checks)
        self.proc = subprocess.Popen(child_command(), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=env, cwd=root)
        widen_pipe(self.proc.stdin)
        widen_pipe(self.proc.stdout)
        self._send_lock = threading.Lock()
        self.broken = False
        self.error = ""
        ready = [None]
        reader = threading.Thread(target=lambda: ready.__setitem__(0, self.receive()),
                                  daemon=True)
        reader.start()
        reader.join(READY_TIMEOUT)
        if ready[0] != ("ready",):
            self.close()
            raise OSError("the training process did not start")

    def send(self, message) -> None:
        with self._send_lock:
            if self.broken:
                return
            try:
                write_message(self.proc.stdin, message)
            except (OSError, ValueError):
                self.broken = True

    def receive(self):
        try:
            message = read_message(self.proc.stdout)
        except Exception as exc:            # noqa: BLE001 — a broken channel, said once
            self.error = f"{type(exc).__name__}: {exc}"
            message = None
        if message is None:
            self.broken = True
        return message

    def close(self) -> None:
        self.broken = True
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(2)


_idle: list[TrainingProcess] = []
_idle_lock = threading.Lock()
_unavailable = False


def borrow() -> TrainingProcess | None:
    """An idle child (started if none is), or None if children cannot be started here."""
    global _unavailable
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if not child.broken and child.proc.poll() is None:
                return child
        if _unavailable:
            return None
    try:
        return TrainingProcess()
    except OSError:
        _unavailable = True
        return None


def give_back(child: TrainingProcess) -> None:
    if child.broken or child.proc.poll() is not None:
        child.close()
        return
    with _idle_lock:
        _idle.append(child)


def warm_up() -> None:
    """Start an idle child now (in a background thread) so the first Play does not wait."""
    def start():
        child = borrow()
        if child is not None:
            give_back(child)
    threading.Thread(target=start, daemon=True).start()


@atexit.register
def _close_all() -> None:
    with _idle_lock:
        children, _idle[:] = list(_idle), []
    for child in children:
        child.send(("quit",))
        child.close()


if __name__ == "__main__":
    sys.exit(child_main())
