"""A post-it over 280 characters from a phone is refused saying it is too long, in French.

The answer keeps the shape and code of every invalid input (422 `saisie_invalide`); only the
message is specific, so the phone can show it under the text it keeps. Other invalid input,
and long fields elsewhere, keep the general message.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.ops.notes import MAX_NOTE
from app.store.models import Note

GENERAL = "Données envoyées incomplètes ou invalides."


def test_a_post_it_over_the_limit_is_told_too_long(serve, join) -> None:
    ctx, wid, client = serve()
    joined = join(client, ctx, wid)
    me = {"Authorization": f"Bearer {joined.json()['token']}"}

    for text, length in (("a" * (MAX_NOTE + 1), MAX_NOTE + 1), ("🌳" * 400, 400),
                         ("Ombre " * 1000, 6000)):  # fmt: skip
        answer = client.post("/api/notes", json={"text": text, "key": "long-note-01"}, headers=me)
        assert answer.status_code == 422
        assert answer.json() == {
            "code": "saisie_invalide",
            "message": f"Post-it trop long : {MAX_NOTE} caractères au plus ({length} saisis). "
            "Raccourcissez-le, puis envoyez-le à nouveau.",
        }
    assert ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Note))) == 0

    exact = client.post(
        "/api/notes", json={"text": "é" * MAX_NOTE, "key": "long-note-01"}, headers=me
    )
    assert exact.status_code == 201, exact.text  # 280 is allowed; the refused key was not used


def test_other_invalid_input_keeps_the_general_message(serve, join) -> None:
    ctx, wid, client = serve()
    joined = join(client, ctx, wid)
    me = {"Authorization": f"Bearer {joined.json()['token']}"}
    for body in (
        {"text": "Une idée"},  # no key
        {"text": "", "key": "empty-note-01"},  # too short, not too long
        {"text": "Une idée", "key": "k" * 65},  # the key too long, not the post-it
        {"text": 281, "key": "typed-note-01"},  # not a string
    ):
        answer = client.post("/api/notes", json=body, headers=me)
        assert answer.status_code == 422
        assert answer.json() == {"code": "saisie_invalide", "message": GENERAL}, body
    # a name too long now says which field and its limit (tests/server/test_check_in.py)
    long_name = join(client, ctx, wid, name="N" * 500, key="join-long-name-01")
    assert long_name.status_code == 422
    assert long_name.json()["code"] == "saisie_invalide"
    assert "80 caractères au plus" in long_name.json()["message"]
