"""The ledger: SQLite, the source of truth for articles, sentences, claims and speakers.

`Ledger` owns the connection; `schema` defines the tables, `articles`, `claims`, `fulltext`
(FTS5/BM25 and the term look-ups of ranking), `embeddings` (the vector cache, by model
fingerprint) and `home` (the home's id, its vectors' recipe, what is indexed) run their queries
on it. This is the
only package that imports sqlite3. It may import `index.records` and `index.errors`; how
speaker names merge across articles is passed in (`Ledger.relink_speakers`), so it imports
no attribution, vectors or search.
"""

from index.ledger.claims import ClaimFilters, Merge
from index.ledger.ledger import Ledger, text_hash

__all__ = ["ClaimFilters", "Ledger", "Merge", "text_hash"]
