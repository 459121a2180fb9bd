"""Atelier's core: rules, data, operations, server and reports. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Atelier"
ORG_NAME = "LaBase"
