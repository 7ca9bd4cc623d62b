"""Past one machine: crawl workers on many hosts and one writer, on Celery with a Redis broker.

- `newsagg worker`: takes crawl tasks and runs each as a child process, as the daemon does; the
  child's backend (cluster/remote.py) sends batches to the writer and never opens the SQLite file.
- `newsagg writer`: the one process that writes the SQLite file (cluster/writer.py).
- `newsagg schedule --broker` and `newsagg crawl --broker` enqueue runs (cluster/dispatch.py).

Messages are JSON (cluster/messages.py), never pickle. docs/scaling.md is the operator's guide.
This room imports core, db, scraper and scheduler; only the command line (newsagg/cluster_cli.py)
imports it.
"""
