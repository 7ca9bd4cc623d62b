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
    "county", "league", "liga", "ligue", "bowl", "classic", "revolution",
})
# Words before a place's name: "Mt. Everest", "Lake Orange", "Cape Fear".
PLACE_WORDS_BEFORE = frozenset({"mt", "mount", "mont", "monte", "lake", "lago", "cape", "fort"})

# Initials that name a place or a body, not a person ("U.S. Ford sales", but "T.J. Ford" is a player).
PLACE_INITIALS = frozenset({"U.S.", "U.K.", "E.U.", "U.N.", "U.A.E.", "D.C.", "N.Y.", "L.A.", "S.F.", "N.Z.",
                            "U.S.A.", "P.R."})

# Articles before a capitalised word make it a noun, not a first name ("eine Art Netflix", "a Will
# Smith film" aside): the name after it stands alone.
ARTICLES = frozenset({"a", "an", "the", "ein", "eine", "einer", "einem", "einen", "eines", "der", "die", "das",
                      "den", "dem", "des", "le", "la", "les", "un", "une", "el", "los", "las", "il", "lo", "gli",
                      "het", "een"})

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
    "aandelen", "aktier", "aksjen", "hisse", "hisseleri", "hissesi", "akcje", "gmbh", "llc",
})
# ... of which these may also end another company's name ("OGE Group", "CAE Gruppe").
NAME_HEADS = frozenset({"group", "gruppe", "se", "sa", "ag", "nv", "corporation", "konzern"})

# Capitalised words before a name that do not make it part of a longer name ("Apple" in "CEO Tim
# Cook said Apple"; "Analyst" in a title): the name stands alone after these.
CUE_WORDS_BEFORE = frozenset({
    "the", "a", "an", "and", "or", "of", "at", "by", "for", "from", "in", "on", "to", "with", "as", "like", "but",
    "ceo", "cfo", "chairman", "analyst", "analysts", "rival", "rivals", "partner", "partners", "giant",
    "der", "die", "das", "den", "dem", "des", "und", "von", "bei", "le", "la", "les", "et", "de", "du",
})

# Words that open a sentence or clause, capitalised there, before a name that stands alone
# ("While Apple was riding high", "When Intel announced").
SENTENCE_OPENERS = frozenset({
    "while", "when", "whenever", "whatever", "whether", "although", "though", "because", "since", "if", "unless",
    "until", "after", "before", "once", "so", "yet", "then", "now", "also", "however", "meanwhile", "still",
    "even", "why", "how", "what", "where", "who", "which", "that", "this", "these", "those", "both", "only",
    "says", "said", "today", "yesterday", "but", "nor", "at", "in", "on", "for", "with", "without", "by", "from",
    "wie", "als", "wenn", "weil", "doch", "auch", "nun", "dass", "ob", "aber", "zudem", "denn", "mit",
    "quand", "mais", "donc", "comme", "pour", "avec", "selon",
})

# ... or right before it, as whole words: "shares of Target", "cổ phiếu VIC", "Aktien von Allianz",
# "the carmaker Tesla" (not "lawmaker", "confirm", "accompany")...
CUE_PHRASES_BEFORE = ("shares of", "stake in", "aktien von", "aktie von", "cổ phiếu", "công ty", "tập đoàn",
                      "actions de", "acciones de", "azioni di", "company", "firm", "maker", "manufacturer",
                      "retailer", "insurer", "carmaker", "automaker", "chipmaker", "société", "groupe", "empresa",
                      "azienda")
# ... or as the end of a German compound: "der Autokonzern VW", "die Softwarefirma SAP".
CUE_SUFFIXES_BEFORE = ("firma", "konzern", "unternehmen", "hersteller")

# A one-word name after "the" and before one of these is the company's ("the Netflix app", "the Apple
# store"); before anything else it may be a place or thing ("the Amazon, a major carbon sink").
COMPANY_THINGS_AFTER = frozenset({
    "app", "apps", "service", "services", "platform", "website", "site", "store", "stores", "brand", "brands",
    "deal", "deals", "stock", "stocks", "share", "shares", "chief", "boss", "founder", "cofounder", "co-founder",
    "executive", "executives", "spokesperson", "spokesman", "spokeswoman", "board", "account", "accounts",
    "acquisition", "merger", "ipo", "listing", "device", "devices", "phone", "phones", "browser", "subscription",
    "documentary", "special", "series", "show", "headquarters", "offices", "office", "factory", "plant", "plants",
    "employees", "workers", "staff", "unit", "division", "subsidiary", "owner", "logo", "ad", "ads",
    "car", "cars", "vehicle", "vehicles", "model", "models", "product", "products", "software", "chip", "chips",
    "earnings", "results", "report", "revenue", "profit", "lawsuit", "case", "ceo", "cfo", "chairman",
})

# Languages that capitalise every noun: there a capital letter says nothing about a name.
CAPITALISE_NOUNS = frozenset({"de", "lb"})

