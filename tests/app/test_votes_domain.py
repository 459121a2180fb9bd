"""Pure voting rules: ballots, tallies, and the majority judgment ranking (no database)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.votes import (
    GRADES,
    LABASE_CRITERIA,
    RoundSettings,
    VoteError,
    check_ballot,
    counts_of,
    majority_grade,
    majority_value,
    parse_ballot,
    rank,
    remaining,
)

A, B, C, D, E = (("note", n) for n in range(1, 6))
ITEMS = [A, B, C, D, E]
G = {name: i for i, name in enumerate(GRADES)}


def dots(**kw) -> RoundSettings:
    return RoundSettings.parse("dots", kw)


# -- settings ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("dots", {"dots": 0}),
        ("dots", {"dots": 21}),
        ("dots", {"dots": -3}),
        ("dots", {"dots": "3"}),
        ("dots", {"dots": True}),
        ("points", {"budget": 0}),
        ("points", {"budget": 10_001}),
        ("criteria", {"criteria": []}),
        ("criteria", {"criteria": [{"label": ""}]}),
        ("criteria", {"criteria": [{"label": "x", "weight": 0}]}),
        ("criteria", {"criteria": [{"label": "x", "axis": "beauté"}]}),
        ("sondage", {}),
    ],
)
def test_impossible_settings_are_refused(kind, raw):
    with pytest.raises(VoteError):
        RoundSettings.parse(kind, raw)


def test_the_cap_never_exceeds_the_dots_and_the_labase_preset_has_five_criteria():
    assert dots(dots=3, cap=10).cap == 3
    grid = RoundSettings.parse("criteria", {})
    assert grid.criteria == LABASE_CRITERIA and len(grid.criteria) == 5
    assert {c.axis for c in grid.criteria} == {"impact", "feasibility"}
    assert "2 des 4 partenaires" in grid.criteria[0].label
    again = RoundSettings.parse("criteria", grid.to_dict())
    assert again.criteria == grid.criteria


# -- dot votes ---------------------------------------------------------------------------------
def test_a_dot_ballot_within_the_rules_is_accepted_without_its_zeros():
    s = dots(dots=3, cap=2)
    ballot = check_ballot(s, ITEMS, {(A, ""): 2, (B, ""): 1, (C, ""): 0})
    assert ballot == {(A, ""): 2, (B, ""): 1}
    assert remaining(s, ballot) == 0


@pytest.mark.parametrize(
    ("ballot", "code"),
    [
        ({(A, ""): 2, (B, ""): 2}, "plus_de_gommettes"),
        ({(A, ""): 3}, "plafond_atteint"),
        ({(A, ""): -1, (B, ""): 3}, "saisie_invalide"),
        ({(("note", 99), ""): 1}, "element_inconnu"),
        ({(A, "impact"): 1}, "element_inconnu"),
    ],
)
def test_a_dot_ballot_breaking_a_rule_is_refused(ballot, code):
    with pytest.raises(VoteError) as refused:
        check_ballot(dots(dots=3, cap=2), ITEMS, ballot)
    assert refused.value.code == code


def test_own_post_its_only_when_allowed():
    with pytest.raises(VoteError) as refused:
        check_ballot(dots(own_allowed=False), ITEMS, {(A, ""): 1}, own=[A])
    assert "propres post-its" in refused.value.message
    assert check_ballot(dots(own_allowed=False), ITEMS, {(B, ""): 1}, own=[A])
    assert check_ballot(dots(own_allowed=True), ITEMS, {(A, ""): 1}, own=[A])


def test_the_wire_form_is_parsed_and_hostile_forms_refused():
    s = dots()
    assert parse_ballot(s, {"note:1": 2, "cluster:4": 1}) == {
        (A, ""): 2,
        (("cluster", 4), ""): 1,
    }
    for hostile in ([1, 2], {"note:x": 1}, {"<b>:1": 1}, {"note:-1": 1}, {"note:1": "2"},
                    {"note:1": 1.5}, {"note:1": None}, {"note:0": 1}):  # fmt: skip
        with pytest.raises(VoteError):
            parse_ballot(s, hostile)


# -- points ------------------------------------------------------------------------------------
def test_points_share_a_budget():
    s = RoundSettings.parse("points", {"budget": 100})
    assert remaining(s, check_ballot(s, ITEMS, {(A, ""): 60, (B, ""): 40})) == 0
    assert remaining(s, check_ballot(s, ITEMS, {(A, ""): 30})) == 70
    with pytest.raises(VoteError) as refused:
        check_ballot(s, ITEMS, {(A, ""): 60, (B, ""): 41})
    assert refused.value.code == "plus_de_points"


def test_dot_totals_rank_with_ties_shown_as_ties():
    s = dots(dots=3, cap=3)
    ballots = [{(A, ""): 2, (B, ""): 1}, {(B, ""): 1, (C, ""): 2}, {(D, ""): 1}]
    ranking = rank(s, counts_of(ballots), ITEMS)
    assert [(r.rank, r.item, r.score, r.tied) for r in ranking] == [
        (1, A, 2.0, True),
        (1, B, 2.0, True),
        (1, C, 2.0, True),
        (4, D, 1.0, False),
        (5, E, 0.0, False),
    ]
    assert ranking[1].detail == {"total": 2, "voters": 2}


# -- majority judgment -------------------------------------------------------------------------
def _profile(*grades: str) -> list[int]:
    out = [0] * len(GRADES)
    for g in grades:
        out[G[g]] += 1
    return out


def _mj(**items: tuple[str, ...]):
    """Rank items given each voter's grade names (one ballot per position)."""
    names = list(items)
    n = len(next(iter(items.values())))
    keys = {name: ("note", i + 1) for i, name in enumerate(names)}
    ballots = [{(keys[name], ""): G[items[name][v]] for name in names} for v in range(n)]
    s = RoundSettings.parse("majority")
    for b in ballots:
        check_ballot(s, keys.values(), b)
    ranking = rank(s, counts_of(ballots), keys.values())
    back = {v: k for k, v in keys.items()}
    return [(r.rank, back[r.item], r.tied) for r in ranking], ranking


