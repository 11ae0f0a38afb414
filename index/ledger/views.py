"""The ledger's read-only views of claims, speakers, organisations and outlets.

Mixed into `index.ledger.Ledger`: each method reads through `claims` or `articles` on the
ledger's connection (and `relink_speakers`, the one write here, in one transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from index.ledger import articles as article_table
from index.ledger import claims as claim_table
from index.ledger.clusters import ClusterTable
from index.records import Claim, RoleHolder, Speaker


class ClaimViews:
    """Claims and speakers as the bot reads them (the ledger's connection is `db`)."""

    db: sqlite3.Connection

    def claim_sentence_ids(self, filters: claim_table.ClaimFilters) -> list[str]:
        """Ids of the sentences holding claims that match `filters`."""
        return claim_table.sentence_ids(self.db, filters)

    def has_unlinked_claims(self) -> bool:
        """Whether a claim with a speaker still lacks its identity (an interrupted ingest)."""
        return claim_table.has_unlinked(self.db)

    def relink_speakers(self, merge: claim_table.Merge) -> int:
        """Recompute speaker identities across articles after claims changed, and make the
        clusters of the claims whose identity moved them to other company pending again
        (`index.ledger.claims.regrouped`), in one transaction.

        Args:
            merge: Maps every use of a speaker name (name, role and article) to its entity.

        Returns:
            How many claims moved.
        """
        with self.db:
            moved = claim_table.relink(self.db, merge)
            ClusterTable(self.db).unsettle(moved)
        return len(moved)

    def claims(
        self, filters: claim_table.ClaimFilters, sentence_ids: Sequence[str] | None = None
    ) -> list[Claim]:
        """Claims matching `filters` (and, if given, holding one of `sentence_ids`)."""
        return claim_table.select(self.db, filters, sentence_ids)

    def speakers(self) -> list[Speaker]:
        """Every speaker identity, most claims first."""
        return claim_table.speakers(self.db)

    def organisations(self) -> list[str]:
        """Names of organisations that speak or employ speakers."""
        return claim_table.organisations(self.db)

    def outlets(self) -> list[str]:
        """Distinct outlets of stored articles."""
        return article_table.outlets(self.db)

    def claim_counts(self) -> dict[str, int]:
        """Number of claims of each speaker identity."""
        return claim_table.claim_counts(self.db)

    def org_counts(self) -> dict[str, int]:
        """Number of claims by members of each organisation."""
        return claim_table.org_counts(self.db)

    def role_holders(self) -> list[RoleHolder]:
        """Who spoke under which role, with the first and last date of those claims."""
        return claim_table.role_holders(self.db)

    def overview(self) -> tuple[int, str | None, str | None]:
        """The number of stored articles and their first and last date."""
        return article_table.overview(self.db)

    def undated_articles(self, article: str | None = None, outlet: str | None = None
                         ) -> list[str]:
        """Ids of undated articles matching `article` and `outlet` (a date filter drops them)."""
        return article_table.undated_ids(self.db, article, outlet)

    def speaker_names(self) -> list[tuple[str, str]]:
        """(name as resolved in an article, identity) pairs."""
        return claim_table.identity_names(self.db)
