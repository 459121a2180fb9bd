"""What the core asks of the computer it runs on: files written whole, network addresses.

Below `app.ops`, `app.reports` and `app.server` (see the layers contract in pyproject.toml):
no rule, no storage, no document here, only the operating system's side.
"""