def test_majority_grade_is_the_lower_median():
    # 5 voters: sorted grades Passable, Bien, Bien, Très bien, Excellent → the 3rd is Bien
    assert (
        majority_grade(_profile("Bien", "Excellent", "Passable", "Très bien", "Bien")) == G["Bien"]
    )
    # an even number of voters takes the lower of the two middle grades (Balinski & Laraki)
    assert majority_grade(_profile("Passable", "Bien")) == G["Passable"]
    assert majority_grade(_profile("Insuffisant", "Passable", "Bien", "Excellent")) == G["Passable"]
    assert majority_grade([0] * 7) is None


def test_worked_example_the_median_not_the_mean_decides():
    # A: Passable, Bien, Bien, Très bien, Excellent → majority grade Bien
    # B: Assez bien ×3, Excellent ×2 → majority grade Assez bien (though it has more Excellent)
    order, ranking = _mj(
        A=("Passable", "Bien", "Bien", "Très bien", "Excellent"),
        B=("Assez bien", "Assez bien", "Excellent", "Assez bien", "Excellent"),
    )
    assert order == [(1, "A", False), (2, "B", False)]
    assert ranking[0].detail["grade_label"] == "Bien"
    assert ranking[1].detail["grade_label"] == "Assez bien"


def test_worked_example_the_tie_break_removes_median_grades_one_at_a_time():
    # Both have the majority grade Bien (6 voters, lower median = 3rd lowest grade).
    # A = [Passable, Bien, Bien, Bien, Très bien, Très bien]
    #   remove one Bien → [P, B, B, TB, TB]: median Bien; remove → [P, B, TB, TB]: Bien;
    #   remove → [P, TB, TB]: Très bien.   Majority value (Bien, Bien, Bien, Très bien, …)
    # B = [Insuffisant, Bien, Bien, Bien, Bien, Excellent]
    #   → Bien, Bien, Bien, then [I, B, E]: Bien.  Majority value (Bien, Bien, Bien, Bien, …)
    # At the 4th grade, Très bien > Bien: A is ahead.
    a = _profile("Passable", "Bien", "Bien", "Bien", "Très bien", "Très bien")
    b = _profile("Insuffisant", "Bien", "Bien", "Bien", "Bien", "Excellent")
    bien, tb = G["Bien"], G["Très bien"]
    assert majority_value(a)[:4] == (bien, bien, bien, tb)
    assert majority_value(b)[:4] == (bien, bien, bien, bien)
    order, ranking = _mj(
        B=("Insuffisant", "Bien", "Bien", "Bien", "Bien", "Excellent"),
        A=("Passable", "Bien", "Bien", "Bien", "Très bien", "Très bien"),
    )
    assert order == [(1, "A", False), (2, "B", False)]
    # the majority gauge agrees: A has 2/6 above Bien, B only 1/6 (each 1/6 below)
    assert ranking[0].detail["above"] == pytest.approx(2 / 6)
    assert ranking[1].detail["above"] == pytest.approx(1 / 6)


