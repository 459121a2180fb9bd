"""Grouping suggestions: the pure method on small French walls, and the board operations
(suggest writes nothing; accept is one undoable operation) on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain import grouping
from app.errors import InvalidInput, NotFound
from app.ops import board, live, notes, participants
from app.ops import grouping as ops
from app.ops.base import Context, redo, undo
from app.ops.workshops import create_workshop
from app.store.models import Cluster, JournalEntry

HOSTILE = (Path(__file__).parents[1] / "data" / "hostile-text.txt").read_text(encoding="utf-8")

BIKES = [
    "Des vélos électriques prêtés aux agents",
    "Un parking vélo couvert près de l'entrée",
    "velos de service pour les trajets courts",
    "Prime vélo pour venir au travail à vélo",
]
CANTEEN = [
    "Des produits locaux à la cantine",
    "Cantine : menu végétarien et produits bio",
    "Moins de gaspillage à la cantine, produits de saison",
    "La CANTINE achète aux producteurs locaux",
]


def _partition(result: grouping.Suggestion, count: int) -> None:
    """Every post-it is in exactly one group or alone; duplicate sets name real post-its."""
    placed = [i for g in result.groups for i in g.members] + list(result.alone)
    assert sorted(placed) == list(range(count))
    for dup in result.duplicates:
        assert dup.keep == dup.members[0] and len(set(dup.members)) == len(dup.members) > 1
        assert all(0 <= i < count for i in dup.members)


# -- the pure method ---------------------------------------------------------------------------
def test_accents_case_elisions_and_plurals_meet_on_one_stem() -> None:
    assert grouping.fold("Œuvre à Élancourt, ÉTÉ") == "oeuvre a elancourt, ete"
    same = ["Vélos", "velo", "VÉLO", "vélos"]
    assert {grouping.words(w)[0][0] for w in same} == {grouping.stem("velo")}
    assert grouping.words("l'accueil d'urgence")[0][0] == grouping.words("accueils")[0][0]
    assert grouping.words("bâtiments") == [(grouping.stem("batiment"), "batiments")]
    assert grouping.stem("journaux") == grouping.stem("journal")
    # stop words and bare numbers say nothing; a duration does
    assert grouping.words("Il y a trop de 2026 !!") == []
    assert [w for _, w in grouping.words("TT 3j/semaine")] == ["teletravail", "jours", "semaine"]


def test_two_themes_are_told_apart_and_titled_in_french() -> None:
    texts = BIKES + CANTEEN
    result = grouping.suggest(texts)
    _partition(result, len(texts))
    members = {frozenset(g.members) for g in result.groups}
    assert frozenset(range(4)) in members
    assert frozenset(range(4, 8)) in members
    titles = {frozenset(g.members): g.title for g in result.groups}
    assert titles[frozenset(range(4))].startswith("Vélo")
    assert "cantine" in titles[frozenset(range(4, 8))].lower()
    assert all(g.title[0].isupper() and len(g.title.split(", ")) <= 3 for g in result.groups)


def test_near_duplicates_are_found_and_other_post_its_are_not() -> None:
    texts = [
        "Covoiturage entre agents des administrations",
        "covoit entre les agents des différentes administrations !",
        "Un annuaire des agents",
        "Covoiturage pour aller au marché",
    ]
    result = grouping.suggest(texts)
    assert [(d.members, d.label) for d in result.duplicates] == [((0, 1), "×2")]


def test_a_duplicate_set_needs_every_pair_close_not_a_chain() -> None:
    # a is close to b and b to c, but a and c share a single stem: two sets at most, not one
    texts = [
        "vélo électrique prêt agents",
        "vélo électrique prêt parking",
        "parking couvert prêt electrique",
    ]
    for dup in grouping.suggest(texts).duplicates:
        assert set(dup.members) != {0, 1, 2}


@pytest.mark.parametrize("texts", [[], ["Une seule idée"], ["", "   ", "!!!"]])
def test_tiny_or_empty_walls(texts: list[str]) -> None:
    result = grouping.suggest(texts)
    _partition(result, len(texts))
    assert result.groups == () and result.duplicates == ()


def test_hostile_text_does_not_crash() -> None:
    cases = [line.replace("\\n", "\n") for line in HOSTILE.splitlines() if not line.startswith("#")]
    cases += ["\x00\x01\x1b[31m", "\u0301\u0301", "\ud800 seul", "é" * 5000, "a'b'c'''"]
    cases += [" ".join(["vélo"] * 300), "𝕧𝕖𝕝𝕠 𝕧𝕖𝕝𝕠", "ＶＥＬＯ ｃａｎｔｉｎｅ"]
    result = grouping.suggest(cases + BIKES)
    _partition(result, len(cases) + len(BIKES))
    assert all(0 < len(g.title) <= 200 for g in result.groups)
    for text in cases:  # and one at a time
        grouping.suggest([text, text])


def test_the_same_wall_gets_the_same_suggestion() -> None:
    texts = BIKES + CANTEEN + ["Plus de télétravail", "télétravail 2 jours par semaine"]
    assert grouping.suggest(texts) == grouping.suggest(list(texts))


def test_five_hundred_post_its_are_grouped() -> None:
    rng = random.Random(5)
    vocabulary = " ".join(BIKES + CANTEEN + HOSTILE.splitlines()[4:30]).split()
    texts = [" ".join(rng.sample(vocabulary, rng.randint(1, 12))) for _ in range(500)]
    result = grouping.suggest(texts)
    _partition(result, 500)
    assert 2 <= len(result.groups) <= 100


# -- the board operations ----------------------------------------------------------------------
def _board(ctx: Context) -> tuple[int, int, dict[str, int]]:
    wid = create_workshop(ctx, format_key="3h", title="Regroupement").workshop_id
    assert wid is not None
    pid = board.board_data(ctx, wid).phase_id
    assert pid is not None
    ids = {
        text: board.add_note(ctx, wid, text=text, phase_id=pid, x=40.0 * k, y=30.0 * k).ids[0]
        for k, text in enumerate(BIKES + CANTEEN)
    }
    return wid, pid, ids


def _clusters(ctx: Context, wid: int) -> int:
    return ctx.db.read(
        lambda s: s.scalar(
            select(func.count()).select_from(Cluster).where(Cluster.workshop_id == wid)
        )
    )


def test_suggest_writes_nothing_and_reads_only_ungrouped_visible_post_its(ctx: Context) -> None:
    wid, pid, ids = _board(ctx)
    twin = board.add_note(
        ctx, wid, text="Des vélos électriques prêtés aux agents !", phase_id=pid
    ).ids[0]
    before = ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(JournalEntry)))
    found = ops.suggest(ctx, wid)
    assert ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(JournalEntry))) == before
    assert found.considered == 9 and found.groups == () and found.alone == ()
    (dup,) = [d for d in found.duplicates if twin in d.note_ids]
    assert set(dup.note_ids) == {ids[BIKES[0]], twin} and dup.label == "×2"
    assert dup.as_group().title.startswith("×2 · Des vélos électriques")

    full = ops.suggest(ctx, wid, with_groups=True)
    grouped = {frozenset(g.note_ids) for g in full.groups}
    assert frozenset(ids[t] for t in CANTEEN) in grouped
    # post-its already in a group are not suggested again
    board.group(ctx, wid, [ids[t] for t in CANTEEN], title="Cantine")
    again = ops.suggest(ctx, wid, with_groups=True)
    assert again.considered == 5
    assert not {ids[t] for t in CANTEEN} & {i for g in again.groups for i in g.note_ids}
    # unless selected
    chosen = ops.suggest(ctx, wid, [ids[t] for t in CANTEEN], with_groups=True)
    assert chosen.considered == 4
    with pytest.raises(NotFound):
        ops.suggest(ctx, wid, [ids[BIKES[0]], 999_999])


def test_hidden_post_its_are_not_read(ctx: Context) -> None:
    wid, pid, _ = _board(ctx)
    live.start_session(ctx, wid)
    board.set_private(ctx, wid, pid, True)
    me = participants.check_in(ctx, wid, name="Awa", category="usager", key="k" * 16)
    secret, _ = notes.post_note(ctx, wid, me.participant_id, text="Vélos prêtés", key="n" * 16)
    assert any(n.hidden for n in board.board_data(ctx, wid).notes)
    found = ops.suggest(ctx, wid, with_groups=True)
    assert found.considered == 8
    seen = {i for g in found.groups for i in g.note_ids} | set(found.alone)
    assert secret.id not in seen


def test_accepting_groups_is_one_operation_undone_and_redone_at_once(ctx: Context) -> None:
    wid, _, ids = _board(ctx)
    before = {n.id: (n.x, n.y, n.cluster_id) for n in board.board_data(ctx, wid).notes}
    chosen = [
        ops.SuggestedGroup("Vélo", tuple(ids[t] for t in BIKES)),
        ops.SuggestedGroup("  Cantine, produits  ", tuple(ids[t] for t in CANTEEN)),
    ]
    change = ops.accept(ctx, wid, chosen)
    assert change.op == "board.group_suggested"
    data = board.board_data(ctx, wid)
    assert sorted(c.title for c in data.clusters) == ["Cantine, produits", "Vélo"]
    by_title = {c.title: set(c.note_ids) for c in data.clusters}
    assert by_title["Vélo"] == {ids[t] for t in BIKES}
    # laid out right of the board, side by side, not over one another
    xs = sorted(c.x for c in data.clusters)
    assert xs[0] > max(x for x, _, _ in before.values()) and xs[1] > xs[0] + 200
    assert (
        ctx.db.read(
            lambda s: s.scalar(
                select(JournalEntry.label).order_by(JournalEntry.seq.desc()).limit(1)
            )
        )
        == "2 groupes suggérés"
    )

    undo(ctx, wid)
    assert _clusters(ctx, wid) == 0
    after = {n.id: (n.x, n.y, n.cluster_id) for n in board.board_data(ctx, wid).notes}
    assert after == before
    redo(ctx, wid)
    assert sorted(c.title for c in board.board_data(ctx, wid).clusters) == [
        "Cantine, produits",
        "Vélo",
    ]


def test_accepting_one_group_or_a_duplicate_set(ctx: Context) -> None:
    wid, pid, ids = _board(ctx)
    twin = board.add_note(
        ctx, wid, text="des velos electriques pretes aux agents", phase_id=pid
    ).ids[0]
    (dup,) = [d for d in ops.suggest(ctx, wid).duplicates if twin in d.note_ids]
    ops.accept(ctx, wid, [dup.as_group()])
    (cluster,) = board.board_data(ctx, wid).clusters
    assert cluster.title.startswith("×2 · ") and set(cluster.note_ids) == {ids[BIKES[0]], twin}
    # a post-it taken from a group leaves it, and a group left empty goes (undone at once)
    ops.accept(ctx, wid, [ops.SuggestedGroup("", (ids[BIKES[0]], twin, ids[BIKES[1]]))])
    (cluster,) = board.board_data(ctx, wid).clusters
    assert cluster.title == "Groupe sans titre" and len(cluster.note_ids) == 3
    undo(ctx, wid)
    assert [c.title[:4] for c in board.board_data(ctx, wid).clusters] == ["×2 · "[:4]]


def test_accept_refuses_what_cannot_be_a_group(ctx: Context) -> None:
    wid, _, ids = _board(ctx)
    a, b, c = ids[BIKES[0]], ids[BIKES[1]], ids[CANTEEN[0]]
    with pytest.raises(InvalidInput):
        ops.accept(ctx, wid, [])
    with pytest.raises(InvalidInput):
        ops.accept(ctx, wid, [ops.SuggestedGroup("Seul", (a,))])
    with pytest.raises(InvalidInput):
        ops.accept(ctx, wid, [ops.SuggestedGroup("Un", (a, b)), ops.SuggestedGroup("Deux", (b, c))])
    with pytest.raises(NotFound):
        ops.accept(ctx, wid, [ops.SuggestedGroup("Parti", (a, 999_999))])
    with pytest.raises(InvalidInput):
        ops.accept(ctx, wid, [ops.SuggestedGroup("x" * 500, (a, b))])
    assert _clusters(ctx, wid) == 0
