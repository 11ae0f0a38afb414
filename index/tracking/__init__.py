"""Tracking: which claims report the same statement, across articles and outlets.

`quotations` reduces a claim's quoted words to the normal form they are compared in;
`clustering` places each new claim in the cluster of the claims it repeats (the same
quotation, or the same speaker's claim in other words), kept in the ledger's cluster tables
(`index.ledger.clusters`). It may import the ledger, `index.records` and attribution's
quotation marks, never the vector index or search: the vectors it compares are passed in.
"""

from index.tracking.clustering import Clusterer

__all__ = ["Clusterer"]
