"""`python -m bench`: a benchmark that fails or runs out of time is a failed row, not the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _bench_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))  # bench/ is a folder of the repository, not installed


def test_a_crashing_or_slow_benchmark_is_reported_failed(tmp_path: Path) -> None:
    from bench.__main__ import run_one

    crashed = run_one("does_not_exist", tmp_path, [], limit=60)
    assert crashed.rows == [] and crashed.status == "a échoué (code 1)"

    stopped = run_one("startup", tmp_path, ["--runs", "50"], limit=0.5)
    assert stopped.rows == [] and stopped.status.startswith("arrêté après")


def test_table_shows_goal_verdict_ratio_and_failures(tmp_path: Path) -> None:
    from bench.common import FAILED, OK, TO_IMPROVE, Row, save, table

    rows = [
        Row("phones.writes", "Écritures par seconde", 500.0, "/s", 2000.0, True,
            baseline="phones.health"),
        Row("phones.health", "Référence : /api/health", 1000.0, "/s"),
        Row("phones.p99", "Accusé, p99", 20.0, "ms", 50.0),
        Row.failure("votes", "a échoué (code 1)"),
    ]  # fmt: skip
    assert [r.verdict for r in rows] == [TO_IMPROVE, "info", OK, FAILED]
    text = table(rows, {"phones": "bench.phones · 12 s", "votes": "bench.votes · 3 s"})
    lines = text.splitlines()
    assert lines[0].split() == ["Mesure", "Objectif", "Mesuré", "Verdict", "Rapport", "à", "la",
                                "référence"]  # fmt: skip
    assert "[bench.phones · 12 s]" in lines and "[bench.votes · 3 s]" in lines
    writes = next(line for line in lines if line.startswith("Écritures"))
    assert "≥ 2\u202f000 /s" in writes and "500 /s" in writes and TO_IMPROVE in writes
    assert writes.endswith("0.5×")
    assert next(line for line in lines if line.startswith("Référence")).endswith("(la référence)")
    failed = next(line for line in lines if line.startswith("bench.votes"))
    assert "a échoué (code 1)" in failed and FAILED in failed

    results = tmp_path / "results.json"
    results.write_text(json.dumps({"phones.old_figure": {"value": 1}, "votes.p99": {"value": 2}}))
    save(rows, results, run={"seconds": 15.0, "load_start": 1.0, "load_end": 2.0})
    stored = json.loads(results.read_text(encoding="utf-8"))
    assert "phones.old_figure" not in stored  # phones ran: its figures replace the old ones
    assert stored["votes.p99"] == {"value": 2}  # votes failed: its last figures stay
    assert stored["votes.failed"]["verdict"] == FAILED and stored["votes.failed"]["value"] is None
    assert stored["phones.writes"]["ratio"] == 0.5
    assert stored["phones.writes"]["baseline"] == "phones.health"
    assert stored["_run"]["load_end"] == 2.0 and stored["_run"]["machine"]["cpus"] >= 1
