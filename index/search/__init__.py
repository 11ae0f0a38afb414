"""Search: hybrid retrieval over the ledger and the vector index, and its LangChain face.

`hybrid` gathers candidates (nearest vectors and BM25 matches), applies filters and builds
hits; `ranking` scores them (dense similarity plus query-term coverage in the sentence, its
window and its paragraph); `retriever` is a LangChain `BaseRetriever` over a `Corpus`. It
may import the ledger, vectors and `index.text` (queries are searched in NFC, the form of
stored text), never attribution or reading.
"""

from index.search.hybrid import Filters, HybridSearch

__all__ = ["Filters", "HybridSearch"]
