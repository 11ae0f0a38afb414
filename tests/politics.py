"""Small dated articles from several outlets, written for the question tests: two Clintons,
a Trump, a Paul Ryan who never speaks of rigging, two Wangs, an undated article, a line of
punctuation only, and an undated British article of roles."""

from __future__ import annotations

ARTICLES = {
    "clinton-taxes.md": (
        "---\ntitle: Clinton outlines tax plan\ndate: 2016-10-12\noutlet: nyt\n---\n"
        "Hillary Clinton said on Tuesday that she would raise taxes on the wealthiest "
        "Americans.\n"
        "“We are going to make the rich pay their fair share,” Clinton said at a rally in "
        "Ohio.\n"
        "Clinton added that middle-class families would get a tax cut next year.\n"
        "Former President Bill Clinton said the campaign was confident about Florida.\n"
    ),
    "trump-trade.md": (
        "---\ntitle: Trump attacks trade deals\ndate: 2016-10-25\noutlet: breitbart\n---\n"
        "Donald Trump said on Monday that bad trade deals had destroyed American jobs.\n"
        "“We will bring back the factories,” Trump said in Pennsylvania.\n"
        "___.\n"
        "Trump also said that the election was rigged against him by the media.\n"
    ),
    "ryan-budget.md": (
        "---\ntitle: Ryan talks about the budget\ndate: 2016-10-20\noutlet: politico\n---\n"
        "House Speaker Paul Ryan said the budget deal would protect funding for the military.\n"
        "“We need to cut wasteful spending,” Ryan said on Thursday.\n"
        "Ryan told reporters that he would keep campaigning for House candidates in Wisconsin.\n"
    ),
    "trump-syria.md": (
        "---\ntitle: Trump on Syria\ndate: 2016-10-05\noutlet: nyt\n---\n"
        "Donald Trump said the United States should stay out of the civil war in Syria.\n"
        "Trump said that Russian jets were bombing rebels in Aleppo every day.\n"
        "Hillary Clinton said a no-fly zone over Syria would save many lives.\n"
    ),
    "trump-undated.md": (
        "---\ntitle: Business taxes\noutlet: breitbart\n---\n"
        "Donald Trump said taxes on businesses were far too high.\n"
        "Trump said he would cut the corporate tax rate to fifteen percent.\n"
    ),
    "wang-visit.md": (
        "---\ntitle: Foreign ministers meet\ndate: 2016-10-28\noutlet: wash-post\n---\n"
        "Chinese Foreign Minister Wang Yi said the talks with Russia had been productive.\n"
        "Wang Yi added that trade between the two countries would grow.\n"
        "Foreign Ministry spokesperson Wang Wenbin said the visit would deepen cooperation.\n"
        "Wang Wenbin added that both sides opposed sanctions.\n"
    ),
    "trump-rally.md": (
        "---\ntitle: Rally\ndate: 2016-10-26\noutlet: nyt\n---\n"
        "Supporters of candidate Trump said the rally was huge.\n"
        "Candidate Trump said the polls were wrong.\n"
    ),
    "uk-budget.txt": (
        "Brown defends his budget\n\n"
        "Chancellor Gordon Brown said the budget would help families with young children.\n"
        "The chancellor added that borrowing would fall next year.\n"
        "Prime Minister Tony Blair said the economy was strong.\n"
        "Tory leader Michael Howard said taxes had risen under Labour.\n"
        "French President Jacques Chirac said the talks would cover Iraq.\n"
        "The Foreign Office said British citizens should avoid travel to the region.\n"
    ),
}
