"""Run ``extract_document`` on Dask workers.

``extract_document`` is a pure function of (document, resources), so scaling out only needs every
worker to build the resources once. Workers rebuild them from the settings (a small, picklable
object) instead of receiving the compiled matchers and gazetteer over the network; each worker
process keeps its own read-only copy for the batches it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from emberwatch.models import DocumentExtraction, ExtractInput
from emberwatch.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: an existing scheduler address, or a local cluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = 2
    chunk_size: int = 50
    with_geo: bool = True
    with_roles: bool = True


@lru_cache(maxsize=2)
def _worker_resources(settings_json: str, with_geo: bool, with_roles: bool) -> Any:
    """Per-process resources, built on first use in each worker (read-only afterwards)."""
    from emberwatch.extract.pipeline import load_resources

    settings = Settings.model_validate_json(settings_json)
    return load_resources(settings, with_geo=with_geo, with_roles=with_roles)


def _extract_chunk(chunk: list[dict], settings_json: str, with_geo: bool, with_roles: bool) -> list[dict]:
    from emberwatch.extract.pipeline import extract_document

    resources = _worker_resources(settings_json, with_geo, with_roles)
    return [
        extract_document(ExtractInput.model_validate(raw), resources).model_dump(mode="json") for raw in chunk
    ]


def _chunks(items: Sequence[ExtractInput], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(items), size):
        yield [item.model_dump(mode="json") for item in items[start : start + size]]


@contextmanager
def dask_client(options: DaskOptions) -> Iterator[Any]:
    """A client to ``options.scheduler``, or to a local cluster torn down afterwards."""
    from dask.distributed import Client, LocalCluster

    if options.scheduler:
        client = Client(options.scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=options.workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def dask_runner(
    client: Any, settings: Settings, options: DaskOptions
) -> Callable[[list[ExtractInput]], list[DocumentExtraction]]:
    """A runner for :func:`emberwatch.extract.run.extract_store` that maps chunks over the cluster."""
    settings_json = settings.model_dump_json()

    def run(inputs: list[ExtractInput]) -> list[DocumentExtraction]:
        futures = [
            client.submit(
                _extract_chunk, chunk, settings_json, options.with_geo, options.with_roles, pure=False
            )
            for chunk in _chunks(inputs, options.chunk_size)
        ]
        rows = [row for chunk in client.gather(futures) for row in chunk]
        return [DocumentExtraction.model_validate(row) for row in rows]

    return run


def extract_distributed(
    inputs: Sequence[ExtractInput], settings: Settings, options: DaskOptions | None = None
) -> list[DocumentExtraction]:
    """Extract every input on Dask; results come back in input order."""
    options = options or DaskOptions()
    with dask_client(options) as client:
        return dask_runner(client, settings, options)(list(inputs))
