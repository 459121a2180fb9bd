"""Benchmarks: figures a person compares with the goals; they never fail on timing.

`python -m bench` runs them all (`make bench`); `python -m bench.startup`,
`python -m bench.journal_open` and `python -m bench.ops` run one each.
"""
