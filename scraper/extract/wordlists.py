"""Per-language words the metadata rules need. Data only: add a language by adding words here."""

from __future__ import annotations

# Words that introduce a byline ("By Jane Doe", "Von Max Muster", "Texte : Jean Dupont").
BYLINE_PREFIXES = (
    "written by", "posted by", "reported by", "words by", "story by", "by", "from",
    "verfasst von", "ein artikel von", "von", "text", "autor", "autorin", "autoren", "author", "authors",
    "écrit par", "par", "texte", "auteur", "auteurs", "escrito por", "por", "texto", "autora", "di", "a cura di",
    "door", "tekst", "av", "af", "skrevet af", "skrevet av", "przez", "autorzy", "tarafından", "yazan",
    "oleh", "ditulis oleh", "penulis", "reporter", "reporters", "viết bởi", "bởi", "tác giả", "kirjoittaja",
    "szerző", "írta", "автор", "авторы", "текст", "作者", "文", "記者", "기자", "글",
)

# ... of which these open a byline line only with a colon ("Text: Jane Doe", not "Text size",
# "From our partners").
COLON_ONLY_BYLINE_PREFIXES = frozenset({"text", "texte", "texto", "tekst", "from", "di", "a", "av", "af", "door",
                                        "por"})
# Where a credit on a byline line ends: a preposition before a date or time ("von R. R. am
# 07.08.2013"), before a weekday ("by Jane Doe on Monday"), and after a comma before a place
# ("Jane Doe, Editor, at CES").
DATE_PREPOSITIONS = ("am", "on", "le", "il", "el", "den", "at", "um", "in")
WEEKDAY_PREPOSITIONS = ("on", "am", "le", "el", "il")
PLACE_PREPOSITIONS = ("at", "in", "aus", "en", "à")

# Joins between names: "A and B", "A und B", "A et B", "A y B", "A e B", "A i B", ...
NAME_CONJUNCTIONS = (
    "and", "und", "et", "y", "e", "i", "og", "och", "en", "ve", "và", "и", "oraz", "és", "ja", "dan",
    "a", "in", "sowie", "with", "with additional reporting by", "avec", "con", "com",
    "im gespräch mit", "in conversation with",  # an interview's credit: "Jane Doe im Gespräch mit John Roe"
)

# Role words: a "name" made only of these (and fillers) is a job title, not a person.
ROLE_WORDS = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors", "editorial",
    "senior", "chief", "deputy", "political", "business", "news", "desk", "team", "newsroom", "board",
    "contributor", "contributing", "columnist", "journalist", "producer", "online", "digital", "web",
    "admin", "administrator", "redaktion", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "rédaction", "rédacteur", "rédactrice", "correspondant", "envoyé", "spécial", "redacción", "redactor",
    "redazione", "redactie", "redaksjonen", "redaktionen", "redaksi", "redakcja", "редакция", "agencies",
    "agency", "wire", "services", "service", "guest", "author", "opinion", "the", "of", "and",
    "for", "by", "special", "to", "our", "photo", "photos", "image", "images", "video", "graphics",
    "illustration", "text", "foto", "fotos", "bild", "getty", "shutterstock", "ap", "reuters", "afp",
    "leiterin", "projektleiter", "projektleiterin", "geschäftsführer", "geschäftsführerin", "sprecherin",
    "referent", "referentin", "director",  # not "Leiter", "Sprecher", "Head": surnames too
}

# Words that make a credit a newsroom desk rather than a person ("BR24 Redaktion", "Web Desk").
DESK_WORDS = ("redaktion", "rédaction", "redacción", "redazione", "redactie", "redaksjon", "redaksi",
              "redakcja", "редакция", "newsroom", "desk", "staff", "bureau", "agentur", "agencia", "agenzia",
              "ajansı", "agency", "team")  # "team": "Support Team", "Webteam", "Redaktionsteam"

# Trailing job titles written after a name without a comma ("신현주 기자", "山田太郎記者").
NAME_ROLE_SUFFIXES = ("기자", "특파원", "記者", "记者", "特派員", "编辑", "編集委員", "reporter")

# Labels in front of a name that credit an editor, not the writer ("Editor: Jane Doe", "Penyunting: Ani").
EDITOR_LABELS = (
    "editor", "edited by", "editing by", "editors", "redakteur", "redakteurin", "bearbeitet von",
    "redigiert von", "redaktion", "éditeur", "édité par", "édition", "editado por", "edición", "edición de",
    "editore", "a cura della redazione", "redactor", "redacteur", "eindredactie", "redigert av", "redigerad av",
    "redaktor", "redakcja", "penyunting", "editor berita", "redaktur", "redaktur pelaksana", "biên tập",
    "biên tập viên", "editör", "düzenleyen", "редактор", "编辑", "责任编辑", "責任編集", "편집", "데스크",
)

