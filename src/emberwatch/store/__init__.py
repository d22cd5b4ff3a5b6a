"""DuckDB storage: the only package that talks to the database."""

from emberwatch.store.database import Store

__all__ = ["Store"]
