"""Frozen records passed between the stages of the index.

`articles` holds what an article is (as read, as stored, its fingerprint, its sentences),
`claims` who said what (claims, speakers, role holders), `results` what the index answers with
(search hits, clusters of repeated claims, ingest reports). Offsets (`start`, `end`) always
index into `Article.text`, the decoded original text of the source, so that
``article.text[start:end]`` is the sentence exactly as the file has it; lines are 1-based lines
of that text. It imports nothing of the project.
"""

from index.records.articles import Article, ArticleSource, Fingerprint, Metadata, Sentence, Source
from index.records.claims import Claim, ClaimForm, EntityKind, RoleHolder, Speaker
from index.records.results import Appearance, Cluster, Hit, IngestReport

__all__ = [
    "Appearance",
    "Article",
    "ArticleSource",
    "Claim",
    "ClaimForm",
    "Cluster",
    "EntityKind",
    "Fingerprint",
    "Hit",
    "IngestReport",
    "Metadata",
    "RoleHolder",
    "Sentence",
    "Source",
    "Speaker",
]
