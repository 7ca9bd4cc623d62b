"""Exactly one of a role per cluster (the writer, the cluster's scheduler): a Redis key naming the
holder's host, pid and start, which the holder refreshes well within the key's expiry.

A holder that died is taken over at once on its own host (its pid is gone), from elsewhere when
its key expires. `newsagg status` reads the same key to say whether the cluster's scheduler runs.
"""

from __future__ import annotations

import json
import os
import socket

import redis

from core.errors import NewsaggError
from db.connection import utcnow
from db.runs import pid_alive


class Claim:
    def __init__(self, client: redis.Redis, key: str, ttl: int, role: str):
        self.client, self.key, self.ttl, self.role = client, key, ttl, role
        self.value = json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "since": utcnow()})

    def take(self) -> None:
        """Hold the claim, or fail naming its live holder (exit 2)."""
        if self.client.set(self.key, self.value, nx=True, ex=self.ttl):
            return
        holder = holder_of(self.client, self.key)
        if holder is not None:
            raise NewsaggError(f"another `newsagg {self.role}` runs on this cluster (pid {holder.get('pid')} on "
                               f"{holder.get('host')}): it has exactly one")
        self.refresh()  # its holder died on this host, or its key expired meanwhile

    def refresh(self) -> None:
        self.client.set(self.key, self.value, ex=self.ttl)

    def release(self) -> None:
        if self.client.get(self.key) == self.value.encode():
            self.client.delete(self.key)


def holder_of(client: redis.Redis, key: str) -> dict | None:
    """The claim's live holder ({"host", "pid", "since"}); None when nobody holds it, or when its
    holder was on this host and its process is gone."""
    raw = client.get(key)
    if raw is None:
        return None
    holder = json.loads(raw)
    if holder.get("host") == socket.gethostname() and not pid_alive(holder.get("pid") or 0):
        return None
    return holder
