"""Scale-out: run the pure extraction function over many documents on a Dask cluster."""

from emberwatch.distributed.runner import DaskOptions, dask_client, dask_runner, extract_distributed

__all__ = ["DaskOptions", "dask_client", "dask_runner", "extract_distributed"]
