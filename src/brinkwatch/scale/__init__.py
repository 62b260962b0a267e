"""brinkwatch.scale: code articles on Dask workers and store them on the driver (``brinkwatch scale``).

It adds no coding logic: workers run the same ``Coder``, the driver the same ``ingest_articles``.
"""

from brinkwatch.scale.runner import DaskCoder, dask_client, scale_ingest

__all__ = ["DaskCoder", "dask_client", "scale_ingest"]
