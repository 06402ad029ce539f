"""A child process that answers jobs sent down a pipe: spawn, wait until ready, stop, kill.
Shared by the classifier pool and the tag reader; each keeps its own wait for answers."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable

START_TIMEOUT_S = 60.0
_SPAWN = mp.get_context("spawn")  # not fork: the parent holds threads and native libraries


class ChildProcess:
    """A daemon process running `target(conn, *args)` (it sends one message once ready, then
    answers jobs until it reads None), and the parent's end of the pipe, `conn`."""

    def __init__(self, target: Callable[..., None], *args: object) -> None:
        self.conn, child = _SPAWN.Pipe()
        self.process = _SPAWN.Process(target=target, args=(child, *args), daemon=True)
        try:
            self.process.start()
        except BaseException:
            self.conn.close()
            raise
        finally:
            child.close()

    def first_message(self, what: str) -> object:
        """The child's ready message. A child that exits or takes more than START_TIMEOUT_S
        instead is killed, and RuntimeError names `what`."""
        try:
            if self.conn.poll(START_TIMEOUT_S):
                return self.conn.recv()
            problem = "did not start in time"
        except (EOFError, OSError):
            problem = "exited while starting"
        self.kill()
        raise RuntimeError(f"{what} {problem}")

    def ask_to_stop(self) -> None:
        """Tell an idle child to end; `kill(grace_s)` then waits for it."""
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass

    def kill(self, grace_s: float = 0.0) -> None:
        """Wait up to `grace_s` for the child to end, then kill it and close the pipe. Safe
        more than once."""
        self.process.join(grace_s)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