def test_worked_example_three_items_one_grade_apart_after_removals():
    # C = Assez bien ×5                    → (AB, AB, AB, AB, AB)
    # E = [À rejeter, AB, AB, AB, Excellent] → AB, AB, then [R, AB, E]: AB, then [R, E]: R
    # D = [Insuffisant ×2, AB, TB ×2]       → AB, then [I, I, TB, TB]: Insuffisant
    # All have the majority grade Assez bien; C > E (4th grade AB vs R) > D (2nd grade I).
    order, _ = _mj(
        D=("Insuffisant", "Insuffisant", "Assez bien", "Très bien", "Très bien"),
        E=("À rejeter", "Assez bien", "Assez bien", "Assez bien", "Excellent"),
        C=("Assez bien",) * 5,
    )
    assert order == [(1, "C", False), (2, "E", False), (3, "D", False)]


def test_worked_example_identical_profiles_are_a_tie():
    order, _ = _mj(
        A=("Bien", "Passable", "Excellent", "Bien"),
        B=("Excellent", "Bien", "Bien", "Passable"),
        C=("Passable", "Passable", "Passable", "Passable"),
    )
    assert order == [(1, "A", True), (1, "B", True), (3, "C", False)]


def test_majority_ballots_grade_every_item_on_the_scale():
    s = RoundSettings.parse("majority")
    with pytest.raises(VoteError) as refused:
        check_ballot(s, [A, B], {(A, ""): 3})
    assert refused.value.code == "bulletin_incomplet"
    with pytest.raises(VoteError):
        check_ballot(s, [A, B], {(A, ""): 3, (B, ""): 7})
    with pytest.raises(VoteError):
        check_ballot(s, [A, B], {(A, ""): 3, (B, ""): -1})
    assert check_ballot(s, [A, B], {(A, ""): 0, (B, ""): 6}) == {(A, ""): 0, (B, ""): 6}


# -- criteria grid -----------------------------------------------------------------------------
def test_criteria_grid_weighted_ranking_and_quadrants():
    s = RoundSettings.parse(
        "criteria",
        {"criteria": [
            {"key": "impact", "label": "Impact", "weight": 2, "axis": "impact"},
            {"key": "faisable", "label": "Faisable", "weight": 1, "axis": "feasibility"},
        ]},
    )  # fmt: skip
    ballots = [
        {(A, "impact"): 5, (A, "faisable"): 2, (B, "impact"): 3, (B, "faisable"): 5},
        {(A, "impact"): 4, (A, "faisable"): 2, (B, "impact"): 3, (B, "faisable"): 5},
    ]
    for b in ballots:
        check_ballot(s, [A, B], b)
    ranking = rank(s, counts_of(ballots), [A, B])
    # A: (2 × 4.5 + 1 × 2) / 3 = 11/3; B: (2 × 3 + 5) / 3 = 11/3 → an exact tie
    assert [(r.rank, r.item, r.tied) for r in ranking] == [(1, A, True), (1, B, True)]
    assert ranking[0].score == pytest.approx(float(Fraction(11, 3)))
    assert ranking[0].detail["quadrant"] == "À préparer"  # high impact, hard
    assert ranking[1].detail["quadrant"] == "Prioritaire"
    with pytest.raises(VoteError) as refused:
        check_ballot(s, [A, B], {(A, "impact"): 5, (A, "faisable"): 2})
    assert refused.value.code == "bulletin_incomplet"
    with pytest.raises(VoteError):
        check_ballot(s, [A], {(A, "impact"): 6, (A, "faisable"): 2})


# -- properties --------------------------------------------------------------------------------
@given(
    n_dots=st.integers(1, 20),
    cap=st.integers(1, 20),
    values=st.dictionaries(st.sampled_from(ITEMS), st.integers(-3, 25), max_size=5),
)
def test_an_accepted_dot_ballot_never_exceeds_dots_or_cap(n_dots, cap, values):
    s = dots(dots=n_dots, cap=cap)
    try:
        ballot = check_ballot(s, ITEMS, {(i, ""): v for i, v in values.items()})
    except VoteError:
        assert any(v < 0 or v > s.cap for v in values.values()) or sum(values.values()) > n_dots
        return
    assert sum(ballot.values()) <= n_dots and all(0 < v <= s.cap for v in ballot.values())


