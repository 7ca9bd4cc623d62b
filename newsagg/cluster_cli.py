"""The cluster's commands: `newsagg worker`, `newsagg writer`, `--broker` on `newsagg crawl` and
`newsagg schedule` (without a broker, from the flag or [cluster] broker, those two run on this
machine exactly as before), and the cluster's scheduler in `newsagg status`."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from core.arguments import LOG_LEVELS, broker_url, non_negative_float, positive_int
from core.config import ConfigError, load_config_from, resolve_db_path
from core.errors import NewsaggError
from newsagg.crawl_cli import exit_status, named_sources, print_summary
from scheduler.logfiles import LOG_FORMAT

STATUS_TIMEOUT = 2.0  # seconds `newsagg status` waits for the broker


def add_parsers(subparsers) -> None:
    worker = subparsers.add_parser(
        "worker", help="cluster: take crawl tasks from the broker and run each as a child process",
        description="Run crawl tasks from the broker, each as a child process as the daemon runs them. "
                    "Never opens the SQLite file. See docs/scaling.md.")
    _add_common(worker)
    worker.add_argument("--concurrency", type=positive_int, default=os.cpu_count() or 1, metavar="N",
                        help="crawls at once on this host (default: the number of CPUs)")
    worker.add_argument("--kill-grace", type=non_negative_float, default=10.0, metavar="SECONDS",
                        help="between SIGTERM and SIGKILL of a crawl being stopped (default 10)")
    worker.set_defaults(handler=run_worker)

    writer = subparsers.add_parser(
        "writer", help="cluster: the one process that writes the SQLite file for every worker",
        description="Open runs, ingest the workers' batches into the SQLite file (one transaction per batch), "
                    "close runs and watch heartbeats. Exactly one per cluster. See docs/scaling.md.")
    _add_common(writer)
    writer.add_argument("--db", help="SQLite file (default: [database] path, $NEWSAGG_DB or data/news.db)")
    writer.set_defaults(handler=run_writer)

    _extend(subparsers.choices["crawl"], run_crawl)
    _extend(subparsers.choices["schedule"], run_schedule)
    status = subparsers.choices["status"]
    local_status = status.get_default("handler")
    status.set_defaults(handler=lambda args: local_status(args, cluster=_cluster_scheduler))
    subparsers.choices["crawl"].add_argument("--run-id", type=int, help=argparse.SUPPRESS)  # a worker's child


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.add_argument("--broker", metavar="URL", type=broker_url,
                        help="redis://[:PASSWORD@]HOST:PORT/DB or rediss://... (default: [cluster] broker; "
                             "prefer the config file for a password: a command line is visible to other users)")
    parser.add_argument("--log-level", default="INFO", type=str.upper, choices=LOG_LEVELS,
                        help="log level (default INFO)")


def _extend(parser: argparse.ArgumentParser, handler) -> None:
    """Give a local command a --broker that sends it to the cluster instead."""
    parser.add_argument("--broker", metavar="URL", type=broker_url,
                        help="cluster: queue the runs on this Redis broker instead of running them here "
                             "(default: [cluster] broker; docs/scaling.md)")
    local = parser.get_default("handler")
    parser.set_defaults(handler=lambda args: handler(args, local))


def _broker(args, config, required: bool = False) -> str | None:
    broker = getattr(args, "broker", None) or config.cluster.broker
    if required and not broker:
        raise ConfigError("no broker: give --broker URL or [cluster] broker")
    return broker


def _logging(level: str) -> None:
    logging.basicConfig(level=level, format=LOG_FORMAT, stream=sys.stderr, force=True)


# ---------------------------------------------------------------------------- roles


def run_worker(args: argparse.Namespace) -> int:
    from cluster import tasks
    from cluster.app import CRAWL_QUEUE, configure, redact
    from cluster.worker import CrawlWorker

    config = load_config_from(args.config)
    broker = _broker(args, config, required=True)
    _logging(args.log_level)
    app = configure(broker, config.cluster.heartbeat_timeout)
    app.conf.worker_disable_prefetch = True  # take a crawl only into a free slot: a busy host leaves it to others
    tasks.serve("worker", CrawlWorker(Path(config.path).resolve(), broker, args.log_level, args.kill_grace))
    logging.getLogger("newsagg.worker").info("crawl worker on %s: %d at once, broker %s", socket.gethostname(),
                                             args.concurrency, redact(broker))
    worker = app.Worker(hostname=f"newsagg-crawl-{os.getpid()}@{socket.gethostname()}", pool="prefork",
                        concurrency=args.concurrency, queues=[CRAWL_QUEUE], loglevel=args.log_level, quiet=True,
                        without_mingle=True, without_gossip=True, without_heartbeat=True, optimization="fair")
    worker.start()
    return worker.exitcode or 0


def run_writer(args: argparse.Namespace) -> int:
    from cluster import tasks
    from cluster.app import CONTROL_QUEUE, STORE_QUEUE, configure, connect, redact
    from cluster.writer import Reaper, Writer, writer_claim

    config = load_config_from(args.config)
    broker = _broker(args, config, required=True)
    db_path = resolve_db_path(args.db, config)
    client = connect(broker)
    claim = writer_claim(client)
    claim.take()
    try:
        writer = Writer(db_path, client, config.cluster.heartbeat_timeout)
    except BaseException:  # a file it cannot open: the next writer must not wait for the claim to expire
        claim.release()
        raise
    _logging(args.log_level)
    app = configure(broker, config.cluster.heartbeat_timeout)
    tasks.serve("writer", writer)
    writer.publish_last_ok()
    reaper = Reaper(writer, claim)
    reaper.start()
    logging.getLogger("newsagg.writer").info("writer pid %d on %s: db %s, broker %s", os.getpid(),
                                             socket.gethostname(), db_path, redact(broker))
    worker = app.Worker(hostname=f"newsagg-writer@{socket.gethostname()}", pool="solo", concurrency=1,
                        queues=[CONTROL_QUEUE, STORE_QUEUE], loglevel=args.log_level, quiet=True,
                        without_mingle=True, without_gossip=True, without_heartbeat=True)
    try:
        worker.start()
    finally:
        reaper.stopping.set()
        reaper.join(5)
        claim.release()
        writer.shut_down()
    return worker.exitcode or 0


# ---------------------------------------------------------------------------- crawl and schedule


def run_crawl(args: argparse.Namespace, local) -> int:
    """`newsagg crawl --broker`: queue the runs (and with --wait, wait and summarise them as a local
    crawl does). `--run-id`: this is a worker's child, crawling a run the writer opened."""
    if args.url:  # an ad-hoc crawl runs here, whatever [cluster] broker says
        if args.broker:
            raise NewsaggError("--url crawls run here, not on the cluster: drop --broker")
        return local(args)
    config = load_config_from(args.config)
    if args.run_id:
        return _run_child(args, config, local)
    broker = _broker(args, config)
    return _crawl_on_cluster(args, config, broker) if broker else local(args)


