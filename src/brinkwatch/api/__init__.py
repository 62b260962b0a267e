"""brinkwatch.api: the versioned HTTP API (FastAPI) over a brinkwatch database.

``create_app(db_path, ...)`` builds the app; ``brinkwatch serve`` runs it with uvicorn. Endpoints live
under ``/v1``; every error has one JSON shape (``brinkwatch.api.errors``).
"""

from brinkwatch.api.app import create_app

__all__ = ["create_app"]
