"""Running the batches on Dask ``distributed``: a local cluster (one process per worker) or an
existing one by its scheduler's address, whose workers must run this version of the kit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from helpers.corpus.batch import failed_batch, load_batch, process_batch
from helpers.corpus.sources import Source
from helpers.corpus.tables import CorpusError

LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # the statistical profiler samples the task's stack every 10 ms, taking the GIL each time
    "distributed.worker.profile.enabled": False,
}


def kit_version() -> str:
    """The kit's version, as a worker sees it (checked before a cluster gets any work)."""
    from helpers import __version__

    return __version__


def _check_workers(client, scheduler: str) -> None:
    """Every worker of an existing cluster must have the kit installed, in this version."""
    from helpers import __version__

    try:
        versions = client.run(kit_version)
    except Exception as exc:
        raise CorpusError(
            f"the workers of {scheduler} cannot run the kit ({type(exc).__name__}: {exc}) — "
            "install it on every worker machine (pip install -e /path/to/the/kit) and restart "
            "the workers"
        ) from None
    if not versions:
        raise CorpusError(f"the cluster at {scheduler} has no workers — start `dask worker`")
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        raise CorpusError(
            f"the workers of {scheduler} run kit version {', '.join(other)}, this is "
            f"{__version__} — install the same version everywhere, so that every article is "
            "analysed the same way"
        )


# what a local worker imports before its first task: with the "forkserver" start method they
# are imported once, in the process the workers are forked from, instead of once per worker
WORKER_PRELOAD = [
    "distributed",
    "numpy",
    "pandas",
    "pyarrow",
    "helpers.corpus.batch",
    "helpers.statements",
    "helpers.terms",
    "helpers.speaker_analysis",
]


def _start_method() -> dict[str, str]:
    """Start local workers by forking a server process that has the kit imported (where the
    system has one: not on Windows); a spawned worker imports it all again. Measured with 2
    workers on a busy 2-core machine: cluster start, first imports and shutdown took about
    4.8 s with spawn and 3.4 s with forkserver before preloading the kit (about 1 s more)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return {}
    from distributed.utils import get_mp_context

    key = "distributed.worker.multiprocessing-method"
    with dask_config({key: "forkserver"}):
        ctx = get_mp_context()  # sets distributed's own preload list; this one replaces it
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    return {key: "forkserver"}


def dask_config(settings: dict):
    import dask

    return dask.config.set(settings)


def _local_cluster(workers: int):
    from distributed import LocalCluster

    # tasks here are long and CPU-bound: the workers' event loops need not wake every
    # 20 ms, nor measure memory ten times a second (each wake-up takes the GIL from the
    # task). Measured on 400 short articles: a worker's CPU per batch went from about 25%
    # above the same work in one process to about 10% above (noisy, on a busy machine)
    with dask_config({**LOCAL_CLUSTER_CONFIG, **_start_method()}):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


class DaskRun:
    """A client of a cluster: connect(scheduler) checks an existing cluster before anything is
    written; local(workers) starts one. run() sends the batches, a few ahead of the results."""

    def __init__(self, client, cluster=None, workers: int = 1):
        self.client, self.cluster = client, cluster
        self.workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)

    @classmethod
    def connect(cls, scheduler: str, timeout: float | None = None) -> DaskRun:
        """A client of the cluster at scheduler, after checking its workers (the wait to connect
        is 30 s at most, or timeout when that is shorter)."""
        from distributed import Client

        wait = min(30, timeout) if timeout else 30
        try:
            client = Client(scheduler, timeout=wait, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise CorpusError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}) — check the address "
                "(tcp://host:8786) and that `dask scheduler` runs there"
            ) from None
        try:
            _check_workers(client, scheduler)
        except CorpusError:
            client.close()
            raise
        return cls(client)

    @classmethod
    def local(cls, workers: int) -> DaskRun:
        from distributed import Client

        cluster = _local_cluster(workers)
        return cls(Client(cluster, set_as_default=False), cluster, workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def run(
        self,
        batches: list[list[Source]],
        commit: Callable,
        max_bytes: int,
        encoding: str | None,
        timeout: float | None,
    ) -> None:
        """Run every batch and commit(batch, tables) each result as it comes."""
        from distributed import as_completed

        client = self.client
        queue: Iterator[list[Source]] = iter(batches)
        running: dict = {}
        results = as_completed(loop=client.loop, timeout=timeout)

        def submit() -> None:
            batch = next(queue, None)
            if batch is not None:
                items = load_batch(batch, max_bytes)
                fut = client.submit(process_batch, items, encoding, pure=False)
                running[fut.key] = batch
                results.add(fut)

        for _ in range(2 * self.workers):
            submit()
        try:
            for fut in results:
                batch = running.pop(fut.key)
                commit(batch, _result(fut, batch))
                submit()
        except TimeoutError:
            raise CorpusError(
                f"the cluster returned no result within {timeout:g} s — the batches written "
                "so far are kept: run the command again to continue"
            ) from None


def _result(fut, batch: list[Source]):
    """A task's tables; failed rows for each article when its worker died on the batch."""
    try:
        tables = fut.result()
    except (TimeoutError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a worker died on this batch: record, go on
        reason = (
            f"the worker analysing this batch failed ({type(exc).__name__}: {exc})"
            " — run again with --batch-size 1 to find the article that causes it"
        )
        tables = failed_batch(batch, reason)
    fut.release()
    return tables
