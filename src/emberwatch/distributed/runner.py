"""Run ``extract_document`` on Dask workers.

``extract_document`` is a pure function of (document, resources), so scaling out only needs every
worker to build the resources once. Workers rebuild them from the settings (a small, picklable
object) instead of receiving the compiled matchers and gazetteer over the network; each worker
process keeps its own read-only copy for the batches it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from emberwatch.errors import ConfigError
from emberwatch.models import DocumentExtraction, ExtractInput
from emberwatch.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: an existing scheduler address, or a local cluster of ``workers`` processes."""

    scheduler: str | None = None
    workers: int = 2
    batch_size: int = 200
    with_geo: bool = True


@lru_cache(maxsize=2)
def _worker_resources(settings_json: str, with_geo: bool):  # type: ignore[no-untyped-def]
    """Per-process resources, built on first use in each worker (read-only afterwards)."""
    from emberwatch.extract.pipeline import load_resources

    return load_resources(Settings.model_validate_json(settings_json), with_geo=with_geo)


def _extract_batch(batch: list[dict], settings_json: str, with_geo: bool) -> list[dict]:
    from emberwatch.extract.pipeline import extract_document

    resources = _worker_resources(settings_json, with_geo)
    results = []
    for raw in batch:
        result = extract_document(ExtractInput.model_validate(raw), resources)
        results.append(result.model_dump(mode="json"))
    return results


def _batches(items: Sequence[ExtractInput], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(items), size):
        yield [item.model_dump(mode="json") for item in items[start : start + size]]


def extract_distributed(
    inputs: Sequence[ExtractInput],
    settings: Settings,
    options: DaskOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[DocumentExtraction]:
    """Extract every input on Dask; results come back in input order."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - dask is a declared dependency
        raise ConfigError("Dask is not installed: pip install 'dask[distributed]'") from exc
    options = options or DaskOptions()
    settings_json = settings.model_dump_json()
    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=options.workers, threads_per_worker=1, processes=True,
            dashboard_address=None, host="127.0.0.1",
        )  # fmt: skip
        client = Client(cluster)
    try:
        batches = list(_batches(inputs, options.batch_size))
        futures = {
            client.submit(_extract_batch, batch, settings_json, options.with_geo, pure=False): i
            for i, batch in enumerate(batches)
        }
        done: dict[int, list[dict]] = {}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            if progress:
                progress(sum(len(v) for v in done.values()), len(inputs))
        ordered = [row for i in range(len(batches)) for row in done[i]]
        return [DocumentExtraction.model_validate(row) for row in ordered]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
