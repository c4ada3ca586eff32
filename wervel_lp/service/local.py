"""The service in a child process on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import TracebackType

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


class LocalService:
    """``wervel-lp serve`` on 127.0.0.1, started on entry and stopped on exit.

    ``url`` is its address; ``log()`` is everything it has written to stdout
    and stderr (kept in a temporary file that is removed on exit).
    """

    def __init__(self, workers: int = 1, start_seconds: float = 90.0) -> None:
        """Prepare a service with ``workers`` processes; entering waits ``start_seconds`` at most."""
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.workers = workers
        self.start_seconds = start_seconds
        self._log = tempfile.NamedTemporaryFile(prefix="wervel-lp-serve-", suffix=".log", delete=False)  # noqa: SIM115
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> LocalService:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "wervel_lp.cli", "serve", "--host", HOST, "--port", str(self.port),
             "--workers", str(self.workers)],
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + self.start_seconds
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"wervel-lp serve exited with {self._process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise TimeoutError(f"wervel-lp serve did not answer within {self.start_seconds} s:\n{self.log()}")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._log.close()
        Path(self._log.name).unlink(missing_ok=True)

    def log(self) -> str:
        """What the service has written so far."""
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")
