"""Words around a name that decide whether it is the instrument. Data only, per language where it matters."""

from __future__ import annotations

import re

# A name followed by one of these is part of another name: "Allianz Arena", "Bayer Leverkusen"
# (a club: "Leverkusen" is listed under NOT_INSTRUMENTS instead), "BMW Open", "Ford Foundation".
ORGANISATION_HEADS = frozenset({
    "arena", "stadium", "stadion", "stade", "estadio", "stadio", "park", "center", "centre", "zentrum",
    "foundation", "stiftung", "fondation", "fundación", "fondazione", "stichting", "institute", "institut",
    "instituut", "university", "universität", "université", "museum", "musée", "hall", "halle", "cup",
    "pokal", "open", "masters", "championship", "championships", "trophy", "prize", "preis", "prix", "premio",
    "award", "awards", "festival", "tower", "turm", "building", "river", "fluss", "rainforest", "regenwald",
    "basin", "forest", "island", "street", "straße", "strasse", "avenue", "square", "platz", "bridge",
    "school", "college", "hospital", "klinikum", "orchestra", "orchester", "choir", "theatre", "theater",
    "amphitheatre", "amphitheater", "pavilion", "factory", "coliseum", "ballpark", "field", "garden", "gardens",
})

# Titles before a person's name: "Mr Ford", "Herr Porsche", "Mme Michelin".
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lady", "lord", "herr", "frau", "m", "mme", "mlle",
    "señor", "señora", "sr", "sra", "sig", "signor", "signora", "dhr", "mevr", "ông", "bà", "anh", "chị",
})

# A company cue right after a name: "Apple shares", "Allianz-Aktie", "Siemens-Chef", "Target Corp".
CUES_AFTER = frozenset({
    "shares", "share", "stock", "stocks", "stake", "inc", "corp", "corporation", "plc", "ag", "se", "nv",
    "sa", "ltd", "group", "ceo", "cfo", "chairman", "chief", "earnings", "revenue", "revenues", "profit",
    "aktie", "aktien", "konzern", "konzerns", "chef", "chefin", "vorstand", "vorstandschef", "gruppe",
    "umsatz", "gewinn", "action", "actions", "titre", "acción", "acciones", "azioni", "titolo", "aandeel",
    "aandelen", "aktier", "aksjen", "hisse", "hisseleri", "hissesi", "akcje",
})

# ... or right before it: "shares of Target", "cổ phiếu VIC", "Aktien von Allianz".
CUE_PHRASES_BEFORE = ("shares of", "stake in", "aktien von", "aktie von", "cổ phiếu", "công ty", "tập đoàn",
                      "actions de", "acciones de", "azioni di")

# Languages that capitalise every noun: there a capital letter says nothing about a name.
CAPITALISE_NOUNS = frozenset({"de", "lb"})

# Context that makes "the dollar", "the yen" the market instrument: a rate that moves or a comparison.
CURRENCY_CUES = tuple(re.compile(pattern) for pattern in (
    r"\b(?:against|versus|vs\.?|per|to the)\b", r"\b(?:exchange rate|forex|fx|currenc(?:y|ies))\b",
    r"\b(?:rose|rises?|fell|falls?|gained|gains?|lost|loses|weaken\w*|strengthen\w*|slipped|slips?|slid|"
    r"climbed|climbs?|jumped|dropped|drops?|tumbled|rallied|firmed|eased|eases|crash\w*|plunged|soared|"
    r"depreciat\w*|appreciat\w*|devalu\w*|record (?:low|high)|value of)\b",
    r"\b(?:gegenüber|wechselkurs|stieg|fiel|verlor|legte|tỷ giá)\b",
))
# ... and "the Nasdaq", "the Dow" the index: it moves, closes, has points, or stands among indices.
INDEX_CUES = tuple(re.compile(pattern) for pattern in (
    r"\b(?:rose|rises?|fell|falls?|gained|gains?|lost|loses|added|adds|closed|closes|ended|ends|climbed|"
    r"slipped|jumped|dropped|tumbled|declined|rallied|advanced|retreated|finished|record|points?|futures|"
    r"composite|index|was (?:up|down))\b", r"%", r"\b(?:s&p|dow|nasdaq|russell|nikkei|stoxx|ftse)\b.*\b(?:and|,)",
))
