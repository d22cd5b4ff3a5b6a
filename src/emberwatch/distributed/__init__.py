"""Scale-out: run the pure extraction function over many documents on a Dask cluster."""

from emberwatch.distributed.runner import DaskOptions, extract_distributed

__all__ = ["DaskOptions", "extract_distributed"]