# Context that makes "the dollar", "the yen" the market instrument: a rate that moves or a comparison.
CURRENCY_CUES = tuple(re.compile(pattern) for pattern in (
    r"\b(?:against|versus|vs\.?|per|to the)\b", r"\b(?:exchange rate|forex|fx|currenc(?:y|ies))\b",
    r"\b(?:rose|rises?|fell|falls?|gained|gains?|lost|loses|weaken\w*|strengthen\w*|slipped|slips?|slid|"
    r"climbed|climbs?|jumped|dropped|drops?|tumbled|rallied|firmed|eased|eases|crash\w*|plunged|soared|"
    r"depreciat\w*|appreciat\w*|devalu\w*|record (?:low|high)|value of)\b",
    r"\b(?:gegenüber|wechselkurs|stieg|fiel|verlor|legte|tỷ giá)\b",
    r"\b(?:devisen\w*|notierte|kostete|schwäch\w*|stärk\w*|aufgewertet|abgewertet|gemeinschaftswährung|"
    r"face au|contre le|par rapport au|s'est (?:apprécié|déprécié)|frente al|contra el)\b",
    r"円安|円高|ドル高|ドル安|ユーロ高|ユーロ安|為替|対ドル|相場|汇率|兑|升值|贬值|走强|走弱|환율|강세|약세",
))
# Currencies whose bare name keeps its meaning beside another currency of the same name: other
# currencies are quoted against them ("the Australian dollar rose against the dollar").
ANCHOR_CURRENCIES = frozenset({"USD"})

# A currency name followed by one of these is a unit or a thing, not the market instrument:
# "in dollar terms", "dollar bills", "dollar-denominated debt", "euro coins".
CURRENCY_UNITS = frozenset({
    "terms", "bill", "bills", "note", "notes", "coin", "coins", "denominated", "backed", "amount", "amounts",
    "sign", "symbol", "store", "stores", "shop", "shops", "zone", "area", "millionaire", "millionaires",
})
# ... a crypto name that is also a film or a word ("Tron") the asset: it is traded, priced, mined.
CRYPTO_CUES = tuple(re.compile(pattern) for pattern in (
    r"\b(?:crypto\w*|token|tokens|coin|coins|blockchain|stablecoin\w*|defi|altcoin\w*|wallet|exchange|"
    r"binance|coinbase|bitcoin|ether|ethereum|solana|mining|staking|market cap\w*|price|prices|traded|trading|"
    r"rall(?:y|ied)|rose|fell|slipped|jumped|surged|plunged|rebounded)\b",
    r"\b(?:stieg|fiel|verlor|notierte|kostete|kryptowährung\w*|grimpé|chuté|subió|cayó|precio|"
    r"cotización|tiền số)\b",
))
# ... and "the Nasdaq", "the Dow" the index: it moves, closes, has points, or stands among indices.
INDEX_CUES = tuple(re.compile(pattern) for pattern in (
    r"\b(?:rose|rises?|fell|falls?|gained|gains?|lost|loses|added|adds|closed|closes|ended|ends|climbed|"
    r"slipped|jumped|dropped|tumbled|declined|rallied|advanced|retreated|finished|record|points?|futures|"
    r"composite|index|was (?:up|down))\b", r"%", r"\b(?:s&p|dow|nasdaq|russell|nikkei|stoxx|ftse)\b.*\b(?:and|,)",
    r"上昇|下落|終値|反発|反落|続伸|続落|上涨|下跌|收盘|报收|涨|跌|상승|하락|마감",
))

# --- fourth pass: names that mean something else in the article --------------------------------

# A crypto asset's name that does not say "crypto" itself ("ETH" is also ETH Zürich, "Stellar" a
# magazine, "Polygon" a shape, "Avalanche" a hockey team) counts only with crypto context: a cue of
# its own sentence (CRYPTO_CUES, CRYPTO_AMOUNT), one of these in its paragraph or in the title (not
# anywhere: a workshop on "Krypto-Jacking" further down does not make "ETH & EPFL" a coin), or another
# crypto asset named anywhere unambiguously (a name with one of CRYPTO_STEMS, a cashtag, a pair, "0.5 ETH").
CRYPTO_STEMS = ("coin", "bitcoin", "ethereum", "crypto")
CRYPTO_CONTEXT = re.compile(
    r"\b(?:crypto(?:currenc\w*|-?assets?|-?monnaies?|-?actifs?|s)?|krypto(?:währung\w*|-?assets?|werte?)?|"
    r"cripto(?:moneda\w*|divisa\w*|activos?|s)?|token|tokens|tokenized|tokenisiert\w*|jetons?|coin|coins|"
    r"blockchain\w*|stablecoin\w*|altcoin\w*|memecoin\w*|defi|nft|nfts|web3|satoshis?|staking|"
    r"binance|coinbase|kraken|bitcoin\w*|ethereum|tiền (?:điện tử|mã hóa|số|ảo)|chuỗi khối)\b")
