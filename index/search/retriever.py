"""A LangChain retriever over claimtrack's hybrid search, so it drops into any chain."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from index.corpus import Corpus
from index.search.hybrid import Filters


class SentenceRetriever(BaseRetriever):
    """Returns cited sentences as `Document`s.

    Each document's ``page_content`` is the sentence; its metadata holds ``article``, ``path``,
    ``title``, ``date``, ``outlet``, ``line``, ``start``, ``end``, ``score`` and the speaker fields.

    Example:
        >>> retriever = SentenceRetriever(corpus=Corpus(Settings()), k=5)
        >>> retriever.invoke("What did China say about arms sales?")
    """

    corpus: Any  # a Corpus; Any because pydantic cannot validate arbitrary classes
    k: int = 10
    filters: Filters = Filters()

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        corpus: Corpus = self.corpus
        documents = []
        for hit in corpus.search(query, self.k, self.filters):
            meta = {k: v for k, v in asdict(hit).items() if k != "text" and v is not None}
            documents.append(Document(page_content=hit.text, metadata=meta, id=hit.sentence_id))
        return documents