@given(st.lists(st.integers(0, 6), min_size=1, max_size=40))
def test_majority_value_starts_with_the_majority_grade_and_uses_every_grade(grades):
    profile = [grades.count(g) for g in range(7)]
    value = majority_value(profile)
    assert value[0] == sorted(grades)[(len(grades) - 1) // 2]
    assert sorted(value) == sorted(grades)


# -- eliminatory criteria ----------------------------------------------------------------------
def _grid(*criteria: dict) -> RoundSettings:
    return RoundSettings.parse("criteria", {"criteria": list(criteria)})


def _ballot(scores: dict) -> dict:
    return {(item, crit): v for item, by in scores.items() for crit, v in by.items()}


def test_labase_preset_makes_partners_and_18_months_eliminatory() -> None:
    settings = RoundSettings.parse("criteria", {"criteria": "labase"})
    out = {c.key: c.threshold for c in settings.criteria}
    assert out == {"partenaires": 3, "transversal": None, "faisable": 3, "moyens": None,
                   "sobriete": None}  # fmt: skip
    # stored as JSON with the round and read back the same
    again = RoundSettings.parse("criteria", settings.to_dict())
    assert again.criteria == LABASE_CRITERIA
    assert "threshold" not in settings.to_dict()["criteria"][1]  # not eliminatory: no key


def test_an_eliminated_item_comes_after_every_survivor_and_says_why() -> None:
    settings = _grid(
        {"key": "ok", "label": "Faisable", "threshold": 3},
        {"key": "wow", "label": "Impact", "weight": 5},
    )
    ballots = [
        _ballot({A: {"ok": 2, "wow": 5}, B: {"ok": 3, "wow": 1}, C: {"ok": 5, "wow": 2}}),
        _ballot({A: {"ok": 2, "wow": 5}, B: {"ok": 3, "wow": 1}, C: {"ok": 4, "wow": 2}}),
    ]
    ranking = rank(settings, counts_of(ballots), [A, B, C])
    # A has by far the best weighted mean, but 2 < 3 on the eliminatory criterion
    assert [(r.item, r.rank) for r in ranking] == [(C, 1), (B, 2), (A, 3)]
    assert ranking[-1].detail["eliminated"] == [
        {"key": "ok", "label": "Faisable", "mean": 2.0, "threshold": 3}
    ]
    # the threshold itself passes: B's mean is exactly 3
    assert ranking[1].detail["eliminated"] == []
    assert ranking[-1].score > ranking[0].score


@given(st.lists(st.lists(st.integers(1, 5), min_size=6, max_size=6), min_size=1, max_size=6),
       st.integers(1, 5))  # fmt: skip
def test_eliminated_items_are_never_ranked_above_survivors(rows: list, threshold: int) -> None:
    settings = _grid(
        {"key": "a", "label": "A", "threshold": threshold}, {"key": "b", "label": "B", "weight": 3}
    )
    ballots = [_ballot({A: {"a": r[0], "b": r[1]}, B: {"a": r[2], "b": r[3]},
                        C: {"a": r[4], "b": r[5]}}) for r in rows]  # fmt: skip
    ranking = rank(settings, counts_of(ballots), [A, B, C])
    out = [bool(r.detail["eliminated"]) for r in ranking]
    assert out == sorted(out)  # survivors first
    survivors = [r for r in ranking if not r.detail["eliminated"]]
    if survivors:
        assert all(r.rank > survivors[-1].rank for r in ranking if r.detail["eliminated"])
    for r in ranking:
        column = 2 * (r.item[1] - 1)  # the item's score on the eliminatory criterion
        mean = Fraction(sum(row[column] for row in rows), len(rows))
        assert bool(r.detail["eliminated"]) == (mean < threshold)


@pytest.mark.parametrize(
    ("threshold", "message"),
    [
        (0, "Seuil éliminatoire de « Faisable » : de 1 à 5."),
        (6, "Seuil éliminatoire de « Faisable » : de 1 à 5."),
        ("3", "Seuil éliminatoire de « Faisable » : un nombre entier est attendu."),
        (True, "Seuil éliminatoire de « Faisable » : un nombre entier est attendu."),
    ],
)
def test_a_bad_threshold_is_refused_in_french(threshold: object, message: str) -> None:
    with pytest.raises(VoteError) as error:
        _grid({"key": "ok", "label": "Faisable", "threshold": threshold})
    assert str(error.value) == message


def test_decimals_are_enough_to_tell_different_means_apart() -> None:
    from app.domain.votes import decimals_to_differ

    assert decimals_to_differ([4.0, 3.5]) == 1
    assert decimals_to_differ([10 / 3, 3.34]) == 2  # 3,33 and 3,34, not two 3,3
    assert decimals_to_differ([10 / 3, 10 / 3, 3.0]) == 1  # a true tie stays a tie
    assert decimals_to_differ([1 / 3, 0.3334]) == 4
    assert decimals_to_differ([0.33331, 0.33332]) == 4  # at most 4
    assert decimals_to_differ([2.0], least=2) == 2
