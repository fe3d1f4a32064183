"""Stories over a Ray cluster (`--executor ray`, the optional `ray` extra): a newsroom's archive on many machines.

Each story is one Ray task; Ray schedules them over the cluster's CPUs. The rules go to the object store once,
and at most a few stories per CPU are handed out ahead of the one being collected, so a long archive does not
wait in memory. Results are collected in input order, so the report is byte for byte a serial run's. With no
address, Ray is started on this machine with `--jobs` CPUs and stopped at the end; with one (`auto`,
`ray://head:10001`), the run joins that cluster, whose workers must have factcheck installed.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from factcheck.config import Rules
from factcheck.errors import UsageError
from factcheck.sources import LoadedStory

LOCAL = "local"  # the `ray` argument of the pipeline that starts Ray here, rather than joining a cluster
AHEAD_PER_CPU = 4  # stories handed out ahead per CPU of the cluster: keeps every CPU busy, and memory flat

Tag = TypeVar("Tag")


def analysed_on_ray(
    items: Iterable[tuple[LoadedStory, Tag]],
    rules: Rules,
    date: dt.date | None,
    claims_only: bool,
    address: str,
    cpus: int,
) -> Iterator[tuple[Any, Tag]]:
    """`pipeline.analyse` of every story of `items`, on Ray, yielded in order with the tag that came with it."""
    ray = _ray()
    started = _connect(ray, address, cpus)
    try:
        task = ray.remote(_analyse)
        shared = ray.put(rules)
        ahead = AHEAD_PER_CPU * max(1, int(ray.cluster_resources().get("CPU", 1)))
        pending: deque = deque()
        for loaded, tag in items:
            pending.append((task.remote(loaded, shared, date, claims_only), tag))
            if len(pending) >= ahead:
                yield _collected(ray, pending.popleft())
        while pending:
            yield _collected(ray, pending.popleft())
    finally:
        if started:
            ray.shutdown()


def _collected(ray: Any, submitted: tuple) -> tuple[Any, Any]:
    reference, tag = submitted
    try:
        return ray.get(reference), tag
    except ray.exceptions.RayTaskError as error:
        if isinstance(error.cause, Exception):
            raise error.cause from None  # the story's own error, as a serial run raises it (an input error is one)
        raise


def _analyse(loaded: LoadedStory, rules: Rules, date: dt.date | None, claims_only: bool) -> Any:
    from factcheck.pipeline import analyse

    return analyse(loaded, rules, date, claims_only=claims_only)


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise UsageError("--executor ray needs Ray: pip install 'factcheck[ray]'") from None
    return ray


def _connect(ray: Any, address: str, cpus: int) -> bool:
    """Start Ray here (`LOCAL`) or join the cluster at `address`; True when this run started it (and stops it)."""
    if ray.is_initialized():
        return False
    if address != LOCAL:
        reachable(address)
    quiet = {"log_to_driver": False, "logging_level": "ERROR", "configure_logging": True}
    try:
        if address == LOCAL:
            ray.init(num_cpus=cpus, include_dashboard=False, **quiet)
        else:
            ray.init(address=address, **quiet)
    except (ConnectionError, ValueError, RuntimeError) as error:
        raise UsageError(f"cannot reach the Ray cluster at {address}: {error}") from None
    return True


REACH_SECONDS = 5.0  # how long a cluster's head may take to accept a connection before the run gives up


def reachable(address: str) -> None:
    """A usage error when nothing listens at a `host:port` address (`auto` is Ray's to find): Ray itself retries an
    unreachable head for minutes, printing warnings, before it fails."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=REACH_SECONDS).close()
    except OSError as error:
        raise UsageError(f"cannot reach the Ray cluster at {address}: {error}") from None