# News agencies and wire services: credited as authors but not people.
AGENCIES = {
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
    "agence france presse", "dpa", "apa", "ansa", "efe", "europa press", "bloomberg", "xinhua", "tass",
    "ria novosti", "interfax", "pti", "ians", "ani", "kyodo", "yonhap", "anadolu", "anadolu ajansı",
    "anadolu agency", "aa", "dha", "iha", "kna", "epd", "sda", "keystone-sda", "ats", "belga", "anp",
    "ntb", "tt", "ritzau", "stt", "lusa", "agência brasil", "antara", "bernama", "vna", "cna", "pa",
    "pa media", "press association", "ddp", "afp/dpa", "dpa/afp", "sid", "upi",
}

# Site chrome (a teaser's date, a commenter's name) is defined once, in chrome.py on rules.py's
# vocabulary. Besides it, where a name is a photo or image credit, not the article's byline
# (class/id substrings):
NOT_BYLINE_CLASS_SUBSTRINGS = ("caption", "credit", "photo", "image", "bild", "foto")

# Lowercase particles that may sit inside a Latin-script name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "dos",
                            "das", "bin", "binti", "al", "el", "ter", "ten", "zu", "y", "e", "st."})
# <meta> names that credit the author, most deliberate first (any other key ending in "author" or
# "creator" is read after them).
# Dublin Core's creator goes before the plain "author", which CMSs fill with a default (the site, "FAIL")
# or misuse (a paper's reference list); Readability reads them in this order too.
AUTHOR_META = ("dc.creator", "dc:creator", "dcterms.creator", "dcterms:creator", "author", "article:author",
               "parsely-author", "sailthru.author", "byl", "og:article:author", "article:author_name")
# Meta keys ending in "author" that name no article's writer: an app banner's publisher (smartbanner.js)
# and Twitter handles.
NOT_AUTHOR_META_PREFIXES = ("twitter:", "smartbanner:")
# Class/id of an element holding the headline: substrings, and whole class words ("ArticleHead").
HEADLINE_CLASS_SUBSTRINGS = ("headline", "title", "heading", "titel", "titulo", "titre")
HEADLINE_CLASS_WORDS = frozenset({"head", "hed"})
# Class substrings of a topic line set above the headline inside its <h1> (Dachzeile, kicker).
KICKER_CLASS_SUBSTRINGS = ("kicker", "overline", "roofline", "topline", "toptitle", "supertitle", "dachzeile",
                           "spitzmarke", "eyebrow", "topic", "label", "small")
# Class substrings of a byline element.
BYLINE_CLASSES = ("author", "byline", "autor", "auteur", "writer")
# Class/id substrings of the "about the author" box below a post, whose heading is the writer's name.
AUTHOR_BOX_CLASSES = ("author-bio", "authorbio", "about-author", "aboutauthor", "author-box", "authorbox")

# schema.org types (lowercased, without the URL) the metadata rules tell apart.
ARTICLE_TYPES = frozenset({"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                           "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                           "techarticle", "report", "scholarlyarticle", "socialmediaposting"})
PUBLISHER_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})  # name the site
AUTHOR_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "newsagency"})
WEB_PAGE_TYPES = frozenset({"webpage", "itempage"})  # older Yoast pages credit the author on the WebPage
COLLECTION_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage", "aboutpage",
                              "contactpage", "website"})

# Last URL path segments of a site's front page.
FRONT_PAGE_SEGMENTS = frozenset({"index.html", "index.php", "index.htm", "home"})
# URL path segments of listings and site pages: /tag/economy, /author/jane-doe, /about.
LISTING_URL_SEGMENTS = frozenset({
    "tag", "tags", "topic", "topics", "category", "categories", "kategorie", "categorie", "categoria", "section",
    "sections", "author", "authors", "autor", "autoren", "auteur", "archive", "archives", "archiv", "search",
    "suche", "recherche", "about", "about-us", "contact", "contact-us", "kontakt", "impressum", "imprint",
    "privacy", "datenschutz", "page", "feed", "login", "subscribe"})

# Frequent English words: a page declared "en" whose text has many of them is English indeed.
ENGLISH_STOPWORDS = frozenset("the of and to in a is that for on with as was by it at from".split())
