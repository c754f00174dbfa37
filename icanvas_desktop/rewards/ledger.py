"""The star ledger: every award ever given, one row each, in the profile's database.

The total is always the sum of the rows (nothing cached to drift), and the UNIQUE (reason, key)
constraint means no award can be given twice, even by two app instances racing.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.rewards.rules import Award, AwardReason, Challenge


@dataclass(frozen=True)
class LedgerEntry:
    reason: AwardReason
    key: str
    amount: int
    creation_id: str | None
    awarded_at: datetime  # UTC


class StarLedger:
    def __init__(self, database: ProfileDatabase):
        self._db = database

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

        An award whose (reason, key) is already there is skipped, not added twice.
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
