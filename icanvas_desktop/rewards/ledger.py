"""The star ledger: every award ever given, one row each, in the profile's database.

The total is always the sum of the rows (nothing cached to drift), and the UNIQUE (reason, key)
constraint means no award can be given twice, even by two app instances racing.

With a StarJournal, every award is also kept in a file of its own (star_journal.py), so that stars never
drop when the database is emptied or damaged: opening the ledger puts back every award the journal
holds and the database lacks, and copies into the journal every award it lacks.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.rewards.rules import Award, AwardReason, Challenge
from icanvas_desktop.rewards.star_journal import Row, StarJournal

log = logging.getLogger(__name__)
_ROWS = "SELECT reason, key, amount, creation_id, awarded_at FROM awards ORDER BY id"


@dataclass(frozen=True)
class LedgerEntry:
    reason: AwardReason
    key: str
    amount: int
    creation_id: str | None
    awarded_at: datetime  # UTC


class StarLedger:
    def __init__(self, database: ProfileDatabase, journal: StarJournal | None = None):
        self._db = database
        self.journal = journal
        self.restored = 0  # awards this opening put back from the journal (the database had lost them)
        if journal is not None:
            self._reconcile(journal)

    def _reconcile(self, journal: StarJournal) -> None:
        kept = journal.read()
        with self._db.write() as conn:
            for row in kept:
                self.restored += conn.execute(
                    "INSERT OR IGNORE INTO awards (reason, key, amount, creation_id, awarded_at)"
                    " VALUES (?, ?, ?, ?, ?)", row).rowcount
            rows = conn.execute(_ROWS).fetchall()
        in_journal = {(r[0], r[1]) for r in kept}
        missing = [tuple(r) for r in rows if (r[0], r[1]) not in in_journal]
        try:
            journal.append(missing)
        except OSError as e:  # the database still has them; the next opening tries again
            log.warning("could not copy %d award(s) into %s: %s", len(missing), journal.path, e)
        if self.restored:
            log.warning("put back %d award(s) the database had lost from %s", self.restored, journal.path)

    def keep(self, awards: Iterable[Award], creation_id: str | None, awarded_at: datetime) -> None:
        """Copy awards just committed by `record` into the journal (after the commit: a save rolled back
        must leave no star behind). Raises OSError when the copy could not be made durable; the database
        has the awards, and the next opening copies them."""
        if self.journal is not None:
            stamp = awarded_at.astimezone(UTC).isoformat()
            rows: list[Row] = [(str(a.reason), a.key, a.amount, creation_id, stamp) for a in awards]
            self.journal.append(rows)

    def __contains__(self, reason_and_key: object) -> bool:
        """Whether ("reason", "key") was awarded: the ledger serves as `rules.evaluate`'s memory."""
        reason, key = reason_and_key  # type: ignore[misc]
        with self._db.read() as conn:
            row = conn.execute("SELECT 1 FROM awards WHERE reason = ? AND key = ?", (str(reason), key))
            return row.fetchone() is not None

    def record(
        self, awards: Iterable[Award], creation_id: str | None, awarded_at: datetime
    ) -> tuple[Award, ...]:
        """Store `awards` in one transaction (joining the caller's); returns those that were new.

        An award whose (reason, key) is already there is skipped, not added twice. Call `keep` with what it
        returns once the transaction is committed.
        """
        stamp = awarded_at.astimezone(UTC).isoformat()
        recorded = []
        with self._db.write() as conn:
            for a in awards:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO awards (reason, key, amount, creation_id, awarded_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (str(a.reason), a.key, a.amount, creation_id, stamp),
                )
                if cursor.rowcount == 1:
                    recorded.append(a)
        return tuple(recorded)

    def total(self) -> int:
        with self._db.read() as conn:
            return conn.execute("SELECT COALESCE(SUM(amount), 0) FROM awards").fetchone()[0]

    def history(self) -> list[LedgerEntry]:
        """Every award, newest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT reason, key, amount, creation_id, awarded_at FROM awards "
                "ORDER BY awarded_at DESC, id DESC"
            ).fetchall()
        return [LedgerEntry(AwardReason(r), k, a, c, datetime.fromisoformat(t)) for r, k, a, c, t in rows]

    def completed_challenges(self) -> frozenset[Challenge]:
        with self._db.read() as conn:
            rows = conn.execute("SELECT key FROM awards WHERE reason = ?", (str(AwardReason.CHALLENGE),))
            return frozenset(Challenge.from_key(key) for (key,) in rows)