def _run_child(args, config, local) -> int:
    from cluster.app import BROKER_ENV, configure
    from cluster.remote import RemoteBackend

    broker = os.environ.get(BROKER_ENV) or config.cluster.broker
    if not broker:
        raise NewsaggError(f"--run-id needs the broker in ${BROKER_ENV}")
    configure(broker, config.cluster.heartbeat_timeout)
    args.backend = RemoteBackend(broker, args.run_id, config.cluster)
    return local(args)


def _crawl_on_cluster(args, config, broker: str) -> int:
    from cluster import dispatch
    from cluster.app import configure, connect

    names = [source.name for source in named_sources(args, config)]
    client = connect(broker)  # a broker that is away is one line now, not Celery's retries' traceback later
    configure(broker, config.cluster.heartbeat_timeout)
    tasks = {dispatch.enqueue(name, "manual", args.full, args.max_pages): name for name in names}
    if not args.wait:
        if not args.quiet:
            for task_id, name in tasks.items():
                print(f"{name}: queued (task {task_id})")
        return 0
    summaries = dispatch.wait_for(client, tasks)
    for summary in summaries:
        print_summary(summary, summary.db or "-", args.quiet)  # "-": no run, so no database was written
    return exit_status(summaries)


def run_schedule(args: argparse.Namespace, local) -> int:
    """`newsagg schedule` with a broker: the same daemon (and --check), queueing the due runs."""
    return local(args, cluster=lambda config: _cluster_daemon(args, config))


def _cluster_daemon(args: argparse.Namespace, config):
    broker = _broker(args, config)
    if not broker:
        return None
    from cluster import dispatch
    from cluster.app import configure, connect, redact
    from scheduler.cli import daemon_options
    from scheduler.daemon import Daemon

    ledger = dispatch.ClusterLedger(connect(broker))
    configure(broker, config.cluster.heartbeat_timeout)
    return Daemon(config, f"(cluster, broker {redact(broker)})", dispatch.ClusterLaunch(), daemon_options(args),
                  ledger=ledger)


# ---------------------------------------------------------------------------- status


def _cluster_scheduler(config):
    """The cluster's scheduler when the config names a broker (its claim in Redis), else None. A
    broker that does not answer within STATUS_TIMEOUT makes it unknown: `status` still shows the rest."""
    if not config.cluster.broker:
        return None
    import redis

    from cluster.app import BrokerUnreachable, Keys, connect, redact
    from cluster.claims import holder_of
    from scheduler.status import SchedulerState

    broker = redact(config.cluster.broker)
    try:
        holder = holder_of(connect(config.cluster.broker, timeout=STATUS_TIMEOUT), Keys.SCHEDULER)
    except BrokerUnreachable as error:
        return SchedulerState(None, broker=broker, error=str(error))
    except redis.RedisError as error:
        return SchedulerState(None, broker=broker, error=f"the broker {broker} did not answer: {error}")
    if holder is None:
        return SchedulerState(False, broker=broker)
    return SchedulerState(True, holder.get("pid"), holder.get("host"), holder.get("since"), broker=broker)
