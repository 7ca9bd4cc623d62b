"""The Celery app, its queues and the Redis keys every role shares.

Queues: crawl tasks go to `newsagg.crawl` (any worker); batches, run ends and closes go to
`newsagg.store` (the writer, in order); opening a run goes to `newsagg.control` (the writer, not
queued behind a backlog of batches).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import redis
from celery import Celery

from core.errors import NewsaggError

CRAWL_QUEUE, STORE_QUEUE, CONTROL_QUEUE = "newsagg.crawl", "newsagg.store", "newsagg.control"
CRAWL_TASK, OPEN_TASK = "newsagg.crawl", "newsagg.open_run"
INGEST_TASK, FINISH_TASK, CLOSE_TASK = "newsagg.ingest", "newsagg.finish_run", "newsagg.close_run"
BROKER_ENV = "NEWSAGG_BROKER"  # how a crawl child gets the broker URL: never on a command line (ps shows it)

app = Celery("newsagg", set_as_current=False)


def configure(broker_url: str, heartbeat_timeout: float = 60.0) -> Celery:
    """Point this process's app (the one the tasks are registered on) at the broker, once."""
    app.conf.update(**_settings(broker_url, heartbeat_timeout))
    return app


def sender(broker_url: str, heartbeat_timeout: float = 60.0) -> Celery:
    """A separate app that only sends tasks by name (tests and benchmarks, which talk to several
    brokers in one process: the global app keeps the connections of the first)."""
    other = Celery("newsagg-sender", set_as_current=False)
    other.conf.update(**_settings(broker_url, heartbeat_timeout))
    return other


def _settings(broker_url: str, heartbeat_timeout: float) -> dict:
    """JSON only: a message can never carry code (no pickle)."""
    return dict(
        broker_url=broker_url, result_backend=broker_url,
        task_serializer="json", result_serializer="json", accept_content=["json"],
        result_accept_content=["json"], event_serializer="json",
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        # An unacknowledged message (its consumer died) is delivered again after this long; the
        # sweep looks for such messages every few seconds (kombu's default is every 100 s).
        broker_transport_options={"visibility_timeout": max(1, int(heartbeat_timeout)), "unacked_restore_throttle": 1,
                                  "unacked_restore_interval": max(1, min(10, int(heartbeat_timeout / 2)))},
        result_backend_transport_options={"visibility_timeout": max(1, int(heartbeat_timeout))},
        broker_connection_retry_on_startup=True, broker_connection_max_retries=None,
        result_expires=24 * 3600, task_default_queue=CRAWL_QUEUE,
        task_routes={CRAWL_TASK: {"queue": CRAWL_QUEUE}, OPEN_TASK: {"queue": CONTROL_QUEUE},
                     INGEST_TASK: {"queue": STORE_QUEUE}, FINISH_TASK: {"queue": STORE_QUEUE},
                     CLOSE_TASK: {"queue": STORE_QUEUE}},
        worker_hijack_root_logger=False, worker_redirect_stdouts=False,
        worker_send_task_events=False, task_send_sent_event=False,
    )


def redact(url: str) -> str:
    """The broker URL as it may be printed: any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None and not parts.username:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


def redis_client(broker_url: str, timeout: float = 10.0) -> redis.Redis:
    """A client for the newsagg keys, on the broker's server and database."""
    return redis.Redis.from_url(broker_url, socket_timeout=timeout, socket_connect_timeout=min(5.0, timeout),
                                health_check_interval=30)


class BrokerUnreachable(NewsaggError):
    """The broker did not answer (down, wrong address or password): nothing was sent."""

    exit_code = 1


def connect(broker_url: str, timeout: float = 10.0) -> redis.Redis:
    """redis_client() once the broker has answered a PING: a broker that is away is one line for the
    operator, not a traceback after Celery's retries."""
    client = redis_client(broker_url, timeout)
    try:
        client.ping()
    except redis.RedisError as error:  # its text names host and port, never the password
        raise BrokerUnreachable(f"the broker {redact(broker_url)} cannot be reached: {error}") from None
    return client


class Keys:
    """Redis keys (all under `newsagg:`); see docs/scaling.md for what each holds."""

    RUNS = "newsagg:runs"  # hash: run id -> JSON of an open cluster run (source, task, host, pid)
    LAST_OK = "newsagg:last_ok"  # hash: source -> started_at of its last ok run (the scheduler's catch-up)
    WRITER = "newsagg:writer"  # the one writer's claim
    SCHEDULER = "newsagg:scheduler"  # the one cluster scheduler's claim

    @staticmethod
    def state(run_id: int) -> str:  # what the run knows already (cluster/state.py)
        return f"newsagg:state:{run_id}"

    @staticmethod
    def beat(run_id: int) -> str:  # the crawl's heartbeat
        return f"newsagg:beat:{run_id}"

    @staticmethod
    def task(task_id: str) -> str:  # JSON: the run a crawl task opened, or why it opened none
        return f"newsagg:task:{task_id}"

    @staticmethod
    def acked(run_id: int) -> str:  # set: the run's batches the writer ingested (the crawl forgets them)
        return f"newsagg:acked:{run_id}"

    @staticmethod
    def done(run_id: int) -> str:  # JSON summary once the run is closed
        return f"newsagg:done:{run_id}"
