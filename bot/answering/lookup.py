"""Answers from the search: what `ClaimBot.ask` does once a question is read and not declined.

A speaker question without a topic lists the speaker's claims; one with a topic cites only the
claims on it (or says there are none and shows the nearest, marked); any other question is
searched whole. `noted` adds the speaker chosen when others were close and the number of
undated articles a date filter left out.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answering.answers import Answer, Within, compose
from bot.asking.questions import Question
from index import Filters
from index.ledger import ClaimFilters, Ledger
from index.search import HybridSearch

# How much closer than `min_relevance` a speaker's claim must be when its paragraph holds no
# word of the topic asked.
UNSUPPORTED_MARGIN = 0.1
# The margin guards against chance: among many claims of a speaker one lands close to any
# topic. A speaker with fewer claims than this has little room for chance, and a claim on
# the topic in other words ("pleased with the court's decision" for "the judge's ruling")
# needs only `min_relevance`.
FEW_CLAIMS = 5
# How many of a speaker's claims are weighed for a topic: a continuation of a cited claim
# may rank low, its paragraph lacking the topic's words.
SPEAKER_HITS = 20
# Relevance inside one speaker's claims, or among the speakers of a "who" question: relative
# to the closest claim, with a lower floor for claims whose paragraph holds the topic's words
# (chosen on bench/questions.py: 0.15 and 0.2 cost more recall than they gained precision).
WITHIN = Within(spread=0.3, floor=0.25, support=0.5, follow=True)
# A "who" question searches everyone: no lower floor there, only the spread.
WHO = Within(spread=0.1, floor=1.0, support=1.0)


def searched(engine: HybridSearch, question: str, parsed: Question, k: int,
             relevance: float) -> Answer:
    """The answer to a question as `parse` read it, from the search (see `ClaimBot.ask`).

    A speaker's claims are listed when no topic is asked; with a topic, only those on it, or
    the nearest one marked as off the topic; any other question is searched whole.
    """
    filters = parsed.filters
    who = parsed.speaker or parsed.subject
    if filters.on_claims() and not parsed.topic:
        return compose(question, engine.claim_hits(filters, k), relevance, limit=k,
                       empty=f"The articles hold no statements by {who}.")
    if parsed.speaker and parsed.topic:
        # Relevance is that of the topic asked of no one: with the speaker's name in the
        # query, every claim naming them would pass for relevant. A claim whose paragraph
        # has no word of the topic must be clearly closer (on 43 labelled speaker-topic
        # pairs of PolNeAR and the test articles this margin separated all of them).
        hits = engine.search(f"What was said about {parsed.topic}?", max(k, SPEAKER_HITS), filters,
                             keywords=parsed.topic)
        return compose(
            question, hits, relevance, limit=k, unsupported=unsupported_margin(len(hits)),
            within=WITHIN,
            empty=f"{who}'s statements in these articles do not cover {parsed.topic}.",
            nearest=f"The nearest of {who}'s statements, which is not about "
                    f"{parsed.topic} (shown for reference only):")
    # The whole question embeds better than a bare topic ("arms sales"); the topic
    # alone is the better lexical query.
    hits = engine.search(question, max(k, 10), filters, keywords=parsed.topic)
    return compose(question, hits, relevance, limit=k, who=parsed.who,
                   within=WHO if parsed.who else None)


def unsupported_margin(claims: int) -> float | None:
    """How much closer than `min_relevance` a claim with no word of the topic must be,
    among `claims` claims of one speaker (the search returns them all when they are
    fewer than it asks for); None for no margin."""
    return UNSUPPORTED_MARGIN if claims >= FEW_CLAIMS else None


def noted(answer: Answer, parsed: Question, ledger: Ledger) -> Answer:
    """`answer` with the speaker it chose when others were close, and the number of
    undated articles its date filter left out."""
    lines = [answer.text]
    if parsed.others and not answer.declined:
        lines.insert(0, f"Taking “{parsed.subject}” to mean {parsed.speaker}. Did you mean "
                        f"{' or '.join(parsed.others)}?")
    undated = undated_count(ledger, parsed.filters)
    if undated:
        lines.append(f"({undated} undated article{'s' if undated > 1 else ''} left out by "
                     "the date filter.)")
    return replace(answer, text="\n".join(lines), undated=undated,
                   did_you_mean=answer.did_you_mean or parsed.others)


def undated_count(ledger: Ledger, filters: Filters) -> int:
    """Undated articles that a date filter leaves out and the other filters would keep."""
    if filters.since is None and filters.until is None:
        return 0
    ids = ledger.undated_articles(filters.article, filters.outlet)
    if not ids or not filters.on_claims():
        return len(ids)
    claims = ledger.claims(ClaimFilters(tuple(ids), filters.speaker, filters.country,
                                        filters.org))
    return len({c.article for c in claims})
