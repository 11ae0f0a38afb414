"""Claim extraction: who said what, in each sentence of an article (spaCy only, no LLM).

Only sentences with a cue word outside quotation marks are parsed (the rest are scanned for names
only), which keeps spaCy's parser, by far the slowest step, off about half of a news article. Each
parsed sentence yields at most one attribution (`index.attribution.sentences.sentence`); the
article is then walked in order (`index.attribution.articles.walk`) to resolve speakers and
carry them through quotations.
Many articles are parsed in batches, optionally in forked worker processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Sequence

from index.attribution.articles.confidence import Evidence, tagger_evidence
from index.attribution.articles.second import Mode, second_opinion
from index.attribution.articles.titles import settle_headline
from index.attribution.articles.walk import ArticleWalk
from index.attribution.language import Language, load_nlp, load_tagger, parsing
from index.records import Claim, Sentence

_Article = tuple[str, Sequence[Sentence]]
# An article's claims and the evidence of each, by sentence id.
Extracted = tuple[list[Claim], dict[str, Evidence]]


def _extract(articles: list[_Article], nlp: Language, batch_size: int,
             keep_unresolved: bool) -> list[Extracted]:
    """Sequential extraction; each article is walked as soon as its sentences are parsed."""
    walks = [ArticleWalk(text, sents, keep_unresolved) for text, sents in articles]
    jobs = [(a, i) for a, walk in enumerate(walks) for i in walk.worth_parsing()]
    texts = (walks[a].parse_text(i) for a, i in jobs)
    results: list[Extracted] = []

    def walk_until(article: int) -> None:
        """Walk every article before `article`: their parses are all in."""
        while len(results) < article:
            walk = walks[len(results)]
            results.append((walk.run(), walk.evidence))
            walk.docs.clear()  # parsed sentences are the bulk of the memory

    with parsing(nlp):
        for (a, i), doc in zip(jobs, nlp.pipe(texts, batch_size=batch_size), strict=True):
            walk_until(a)
            walks[a].add_parse(i, doc)
    walk_until(len(articles))
    return results


# The pipeline a forked worker inherits from its parent (set just before forking).
_WORKER_NLP: Language | None = None


def _work(args: tuple[list[_Article], int, bool]) -> list[Extracted]:
    assert _WORKER_NLP is not None
    return _extract(args[0], _WORKER_NLP, args[1], args[2])


def _chunks(articles: list[_Article], n: int) -> list[list[_Article]]:
    """Contiguous chunks of about equal sentence counts."""
    total = sum(len(s) for _, s in articles) or 1
    chunks: list[list[_Article]] = [[] for _ in range(n)]
    seen = 0
    for article in articles:
        chunks[min(n - 1, seen * n // total)].append(article)
        seen += len(article[1])
    return [c for c in chunks if c]


def extract_claims_many(
    articles: Iterable[_Article],
    nlp: Language | None = None,
    *,
    batch_size: int = 128,
    n_process: int = 1,
    keep_unresolved: bool = False,
    tagger: str | None = None,
    second: Mode = "off",
) -> list[list[Claim]]:
    """Extract the claims of many articles, parsing their sentences in batches.

    Args:
        articles: ``(text, sentences)`` per article, as for `extract_claims`.
        nlp: A spaCy pipeline with a tagger and parser; `load_nlp()` when None.
        batch_size: Sentences per `nlp.pipe` batch.
        n_process: Worker processes, each extracting a share of the articles; they are
            forked (Linux), so only use more than 1 in a process without threads of its own.
        keep_unresolved: Also return claims whose speaker resolves to no one ("officials
            said", an unresolvable "he"), with speaker None.
        tagger: Folder of the trained span tagger, asked for a second opinion on the
            sentences the rules leave without a claim when `second` is not "off".
        second: "off" (rules only, the default), "named" or "carry"
            (`index.attribution.articles.second`).

    Returns:
        One list of claims per article, in the input order.
    """
    found = extract_evidenced_many(articles, nlp, batch_size=batch_size, n_process=n_process,
                                   keep_unresolved=keep_unresolved, tagger=tagger,
                                   second=second)
    return [claims for claims, _ in found]


def extract_evidenced_many(
    articles: Iterable[_Article],
    nlp: Language | None = None,
    *,
    batch_size: int = 128,
    n_process: int = 1,
    keep_unresolved: bool = False,
    tagger: str | None = None,
    second: Mode = "off",
) -> list[Extracted]:
    """`extract_claims_many`, with the evidence each claim's confidence was computed from
    (`index.attribution.articles.confidence`; ``bench/confidence_fit.py`` fits on it).

    Args:
        articles: As for `extract_claims_many`.
        nlp: As for `extract_claims_many`.
        batch_size: As for `extract_claims_many`.
        n_process: As for `extract_claims_many`.
        keep_unresolved: As for `extract_claims_many`.
        tagger: As for `extract_claims_many`.
        second: As for `extract_claims_many`.

    Returns:
        ``(claims, evidence by sentence id)`` per article, in the input order.
    """
    articles = list(articles)
    found = _extract_rules(articles, nlp, batch_size, n_process, keep_unresolved)
    if second != "off" and tagger is not None:
        opinion = second_opinion(articles, [c for c, _ in found], load_tagger(str(tagger)),
                                 second, parser=nlp if nlp is not None else load_nlp())
        found = [(claims, {c.sentence_id: evidence.get(c.sentence_id) or tagger_evidence(c)
                           for c in claims})
                 for claims, (_, evidence) in zip(opinion, found, strict=True)]
    return [settle_headline(text, sentences, claims, evidence)
            for (text, sentences), (claims, evidence) in zip(articles, found, strict=True)]


def _extract_rules(articles: list[_Article], nlp: Language | None, batch_size: int,
                   n_process: int, keep_unresolved: bool) -> list[Extracted]:
    """The rule engine's claims, in worker processes if asked."""
    global _WORKER_NLP
    nlp = nlp if nlp is not None else load_nlp()
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if n_process <= 1 or len(articles) < 2 or not can_fork:
        return _extract(articles, nlp, batch_size, keep_unresolved)
    chunks = _chunks(articles, n_process)
    _WORKER_NLP = nlp
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            parts = pool.map(_work, [(c, batch_size, keep_unresolved) for c in chunks])
    finally:
        _WORKER_NLP = None
    return [extracted for part in parts for extracted in part]


def extract_claims(
    text: str,
    sentences: Sequence[Sentence],
    nlp: Language | None = None,
    *,
    keep_unresolved: bool = False,
) -> list[Claim]:
    """Extract the attributed claims of one article, at most one per sentence.

    Args:
        text: The article's original text; sentence offsets index into it.
        sentences: The article's sentences in order.
        nlp: A spaCy pipeline with a tagger and parser; `load_nlp()` when None.
        keep_unresolved: Also return claims whose speaker names no one that can be found
            ("officials said"), with speaker None; by default they are left out, since a
            claim is tracked by its speaker.

    Returns:
        Claims in sentence order. Sentences in the reporter's own voice yield none.
    """
    return extract_claims_many([(text, sentences)], nlp, keep_unresolved=keep_unresolved)[0]
