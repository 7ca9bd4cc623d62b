"""Deterministic template-generated stories for big demo sites (crawl benchmarks).

Produces story dicts in the same schema as stories.STORIES, so generated pages share every template
with the hand-written ones. Prose is assembled from finance sentence templates with varied entities
and numbers; a fixed seed makes build_site(n_articles=N) identical on every run.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

from newsagg.demo.model import slugify
from newsagg.demo.stories import DISCLAIMER_EN

SEED = 20251018
NEWEST = datetime(2025, 10, 18, 22, 0, tzinfo=UTC)
STYLES = ("jsonld", "og", "visible")
OFFSETS = {"jsonld": -4, "og": 1, "visible": -4}  # hours; "visible" prints AP-style "ET" times

COMPANIES = [
    "Northwind Energy", "Calder Semiconductor", "Bluegate Bancorp", "Meridian Pharma", "Atlas Freight",
    "Kestrel Motors", "Solano Foods", "Vantage Cloud", "Harrow Insurance", "Pinecrest Retail",
    "Orion Aerospace", "Tidewater Mining", "Lumen Telecom", "Granite Homes", "Redwood Media",
    "Silverline Airlines", "Corvus Robotics", "Halcyon Hotels", "Ironbridge Steel", "Juniper Biotech",
]
REGIONS = ["the euro area", "Japan", "Brazil", "India", "Britain", "Canada", "Australia", "South Korea",
           "Mexico", "Vietnam", "Germany", "France", "Indonesia", "Poland"]
INDICATORS = ["retail sales", "industrial output", "consumer confidence", "housing starts", "services activity",
              "wage growth", "export growth", "business investment", "factory orders"]
COIN_PRICES = {"Bitcoin": 110_000, "Ether": 4_000, "Solana": 200, "XRP": 2.8, "Cardano": 0.8, "Avalanche": 30,
               "Polkadot": 4.5, "Chainlink": 20}
AUTHORS = ["Sarah Whitfield", "Daniel Okafor", "Mei Lin", "Priya Raman", "Tom Brennan", "Alex Moreno",
           "Jonas Becker", "Hannah Price", "Marcus Feld", "Lucia Ferreira", "Owen Gallagher", "Ama Mensah"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SECTION_TAGS = {"markets": ["stocks", "earnings"], "economy": ["macro", "central-banks"],
                "crypto": ["digital-assets", "bitcoin"]}


def _pct(rng: random.Random, low: float = 0.4, high: float = 9.5) -> str:
    return f"{rng.uniform(low, high):.1f}"


def _markets_story(rng: random.Random) -> dict:
    company = rng.choice(COMPANIES)
    up = rng.random() < 0.55
    event = rng.choice(["quarterly results", "a guidance raise" if up else "a guidance cut",
                        "a takeover approach", "an analyst " + ("upgrade" if up else "downgrade"),
                        f"a ${rng.randint(2, 40)} billion buyback", "a chief executive change"])
    move = _pct(rng)
    title = f"{company} shares {'jump' if up else 'slide'} {move}% after {event}"
    lead = (f"Shares of {company} {'rose' if up else 'fell'} {move}% on the day after {event}, "
            f"{'adding' if up else 'wiping'} about ${rng.randint(1, 30)}.{rng.randint(0, 9)} billion "
            f"{'to' if up else 'off'} its market value in heavy trading.")
    return {"title": title, "entity": company, "lead": lead, "tags": [slugify(company)],
            "summary": f"Investors reacted to {event} at {company}, one of the most traded names of the session."}


def _economy_story(rng: random.Random) -> dict:
    region, indicator, month = rng.choice(REGIONS), rng.choice(INDICATORS), rng.choice(MONTHS)
    up = rng.random() < 0.5
    change = _pct(rng, 0.1, 4.5)
    title = f"{region[0].upper() + region[1:]} {indicator} {'rises' if up else 'falls'} {change}% in {month}"
    lead = (f"{indicator[0].upper() + indicator[1:]} in {region} {'rose' if up else 'fell'} {change}% in {month} "
            f"from the previous month, official data showed, {'beating' if up else 'missing'} the "
            f"{_pct(rng, 0.1, 2.0)}% consensus forecast of economists.")
    return {"title": title, "entity": region, "lead": lead, "tags": [slugify(region.replace("the ", ""))],
            "summary": f"The {month} figures add to evidence that the {region} economy is "
                       f"{'regaining momentum' if up else 'losing steam'}."}


def _crypto_story(rng: random.Random) -> dict:
    coin = rng.choice(list(COIN_PRICES))
    up = rng.random() < 0.5
    reason = rng.choice(["exchange outflows accelerate", "a large fund discloses a stake",
                         "regulators approve new derivatives", "network fees hit a yearly low",
                         "leveraged positions are liquidated", "ETF flows turn " + ("positive" if up else "negative")])
    move = _pct(rng, 1, 14)
    title = f"{coin} {'jumps' if up else 'drops'} {move}% as {reason}"
    price = f"{COIN_PRICES[coin] * rng.uniform(0.8, 1.2):,.2f}"
    lead = (f"{coin} {'climbed' if up else 'fell'} {move}% over 24 hours to about ${price} as {reason}, "
            f"according to pricing data compiled from major exchanges.")
    return {"title": title, "entity": coin, "lead": lead, "tags": [slugify(coin)],
            "summary": f"Traders said {reason} drove the latest move in {coin}."}


STORY_MAKERS = {"markets": _markets_story, "economy": _economy_story, "crypto": _crypto_story}

CONTEXT = [
    "Trading volume was roughly {n} times the 30-day average, exchange data showed.",
    "The move comes after a {adj} month in which the benchmark index gained {p}%.",
    "Analysts at {bank} said the reaction looked {adj2} given how much was already priced in.",
    "Options markets had implied a move of about {p}% in either direction ahead of the news.",
    "Investors have been rotating out of crowded positions as bond yields climbed toward {y}%.",
    "Hedge funds had increased their net exposure in recent weeks, according to prime-broker data.",
    "The dollar index was little changed, while gold rose {p}% to ${gold} an ounce.",
    "Analysts expect the figure to be revised when fuller data are published next month.",
    "Policymakers have said they will look through one-off effects when setting interest rates.",
    "Retail investors were net buyers for a {ord} straight session, according to brokerage data.",
    "Economists at {bank} lowered their growth forecast for next year to {p}% from {p2}%.",
    "Liquidity in the market remains thinner than before last year's turmoil, dealers said.",
]
BANKS = ["Lindqvist Partners", "Crown & Fairley", "Osprey Securities", "Bayard Capital", "Talbot Research",
         "Harwell Brothers", "Nordhaven Bank", "Ashcombe Markets"]
QUOTES = [
    "We are not changing our view on the back of one data point, but the direction matters.",
    "The market had positioned for a very different outcome, and that is what you are seeing today.",
    "Fundamentals have not changed much; sentiment has, and sentiment moves faster.",
    "There is a lot of cash on the sidelines waiting for a reason to come back in.",
    "This is the kind of surprise that forces people to rethink their year-end targets.",
    "Volatility is back, and it is not going away before the next central bank meeting.",
]
SUBHEADINGS = ["What analysts are saying", "Why it matters", "The bigger picture", "What to watch next",
               "Market reaction", "A closer look at the numbers", "Risks ahead"]
WATCH_ITEMS = [
    "Central bank minutes due later this week.", "Revisions to last month's figures.",
    "Guidance from peers reporting next week.", "Positioning data from futures exchanges.",
    "Comments from finance ministers at the weekend summit.", "The next consumer price report.",
]


def _context_paragraph(rng: random.Random) -> str:
    fill = {"n": rng.randint(2, 6), "adj": rng.choice(["volatile", "quiet", "strong", "choppy"]),
            "p": _pct(rng, 0.2, 6), "p2": _pct(rng, 0.2, 6), "bank": rng.choice(BANKS),
            "adj2": rng.choice(["overdone", "justified", "muted", "surprising"]), "y": _pct(rng, 3.5, 5.2),
            "gold": f"{rng.randint(2400, 4200):,}", "ord": rng.choice(["third", "fourth", "fifth", "sixth"])}
    first, second = rng.sample(CONTEXT, 2)
    return f"{first.format(**fill)} {second.format(**fill)}"


def _body(rng: random.Random, facts: dict, previous_path: str | None, with_list: bool) -> list[str]:
    headings = rng.sample(SUBHEADINGS, 2)
    body = [facts["lead"], _context_paragraph(rng), "## " + headings[0], _context_paragraph(rng),
            "> " + rng.choice(QUOTES),
            f"That was the assessment of a strategist at {rng.choice(BANKS)}, who follows {facts['entity']} closely."]
    if with_list:
        body += ["Investors will be watching several things in the coming days:"]
        body += ["- " + item for item in rng.sample(WATCH_ITEMS, 3)]
    if previous_path:
        body.append("@readmore " + previous_path)
    body += ["## " + headings[1], _context_paragraph(rng), _context_paragraph(rng)]
    return body


def _faq(facts: dict) -> list[tuple[str, str]]:
    return [(f"Why did {facts['entity']} move today?", facts["summary"]),
            ("Where can I follow live market data?",
             "Our markets pages update prices throughout the trading day, with a delay of at least 15 minutes.")]


def generate_stories(count: int) -> list[dict]:
    rng = random.Random(SEED)
    sections = list(STORY_MAKERS)
    stories: list[dict] = []
    seen_titles: set[str] = set()
    moment = NEWEST
    for index in range(count):
        section = sections[index % len(sections)]
        facts = STORY_MAKERS[section](rng)
        while facts["title"] in seen_titles:
            facts = STORY_MAKERS[section](rng)
        seen_titles.add(facts["title"])
        moment -= timedelta(minutes=rng.randint(20, 300))
        stories.append(_story(rng, index, section, facts, moment, stories[-1]["path"] if stories else None))
    return stories


def _story(rng: random.Random, index: int, section: str, facts: dict, moment: datetime,
           previous_path: str | None) -> dict:
    style = STYLES[index % len(STYLES)]
    local = moment.astimezone(timezone(timedelta(hours=OFFSETS[style])))
    modified = (local + timedelta(hours=2)).isoformat() if index % 5 == 4 else None
    authors = rng.sample(AUTHORS, 2 if index % 6 == 5 else 1)
    slug = "-".join(slugify(facts["title"]).split("-")[:9])
    faq = _faq(facts) if index % 7 == 3 else []
    return {
        "path": f"/{section}/{local:%Y/%m/%d}/{slug}-{index + 1}/",
        "section": section, "title": facts["title"], "summary": facts["summary"], "authors": authors,
        "published": local.isoformat(), "modified": modified, "lang": "en", "style": style,
        "tags": SECTION_TAGS[section] + facts["tags"],
        "image": (f"A file photo related to {facts['entity']}.", f"Photo: {rng.choice(AUTHORS)} / Harbor Street Wire"),
        "body": _body(rng, facts, previous_path, with_list=index % 2 == 0),
        "faq": faq, "faq_jsonld": bool(faq) and index % 14 == 3,
        "disclaimer": DISCLAIMER_EN if section != "economy" and index % 3 != 2 else None,
    }
