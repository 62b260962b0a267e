"""Support code for the dashboard tests (test data); imported as ``browser`` with tests/ on sys.path."""