# ... and in its own sentence a price or an amount: "ETH rose 3% to $2,400", "ETH kostete 2.000 Euro".
CRYPTO_AMOUNT = re.compile(r"[$€£¥]\s?\d|\d\s?(?:%|usd|us-dollar|dollars?|euros?|eur\b|usdt)")

# Names of physical units: after a number they are the unit ("26 Tesla", "1,5 Tesla", "0.5 Siemens",
# "50 Hertz", "20 Grad Celsius"), not the company, unless a company cue follows ("100 Tesla shares").
UNIT_NAMES = frozenset({
    "tesla", "siemens", "hertz", "celsius", "fahrenheit", "kelvin", "lumen", "watt", "volt", "ampere", "ohm",
    "weber", "gauss", "newton", "joule", "pascal", "henry", "farad", "coulomb", "becquerel", "sievert", "gray",
    "lux", "candela", "dalton", "maxwell",
})
# Words between a number and a temperature unit: "20 Grad Celsius", "20 degrees Fahrenheit", "20 độ C".
DEGREE_WORDS = ("grad", "degrees", "degree", "degrés", "degré", "grados", "grado", "độ", "°")

# Abbreviations that open the name of a club or a university ("TSV Bayer 04 Leverkusen", "LG Telis
# Finanz Regensburg" (Leichtathletikgemeinschaft), "RB Leipzig", "UC Berkeley", "TU München"): a company
# name right after one is part of that name. A company whose own name is one of them ("LG", "RB") is the
# club when a capitalised word follows and the article names other clubs so ("LG Mittweida" among
# "SC Potsdam", "LC Jena").
NAME_PREFIXES = frozenset({
    "LG", "SV", "TSV", "SC", "SCC", "FC", "VfB", "VfL", "VfR", "SpVgg", "TuS", "TSG", "SSV", "MTV", "DJK", "BSV",
    "ESV", "PSV", "ASV", "USC", "LC", "LAC", "SG", "RB", "AC", "AS", "SS", "CF", "UD", "RC", "OSC", "KSV",
    "UC", "TU", "FH", "ETH", "EPFL",
})

# The heads of a university's or school's name before a campus or place: "University of California,
# Berkeley", "Universidad de Chile, Santiago": a company name there is the campus.
INSTITUTION_BEFORE = re.compile(
    r"\b(?:University|Universität|Université|Universidad|Universidade|Università|College|Institute|Institut|"
    r"Instituto|School|Hochschule|Academy|Akademie)\s(?:of(?: the)?|de(?: la)?|del|di|der|für|do|da)\s"
    r"(?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*(?:,\s|\s(?:at|in|en|à)\s)$")

# Brands of one company's product line that another company carries as its name: "RTX" is Nvidia's
# graphics cards and RTX Corporation (Raytheon). The line is meant when the article speaks of the
# products (any of these words) and nothing marks the company ("RTX shares", "RTX Corp").
PRODUCT_LINES = {
    "RTX": ("nvidia", "geforce", "gpu", "gpus", "graphics card", "graphics cards", "grafikkarte", "grafikkarten",
            "carte graphique", "cartes graphiques", "tarjeta gráfica", "tarjetas gráficas", "ray tracing",
            "raytracing", "dlss", "card vga", "card đồ họa"),
}

# Platforms and picture agencies whose name alone on a line credits an embedded post or a photo (a
# company named alone on a line elsewhere is a table cell or a list item, and counts).
CREDIT_NAMES = frozenset({
    "facebook", "twitter", "instagram", "youtube", "tiktok", "linkedin", "pinterest", "snapchat", "reddit",
    "getty", "getty images", "shutterstock", "alamy",
})

# Small words an acronym skips: "Alliance des États du Sahel" (AES), "Bank for International Settlements" (BIS).
ACRONYM_SMALL_WORDS = frozenset({
    "of", "the", "and", "for", "in", "on", "to", "a", "an", "&", "des", "du", "de", "la", "le", "les", "et",
    "der", "die", "das", "für", "und", "von", "del", "di", "della", "y", "e", "do", "da", "dos",
})

# Heads that follow two coordinated names: "Orange and Riverside counties", "the Ford and Rockefeller
# foundations": each name is one of those things. (Not "parks", "awards": verbs too.)
COORDINATED_HEADS = frozenset({
    "counties", "universities", "foundations", "stiftungen", "fondations", "fundaciones", "rivers", "streets",
    "islands", "stadiums", "arenas", "schools", "colleges", "hospitals", "museums", "valleys", "lakes",
    "mountains", "provinces", "districts",
})
COORDINATORS = ("and", "und", "et", "y", "e", "or", "oder", "ou", "&", "và")
# A one-word name after one of these (written in lower case) is a region: "the central and northern
# Amazon", "im nördlichen Amazonas".
REGION_WORDS_BEFORE = frozenset({
    "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western", "south-eastern",
    "south-western", "upper", "lower", "nördlichen", "südlichen", "östlichen", "westlichen", "zentralen",
    "nördliche", "südliche", "östliche", "westliche", "zentrale", "septentrional", "méridional",
    "septentrionale", "méridionale",
})
