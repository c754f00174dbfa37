from datetime import UTC, datetime

import pytest

from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.rewards.ledger import StarLedger
from icanvas_desktop.rewards.rules import Award, AwardReason, Challenge

WHEN = datetime(2026, 5, 9, 10, 30, tzinfo=UTC)


@pytest.fixture
def ledger(tmp_path):
    db = ProfileDatabase(tmp_path / "gallery.db")
    yield StarLedger(db)
    db.close()


def test_recorded_awards_add_up_and_none_is_given_twice(ledger):
    first = (Award(AwardReason.CREATION, "f1", 2), Award(AwardReason.NEW_THEME, "animals", 3))
    assert ledger.record(first, "c1", WHEN) == first
    again = (Award(AwardReason.NEW_THEME, "animals", 3), Award(AwardReason.CREATION, "f2", 2))
    assert ledger.record(again, "c2", WHEN) == (again[1],)
    assert ledger.total() == 7
    history = ledger.history()
    assert ledger.total() == sum(entry.amount for entry in history)
    assert {(e.reason, e.key, e.creation_id) for e in history} == {
        (AwardReason.CREATION, "f1", "c1"), (AwardReason.NEW_THEME, "animals", "c1"),
        (AwardReason.CREATION, "f2", "c2"),
    }
    assert all(e.awarded_at == WHEN for e in history)
    assert (AwardReason.NEW_THEME, "animals") in ledger and ("new_theme", "space") not in ledger


def test_the_database_refuses_a_second_award_for_the_same_reason_and_key(ledger):
    ledger.record([Award(AwardReason.DAILY_FIRST, "2026-05-09", 1)], None, WHEN)
    with ledger._db.write() as conn, pytest.raises(Exception, match="UNIQUE"):
        conn.execute(
            "INSERT INTO awards (reason, key, amount, creation_id, awarded_at) "
            "VALUES ('daily_first', '2026-05-09', 1, NULL, 'x')"
        )
    assert ledger.total() == 1


def test_total_is_recomputed_from_the_rows_by_any_reader(tmp_path, ledger):
    ledger.record([Award(AwardReason.CREATION, f"f{i}", 2) for i in range(5)], None, WHEN)
    other = ProfileDatabase(tmp_path / "gallery.db")
    assert StarLedger(other).total() == 10
    with other.read() as conn:
        assert conn.execute("SELECT SUM(amount) FROM awards").fetchone()[0] == 10
    other.close()


def test_completed_challenges(ledger):
    assert ledger.completed_challenges() == frozenset()
    ledger.record([Award(AwardReason.CHALLENGE, Challenge("animals", "cat").key, 5)], "c1", WHEN)
    assert ledger.completed_challenges() == {Challenge("animals", "cat")}
