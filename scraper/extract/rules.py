"""Body-extraction rules that are data, not algorithm: tag sets, class/id vocabulary, phrase lists.

Everything here is generic (no site names: a site's own wording belongs in a site profile). Class/id
words are matched against the words of an element's class and id (chrome.class_words: split at
anything that is not a letter or digit and at camelCase humps, lowercased); "substrings" anywhere
in the lowercased class and id.
"""

from __future__ import annotations

import re

from .wordlists import BYLINE_PREFIXES


def literal_alternation(words) -> re.Pattern:
    """One regex matching any of `words` as plain text, their common prefixes shared (a trie): Python's
    regex engine tries a flat alternation word by word at every position, this one letter by letter."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


# Never article text: removed wherever they are.
NEVER_TEXT_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "picture", "select", "option", "input", "textarea", "button", "head", "title",
    "meta", "link",
})
# Page furniture: removed from the article body (the FAQ/disclaimer search still reads some of them).
FURNITURE_TAGS = frozenset({"nav", "aside", "form", "figure", "figcaption", "dialog", "menu", "h1", "label",
                            "footer"})

# The page's own elements: their class names describe the layout, never a box in it.
PAGE_TAGS = frozenset({"html", "body", "main"})
# State classes describe what an element holds ("has-image", "with-sidebar"), not what it is.
STATE_MODIFIER = re.compile(r"(?<![a-z0-9])(?:has|with|no|is|without)[-_][a-z0-9_-]+", re.I)

# Class names (whole, not tokens) that hide an element with the site's CSS.
HIDDEN_CLASSES = frozenset({
    "hidden", "is-hidden", "d-none", "hide", "sr-only", "visually-hidden", "visuallyhidden",
    "screen-reader-text", "u-hidden", "display-none", "invisible",
})
# "hidden lg:flex" (Tailwind, Bootstrap "d-none d-lg-block"): hidden on small screens only.
RESPONSIVE_DISPLAY = re.compile(r"(?<![\w-])(?:(?:sm|md|lg|xl|2xl):|d-(?:sm|md|lg|xl|xxl)-)"
                                r"(?:flex|block|inline|inline-block|inline-flex|grid|table|contents)(?![\w-])")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# React streaming SSR sends late content in <div hidden id="S:3"> and moves it in with script.
STREAMED_FRAGMENT_ID = re.compile(r"S:[0-9a-z]+$")
# Class substrings of text hidden now and shown to the reader later (after login).
DEFERRED_CLASS_SUBSTRINGS = ("paywall",)

# ---------------------------------------------------------------- site chrome (chrome.py)
# What a page carries for the site, not for one article: one definition for the body, the FAQ and
# notice finders, bylines and dates. Two parts: the page's own frame (navigation, menus, the page
# footer) and the boxes of other stories beside the article (sidebars, related, teasers,
# recommendations, promos, widgets). Tags, ARIA roles, and class/id substrings (matched anywhere in
# the lowercased class and id, after ARTICLE_KIND_WORDS are taken out).
SITE_FRAME_TAGS = frozenset({"nav", "footer"})
SITE_FRAME_ROLES = frozenset({"navigation", "contentinfo"})
SITE_FRAME_CLASS_SUBSTRINGS = ("footer", "navbar", "navigation", "menu")
STORY_BOX_TAGS = frozenset({"aside"})
STORY_BOX_ROLES = frozenset({"complementary"})
STORY_BOX_CLASS_SUBSTRINGS = ("sidebar", "related", "teaser", "recommend", "promo", "widget", "mostread", "most-read")
# ... except these inside the <article> that holds the headline, where they name a column of the
# article's own layout ("Tech-Sidebar" holding the byline and date).
ARTICLE_COLUMN_SUBSTRINGS = ("sidebar",)
SITE_CHROME_TAGS = SITE_FRAME_TAGS | STORY_BOX_TAGS
SITE_CHROME_ROLES = SITE_FRAME_ROLES | STORY_BOX_ROLES
# ... of which these class/id words are chrome even inside the article: comment threads, consent boxes.
THREAD_OR_CONSENT_WORDS = frozenset({
    "comment", "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr", "onetrust",
    "replies", "reply",
})

# Elements that start a new paragraph of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "details", "summary",
    "address", "hr", "br", "center", "form", "fieldset", "legend", "body", "label", "dialog", "menu",
})
# Furniture is dropped block by block (blocks.blocks_within), so each furniture tag must end a block
# (tests/extract/test_body.py checks FURNITURE_TAGS <= BLOCK_TAGS).
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# class/id tokens that mark boilerplate (exact token match).
BOILERPLATE_TOKENS = frozenset({
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adunit", "adbox",
    "byline", "bylines", "author", "authors", "breadcrumb", "breadcrumbs", "caption", "captions",
    "comment", "comments", "commentlist", "credit", "credits", "cookie", "cookies", "consent", "gdpr",
    "dateline", "timestamp", "disqus", "footer", "masthead", "menu", "modal", "nav", "navbar",
    "navigation", "newsletter", "outbrain", "taboola", "popup", "promo", "promotion",
    "recirc", "recommended", "recommendations", "related", "share", "shares", "sharing", "sharebar",
    "social", "sidebar", "signup", "subscribe", "subscription", "toolbar", "sponsored",
    "trending", "popular", "mostread", "skip", "sr", "visually", "pagination", "pager", "tooltip",
    "lightbox", "slideshow", "carousel", "copyright", "avatar", "follow", "login", "register",
    "readmore", "photo", "photos", "image", "images", "img", "picture", "gallery",
    "affiliate", "breaking", "ticker", "print", "reprint", "prev", "previous", "nextprev", "overlay", "dropdown", "instagram", "tiktok", "embed", "factbox",
    "infobox", "player", "alert", "help", "helpbox",
})
# ARIA roles of boilerplate: site chrome's, and banners, dialogs, alerts.
BOILERPLATE_ROLES = SITE_CHROME_ROLES | {"banner", "dialog", "alert"}
# Marks that hold even when they wrap most of the page's prose: long comment threads and consent
# dialogs are still not the article, nor is the page footer.
ALWAYS_BOILERPLATE_TOKENS = THREAD_OR_CONSENT_WORDS | {"footer"}
ALWAYS_BOILERPLATE_TAGS = frozenset({"footer"})

# Substrings that mark boilerplate wherever they occur in a class/id (long, unambiguous words).
BOILERPLATE_SUBSTRINGS = (
    "advertis", "newsletter", "breadcrumb", "sidebar", "related", "recommend", "subscri", "social",
    "sharing", "share-", "sharebar", "comment", "cookie", "consent", "outbrain", "taboola",
    "byline", "caption", "signup", "sign-up", "promo", "footer", "navigation", "navbar", "teaser",
    "trending", "mostread", "most-read", "popular", "readmore", "read-more", "author-bio", "authorbio",
    "timestamp", "dateline", "copyright", "authorprofile", "author-profile", "about-author",
    "aboutauthor", "author-box", "authorbox",
)
# class/id words naming a kind of article that hold a boilerplate substring ("comment"): removed
# before the substring test.
ARTICLE_KIND_WORDS = ("commentary", "commentaries")
# class/id substrings that mark the article text itself: such an element is never boilerplate.
CONTENT_MARKERS = (
    "articlebody", "article-body", "article__body", "article_body", "articlecontent", "article-content",
    "article__content", "article_content", "entry-content", "entry__content", "post-content",
    "post__content", "postbody", "post-body", "storybody", "story-body", "story__body", "story-content",
    "bodytext", "body-text", "article-text", "articletext", "article__text", "richtext", "rich-text",
)
# class/id words of a standfirst (lead, summary): between the headline and the body they mark the
# lead even inside a boilerplate-looking wrapper ("teaser" is a lead there, a promo elsewhere).
LEAD_MARKERS = frozenset({"lead", "teaser", "standfirst", "intro", "summary", "dek", "excerpt",
                          "strapline", "subtitle", "subheadline", "abstract"})

# Chinese, Japanese and Korean script: no spaces between words, about three Latin letters of text a character.
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# The byline words (wordlists.BYLINE_PREFIXES), longest first: "written by" before "by".
BYLINE_WORDS = "|".join(re.escape(word) for word in sorted(BYLINE_PREFIXES, key=len, reverse=True))
# Byline words opening a text, with the colon or dash after them: "By ", "Text: ", "Von: ".
BYLINE_PREFIX = re.compile(rf"^(?:(?:{BYLINE_WORDS})\b\s*[:：\-–]?\s*)+", re.I)

# A line ending so reads as a sentence (a heading worded so is text set large, not a label).
SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
CLOSING_QUOTES = ("\"", "”", "“", "»")
# ... the one tuple for "ends as a sentence does", a quoted one included ('He said: "We will."').
SENTENCE_OR_QUOTE_ENDS = SENTENCE_ENDS + CLOSING_QUOTES
# What may open a line besides a letter or digit (a line opening with other punctuation goes on
# from the line before it: ". the Guardian. Retrieved 2022-03-23").
OPENING_MARKS = "\"'“„«‘([¿¡"

# Whole blocks that are furniture in any article (compared lowercased, without trailing punctuation).
FURNITURE_LINES = frozenset({
    "advertisement", "advertisment", "ad", "ads", "anzeige", "werbung", "publicité", "publicidad",
    "pubblicità", "reklama", "реклама", "share", "share this", "share this article", "share this story",
    "read more", "continue reading", "click here", "related", "related articles", "related stories",
    "more from", "see also", "also read", "read also", "read next", "recommended", "skip advert",
    "teilen", "artikel teilen", "mehr zum thema", "lesen sie auch", "auch interessant", "partager",
    "lire aussi", "à lire aussi", "compartir", "leer más", "condividi", "leggi anche", "delen",
    "lees ook", "udostępnij", "czytaj także", "czytaj też", "zobacz też", "copy link", "link copied",
    "print", "email", "facebook", "twitter", "whatsapp", "linkedin", "comments", "comment",
    "sign up", "subscribe", "newsletter", "follow us", "listen", "listen to this article",
    "article continues below", "story continues below", "continue reading below",
    "weitere informationen", "taip pat skaitykite", "our videos", "latest videos", "more videos",
    "empfohlener redaktioneller inhalt", "externen inhalt anzeigen", "mehr dazu",
    "you may also like", "you might also like", "don't miss", "don’t miss", "tell us what you think",
    "order reprints", "print article", "text size", "most popular", "top stories", "trending now",
    "noticia relacionada", "noticias relacionadas", "artículo relacionado", "à lire également",
    "leia também", "leia mais", "related news", "related content", "more on this story",
    "about the author", "über den autor", "über die autorin",
})
# A short block that opens with one of these and is mostly a link is a teaser ("Read more: ...").
TEASER_PREFIX = re.compile(
    r"^(read more|read also|also read|see also|related|more|watch|listen|click here|recommended|"
    r"lesen sie (auch|mehr)|mehr( zum thema)?|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"leer más|lee también|leggi anche|czytaj (także|też|więcej)|zobacz (też|także)|lees ook|"
    r"читайте также)\b\s*[:\-–—>»]?", re.I)
# Short lines that credit a picture or an agency, or name the author: furniture, not body text.
CREDIT_OR_BYLINE = re.compile(
    r"^((?i:\(?(image|images|photo|photos|picture|pictures|credit|credits|source|sources|foto|fotos|bild|"
    r"bilder|quelle|quellen|bron|crédit|crédits|fuente|fonte|zdjęcie|kuva|billede|bilde)\s*[:©])|©|"
    r"(?i:(image|photo|picture|video)\s+(credit|source)s?\s*:)|"
    r"(?i:by|von|par|por|av|door|di|af|przez)\s+[A-ZÄÖÜÅÉ]|"
    r"(?i:(getty|afp|reuters|ap|dpa|epa|shutterstock|imago)( images)?\s*$)|"
    r"[\w.-]{1,12}(/[\w.-]{1,12})+$)")
# A picture agency or stock library named in a short line beside a slash, a pipe or a ©, or alone
# in a few words: "Augusta National/Getty Images", "AFP / MARCO BERTORELLO", "iStock.com".
PICTURE_AGENCY = re.compile(
    r"(?i:\b(getty ?images|istock(photo)?(\.com)?|shutterstock|imago|picture[- ]alliance|afp|dpa|epa|reuters|"
    r"ap photo|keystone|alamy|unsplash|pexels|pixabay|adobe ?stock)\b)")
PICTURE_AGENCY_MAX_WORDS = 4  # alone: "iStock.com", "Getty Images for Netflix"
# Who else reported: "Additional reporting by ...", "... contributed to this report."
CONTRIBUTOR_CREDIT = re.compile(
    r"^\W*((additional )?reporting by|editing by|writing by)\b|contributed (reporting )?to this (report|story)\.?$",
    re.I)
# An e-mail address in a short line: the reporter's contact line ("Jane Doe jane@paper.com").
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# A line that is only an address: URL, e-mail or social handle.
BARE_ADDRESS = re.compile(r"^(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[\w-]+\.(com|org|net)/\S*|@\w+)$")
_TIME_UNIT = r"(min\.?|mins|minutes?|minuten|hours?|hrs?|days?|stunden?|tagen?|heures?|jours?)"
RELATIVE_TIME = re.compile(
    rf"\b\d+\s*{_TIME_UNIT}\s*(ago|read|lesezeit|de lecture|önce|geleden|fa)(?![a-z])|"
    rf"^\W*(lesezeit|reading time|read time|temps de lecture|lectura)?\W*\d+\s*{_TIME_UNIT}\W*$", re.I)
# Calls to action inside the article column: newsletters, apps, social follows, paywall prompts,
# consent placeholders of embedded media. Matched on short blocks only.
CALL_TO_ACTION = re.compile(
    r"\b(sign up|subscribe (to|now|today)|subscribers only|newsletter|download (the|our) app|"
    r"follow (us|[\w.]+ on (twitter|facebook|instagram|google news|whatsapp|x\b))|google news|"
    r"whatsapp[- ]channel|get in touch with|email us at|register to unlock|"
    r"jetzt abonnieren|abonnieren sie|externen? inhalt|einverstanden, dass mir|"
    r"unterstützen sie uns|réservée?s? aux abonnés|abonnez-vous|"
    r"suscríbete|iscriviti|uygulamasını indirin|でシェア|シェアする|印刷する|"
    r"fehler gefunden|report an error)", re.I)
CALL_TO_ACTION_MAX_CHARS = 300
# Cookie-consent lines inside the article column (short blocks only). A copyright line is not
# matched here: benchmark truth keeps a wire service's "© 2019 AP. All rights reserved. This material
# may not be published..." with the story; short "©" credit lines are dropped by CREDIT_OR_BYLINE.
COOKIE_LINE = re.compile(
    r"\b(we|this (site|website)|our (site|website|partners))\s+uses?\s+cookies\b|\baccept (all )?cookies\b|"
    r"\bcookie (settings|policy|preferences|consent)\b|\bby continuing to (browse|use) (this|our|the) (site|website)",
    re.I)
# A caption that ends with its picture credit: "Protesters in Hong Kong (Image: Getty)".
CAPTION_CREDIT_SUFFIX = re.compile(
    r"[(\[](image|images|photo|picture|pic|credit|foto|bild|crédit|imagen|immagine)s?\s*:[^()\[\]]{1,60}[)\]]$",
    re.I)
# A short line holding a date or clock time ("Published 17 December 2024, 14:05") is a dateline.
DATE_LIKE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}時\d{1,2}分|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)|\b\d{1,2}[:.h]\d{2}(?!\d)|\b(19|20)\d{2}(?!\d)")

# ---------------------------------------------------------------- images (images.py)

# Beacons and counters dressed up as images, and the placeholders lazy loaders show first.
IMAGE_TRACKER_URL = re.compile(r"((?<![a-z])pixel(?:\.gif|\.png|/|\?)|beacon|tracking|/tr\?|/b\.gif|/t\.gif|spacer|blank\.(gif|png|jpg)|doubleclick|"
                               r"scorecardresearch|google-analytics|facebook\.com/tr|/count(er)?\b|/hit\b|\b1x1\b|"
                               r"placeholder|missing-image|transparent\.(gif|png)|lazy-?load)", re.I)
# class/id words of boxes whose pictures are not the article's (the body finder's boilerplate vocabulary
# cannot be used: to it "image", "photo" and "caption" are furniture words).
NOT_ARTICLE_IMAGE_BOX = re.compile(r"related|teaser|promo|advert|\bads?\b|sponsor|share|sharing|social|author|avatar|"
                                   r"profile|logo|icon|newsletter|subscri|comment|sidebar|widget|recommend|trending|"
                                   r"popular|most-?read|outbrain|taboola|nav|menu|footer|header|banner|breadcrumb")
# An element that holds the credit of its picture ("Photo: Reuters", "© AFP").
PICTURE_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|byline|attribution|author|rights", re.I)
# A figure caption that ends with its credit (split off it; CAPTION_CREDIT_SUFFIX drops a body line
# ending in a bracketed one): "Traders on the floor. Photo: Reuters", "... © AFP".
PICTURE_CREDIT_SUFFIX = re.compile(
    r"(?:^|(?<=[\s.;|–—-]))\s*[(\[]?((?:(?:image|images|photo|photos|picture|pic|credit|credits|source|foto|fotos|bild|"
    r"bilder|quelle|crédit|crédits|imagen|immagine|ảnh|nguồn)(?:\s+(?:credit|source))?\s*[:/]|"
    r"(?:image|photo|picture)\s+(?:copyright|courtesy)\b|©|\(c\))"
    r"[^()\[\]]{1,80})[)\]]?\s*$", re.I)

# ---------------------------------------------------------------- FAQ and disclaimer sections

QUESTION_MARKS = ("?", "？", "؟")
# Numbering and labels in front of an FAQ question or answer: "1. ", "2) ", "Q: ", "Question 3: ", "A: ".
QUESTION_PREFIX = re.compile(r"^\s*(\d{1,2}\s*[.)]|q\s*\d{0,2}\s*[.:)]|question\s*\d{0,2}\s*[.:])\s+", re.I)
ANSWER_PREFIX = re.compile(r"^\s*(a|answer)\s*[.:)]\s+", re.I)
# A heading that opens a frequently-asked-questions section (whole heading text, any language).
FAQ_HEADING = re.compile(
    r"(^|\b)(faqs?|frequently asked questions|common questions|questions and answers|q\s*&\s*a|"
    r"(key |your |common |top )?questions,? answered|key questions|"
    r"häufig gestellte fragen|häufige fragen|fragen und antworten|questions fréquentes|"
    r"questions fréquemment posées|foire aux questions|questions-réponses|questions/réponses|"
    r"preguntas frecuentes|preguntas más frecuentes|preguntas y respuestas|"
    r"domande frequenti|perguntas frequentes|dúvidas frequentes|veelgestelde vragen|veel gestelde vragen|"
    r"często zadawane pytania|ofte stillede spørgsmål|vanliga frågor|ofte stilte spørsmål|"
    r"usein kysytyt kysymykset|sıkça sorulan sorular|часто задаваемые вопросы|"
    r"câu hỏi thường gặp|những câu hỏi thường gặp|hỏi đáp|hỏi - đáp|hỏi – đáp|"
    r"よくある質問|常见问题|常見問題|자주 묻는 질문)(\b|$)")  # matched on lowercased text: faster than re.I
# Boxes that serve the reader rather than tell the story (help, account, newsletter sign-up, forum):
# their FAQ is about the site, their fine print is a sign-up's, not the article's notice.
SERVICE_BOX_TOKENS = frozenset({"help", "support", "account"})
SERVICE_BOX_SUBSTRINGS = ("newsletter", "signup", "sign-up", "subscri", "forum", "communit", "comment",
                          "helpbox", "help-box", "helpcenter", "help-center")
# A question worded without its mark: opening interrogative (en, de, fr, es) or, in Vietnamese,
# a question phrase anywhere. Matched on lowercased sub-headings under an FAQ heading only.
INTERROGATIVE = re.compile(
    r"^(what|why|how|when|where|who|whom|whose|which|is|are|can|could|do|does|did|should|will|would|"
    r"was|were|has|have|was|warum|wieso|weshalb|wie|wann|wo|wer|welche[rsmn]?|ist|sind|kann|können|"
    r"muss|soll|gibt|qu'|qu’|que|quoi|pourquoi|comment|quand|où|qui|quel|quelle|quels|quelles|"
    r"combien|est-ce|peut-on|faut-il|qué|por qué|cómo|cuándo|dónde|quién|quiénes|cuál|cuáles|"
    r"cuánto|cuánta|cuántos|cuántas|se puede|puedo|es|son)\b|"
    r"\b(là gì|tại sao|vì sao|có nên|bao nhiêu|như thế nào|thế nào|khi nào|ở đâu|có phải|bao lâu)\b")
FAQ_HEADING_MAX_CHARS = 80
QUESTION_MAX_CHARS = 250

# A label that opens a notice ("Disclaimer: ..."), in the languages finance sites use.
DISCLAIMER_LABEL = re.compile(
    r"\s*([\w'’.&-]+\s+){0,3}?(disclaimer|disclosures?|legal\s+disclaimer|risk\s+(warning|disclosure|disclaimer)|"
    r"important\s+(notice|information|disclosures?)|legal\s+notice|general\s+advice\s+warning|"
    r"sponsored(\s+content|\s+post)?|paid\s+(post|content)|partner\s+content|advertorial|"
    r"investment\s+disclaimer|haftungsausschluss|risikohinweis|wichtige\s+hinweise|conflicts?\s+of\s+interest|"
    r"(hinweise?\s+(auf|zu)\s+)?interessenkonflikte?n?|"
    r"rechtlicher\s+hinweis|avertissement|avis\s+de\s+non-responsabilité|clause\s+de\s+non-responsabilité|"
    r"descargo\s+de\s+responsabilidad|aviso\s+legal|advertencia|aviso\s+de\s+riesgo|"
    r"exención\s+de\s+responsabilidad|esclusione\s+di\s+responsabilità|"
    r"(tuyên\s+bố\s+)?miễn\s+trừ\s+trách\s+nhiệm|khuyến\s+cáo)\s*:", re.I)

# Article-level legal or commercial notices, by kind; matched case-insensitively on one text block.
_DISCLAIMER_PATTERNS = (
    DISCLAIMER_LABEL.pattern.replace("\\s*(", "^\\s*(", 1),
    # investment / advice
    r"\b(not|never)\s+(be\s+)?(intended\s+(as|to\s+be)|constitute|construed\s+as|considered|"
    r"meant\s+as|a\s+substitute\s+for)\s+(an?\s+|any\s+)?(form\s+of\s+)?(professional\s+)?"
    r"(investment|financial|legal|tax|medical)\s+advice",
    r"\bfor\s+(general\s+)?(informational|information|educational|reference)\s+(purposes\s+)?only\b",
    r"\b(is|are)\s+not\s+(intended\s+as\s+)?(an?\s+)?(investment|financial|trading)\s+(advice|recommendations?)\b",
    r"\b(this|it)\s+is\s+not\s+(an?\s+)?(investment|financial|trading)\s+advice\b",
    r"\b(does|do)\s+not\s+(contain|provide|offer|give)\s+(any\s+)?(investment|financial|trading)\s+advice\b",
    r"\b(does|do|shall|should)\s+not\s+(constitute|represent|be\s+(considered|construed\s+as|taken\s+as))\s+"
    r"(an?\s+|any\s+)?(form\s+of\s+)?(investment|financial|trading)\s+(advice|recommendations?)\b",
    r"\bnot\s+(an?\s+)?(recommendation|solicitation|offer)\s+to\s+(buy|sell|invest|trade)\b",
    r"\b(do|conduct)\s+(your|their)\s+own\s+(research|due\s+diligence)\b|\bdyor\b",
    r"\binvestors?\s+(need|needs|should|must)\s+(to\s+)?(consider|do\s+their\s+own|conduct\s+their\s+own)\b",
    r"\b(take|takes|bear|bears)\s+(full\s+|sole\s+)?responsibility\s+for\s+(all\s+)?(their|your|his|her)\s+"
    r"(own\s+)?(investment|trading|financial)\b",
    r"\bpast\s+performance\s+(is\s+(not|no)|isn't|does\s+not|doesn't)\b",
    r"\b(frühere|vergangene)\s+wertentwicklung(en)?\s+(ist|sind)\s+kein",
    r"\bperformances?\s+passées?\s+ne\s+(préjuge|préjugent|sont|constitue|garanti)",
    r"\brentabilidad(es)?\s+pasadas?\s+no\s+(garantiza|son|es)",
    r"\binvolves?\s+risks?,?\s+including\s+(the\s+)?(possible\s+)?loss\s+of\s+(principal|capital)",
    r"\bcarefully\s+consider\s+the\s+(fund|funds|etf|product)('s|s'|s)?\s+investment\s+objectives",
    r"\bgeneral\s+in\s+nature\b|\bdoes\s+not\s+take\s+into\s+account\s+your\s+(personal\s+)?"
    r"(objectives|circumstances|financial\s+situation)",
    r"\b(involves?|carr(y|ies)|entails?)\s+(an?\s+)?(high|significant|substantial|considerable)\s+(level\s+of\s+|degree\s+of\s+)?risks?\b",
    r"\b(high|significant)\s+risk\s+of\s+losing\s+(money|capital|your)\b",
    r"\bretail\s+investor\s+accounts\s+lose\s+money\b|\byour\s+capital\s+is\s+at\s+risk\b",
    r"\bsole\s+basis\s+(for|in|of)\s+((any|an|a|making|evaluating)\s+)*investment",
    r"\bstellt\s+(keine|in\s+keiner\s+weise\s+eine)\s+(anlageberatung|anlageempfehlung|finanzberatung)",
    r"\bkeine\s+(anlageberatung|anlageempfehlung|kauf-?\s*oder\s+verkaufsempfehlung)",
    r"\b(totalverlust|verlust\s+des\s+eingesetzten\s+kapitals)\b",
    r"\bne\s+constitue\s+(pas|en\s+aucun\s+cas)\s+(un\s+)?(conseil|une\s+recommandation)\s+"
    r"(en\s+investissement|financier|d'investissement|d’investissement)",
    r"\bà\s+titre\s+(informatif|d'information|d’information)\s+(uniquement|seulement)\b",
    r"\bno\s+constituye\s+(una\s+|ninguna\s+)?(recomendación|asesoramiento|oferta)\b",
    r"\b(carácter|fines|efectos)\s+(meramente\s+|exclusivamente\s+)?informativos?\b",
    r"\bno\s+es\s+(un\s+)?(asesoramiento|consejo)\s+(de\s+inversión|financiero)",
    r"\bnon\s+costituisce\s+(una\s+)?(sollecitazione|consulenza|raccomandazione)",
    r"\bgeen\s+(beleggings|financieel\s+)advies\b",
    r"\bmang\s+tính\s+(chất\s+)?tham\s+khảo\b",
    r"\bkhông\s+(phải\s+là|phải|là)\s+(lời\s+khuyên|khuyến\s+nghị|lời\s+mời)\b",
    r"\b(tự|không)\s+chịu\s+trách\s+nhiệm\b",
    # position disclosures
    r"\b(holds?|owns?|has|have|had)\s+(a\s+|no\s+)?(long\s+|short\s+|beneficial\s+)?positions?\s+in\b",
    r"\bno\s+(financial\s+)?positions?\s+in\s+(any|the)\s+(stocks?|securities|companies|shares)",
    r"\b(author|writer|analyst)s?\s+(owns?|holds?)\s+(shares|stock|units)\s+(of|in)\b",
    # ... said of the author (a company that "holds positions" in a story is not a disclosure)
    r"\b(authors?|writers?|analysts?|i|we)\b.{0,30}\b((do|does|did)\s+not\s+(own|hold)|(owns?|holds?)\s+no)\s+"
    r"(shares|stock|any\s+(shares|securities|positions?|stock)|a\s+position|positions?)\b",
    r"\b(verfasser|autor|autorin|autoren|redakteur|redakteurin)\b.{0,60}\b(hält|halten|hielt)\b.{0,60}\bpositionen?\b",
    r"\b(l'auteur|l’auteur|les\s+auteurs|le\s+rédacteur)\b.{0,40}\b(détient|détiennent|possède|possèdent)\b",
    r"\b(el\s+autor|la\s+autora|los\s+autores)\b.{0,40}\b(tiene|tienen|posee|poseen|mantiene)\s+"
    r"(posiciones|ninguna\s+posición|acciones)\b",
    # affiliate / commission
    r"\baffiliate\b.{0,40}\blinks?\b",
    r"\baffiliate\s+(commission|partnerships?|programs?|programmes?)\b",
    r"\b(may|might|will|could|can)\s+(earn|receive|get|make)\s+(a\s+|an\s+)?(small\s+|affiliate\s+)?"
    r"(share\s+of\s+)?(commission|compensation|revenue|fees?)\b",
    r"\bwe\s+(may\s+|might\s+)?(receive|earn|get)\s+(a\s+)?(compensation|commission)\b",
    r"\baffiliate-links?\b",
    r"\b(erhalten|bekommen)\s+wir\s+(ggf\.\s+|gegebenenfalls\s+)?(eine\s+)?(kleine\s+)?provision",
    r"\bliens?\s+(d'affiliation|d’affiliation|affiliés?)\b",
    r"\benlaces?\s+de\s+afiliad[oa]s?\b",
    r"\blink\s+di\s+affiliazione\b",
    # sponsored content
    r"\b(has\s+been|was|is|were|are)\s+(compensated|paid)\s+by\b",
    r"\bthis\s+(post|article|story|content|episode|podcast|video)\s+(is|was)\s+(sponsored|paid\s+for)\b",
    r"\b(podcast|episode|newsletter|series)\s+is\s+sponsored\s+by\b",
    r"\bsponsored\s+content\s+is\s+not\s+(written|produced)\b",
    r"\bproduced\s+in\s+partnership\s+with\b|\b(newsroom|editorial\s+(team|staff))\s+(was|were)\s+not\s+involved\b",
    r"\b(contenu|article)\s+sponsorisé\b",
    r"\bcontenido\s+patrocinado\b",
    # the author's own views
    r"\b(views|opinions)\b.{0,80}\bexpressed\b.{0,120}\b(are|is)\s+(solely\s+|entirely\s+)?"
    r"(those\s+of\s+the\s+authors?|the\s+authors?'?s?|(their|his|her|my)\s+own|own)\b",
    r"\b(opinions|views)\s+expressed\s+(are|is)\s+(solely\s+)?(those\s+of\s+the\s+authors?|(their|his|her)\s+own)",
    r"\ball\s+opinions\s+are\s+(mine|my\s+own|our\s+own|those\s+of\s+the\s+author)",
    r"\bdo\s+not\s+necessarily\s+(reflect|represent)\s+(the\s+)?(views|opinions|position)\b",
    r"^\s*ftc\s*:",
)
# Cheap first pass: every pattern above contains one of these stems.
DISCLAIMER_KEYWORDS = re.compile(
    r"advice|purposes|disclaimer|disclosure|haftungsausschluss|risikohinweis|rechtlich|avertissement|"
    r"descargo|aviso|advertencia|exención|responsab|miễn\s+trừ|khuyến|important\s+(notice|information)|"
    r"risk\s+(warning|disclosure|disclaimer)|investment|anlage|kauf|conseil|inversión|sollecitazione|"
    r"consulenza|raccomandazione|advies|position|affili|afiliad|commission|compensat|revenue|provision|"
    r"paid|sponsor|patrocinado|opinion|views|ftc|(reference|information)\s+(purposes\s+)?only|"
    r"to\s+(buy|sell|invest|trade)|(your|their)\s+own|dyor|interessenkonflikt|conflicts?\s+of\s+interest|investors?\s+(need|needs|should|must)|"
    r"past\s+performance|(high|significant|substantial|considerable)\s+(level\s+of\s+|degree\s+of\s+)?risk|"
    r"lose\s+money|at\s+risk|(owns?|holds?)\s+(shares|stock|units)|not\s+(own|hold)|(own|hold)s?\s+no\b|"
    r"totalverlust|eingesetzten|titre|asesoramiento|consejo|tham\s+khảo|khuyên|trách\s+nhiệm|"
    r"auteur|autor|verfasser|redakteur|sole\s+basis|wertentwicklung|performances?\s+pass|rentabilidad|"
    r"loss\s+of|carefully\s+consider|general\s+in\s+nature|take\s+into\s+account|informativ|\bfees?\b|advertorial|"
    r"partnership|not\s+involved|wichtige|legal\s+notice|recommendation|solicitation")
# Cheaper still, before the keywords: one literal word that every keyword above contains (a
# necessary condition, tested), matched as one prefix-sharing alternation (10x faster than the
# keywords' regex, which then runs on about one block in four).
DISCLAIMER_STEMS = (
    "advice", "purposes", "disclaimer", "disclosure", "haftungsausschluss", "risikohinweis", "rechtlich",
    "avertissement", "descargo", "aviso", "advertencia", "exención", "responsab", "miễn", "khuyến", "important",
    "risk", "invest", "anlage", "kauf", "conseil", "inversión", "sollecitazione", "consulenza",
    "raccomandazione", "advies", "position", "affili", "afiliad", "commission", "compensat", "revenue",
    "provision", "paid", "sponsor", "patrocinado", "opinion", "views", "ftc", "only", "buy", "sell", "trade",
    "own", "hold", "dyor", "interessenkonflikt", "conflict", "performance", "lose", "shares", "stock", "units",
    "totalverlust", "eingesetzten", "titre", "asesoramiento", "consejo", "tham", "khuyên", "trách", "auteur",
    "autor", "verfasser", "redakteur", "sole", "wertentwicklung", "rentabilidad", "loss", "carefully", "nature",
    "account", "informativ", "fee", "advertorial", "partnership", "involved", "wichtige", "legal",
    "recommendation", "solicitation",
)
DISCLAIMER_STEMS_PATTERN = literal_alternation(DISCLAIMER_STEMS)

# One alternation: a single regex pass per text block. The keyword and pattern regexes are matched
# on lowercased text (6x faster than re.I on these alternations).
DISCLAIMER_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in _DISCLAIMER_PATTERNS))
# A sentence that reports (a story about a regulator's disclaimer rules) is not a notice itself.
REPORTING_CUES = re.compile(
    r"\b(said|says|told|according\s+to|announced|stated|warned\s+that|argued|reported|wrote|"
    r"sagte|erklärte|teilte\s+mit|a\s+déclaré|selon|dijo|según|afirmó|cho\s+biết)\b")
# Quotation marks around reported wording; German opens with „ and may close with “.
QUOTE_PAIRS = (("“", "”"), ("«", "»"))
GERMAN_QUOTE_PAIRS = (("„", "“"), ("«", "»"), ("»", "«"))
# class/id substrings of an element that holds a notice, whatever its wording.
NOTICE_REGION_MARKERS = ("disclaimer", "disclosure", "risk-warning", "risk_warning", "riskwarning",
                         "legal-notice", "legalnotice", "haftungsausschluss", "risikohinweis", "mien-tru",
                         "mientru")
MARKED_NOTICE_MAX_CHARS = 1500
NOTICE_LABEL_MAX_CHARS = 60  # a label line alone: "Important disclosures", "Tuyên bố miễn trừ trách nhiệm"
NOTICE_SECTION_MAX_BLOCKS = 8  # paragraphs a labelled notice box holds (analyst certification, conflicts...)
MAX_NOTICE_MARKED_SHARE = 0.5  # of the page's text: more is a wrapper with an unlucky class name
DISCLAIMER_MAX_CHARS = 700
DISCLAIMER_MIN_CHARS = 15

# A line that is only one of these words, right after the headline, marks sponsored content.
SPONSOR_LABELS = frozenset({
    "anzeige", "werbung", "gesponsert", "sponsored", "sponsored content", "sponsored post",
    "advertorial", "paid content", "paid post", "partner content", "promoted", "publireportage",
    "contenu sponsorisé", "publicité", "contenido patrocinado", "patrocinado", "sponsorizzato",
    "contenuto sponsorizzato", "gesponsord", "betaalde inhoud", "annons", "reklame", "sponset",
})
SPONSOR_LABEL_WINDOW = 6  # blocks after the <h1> (standfirst, date, byline, share bar, label...)
# class/id words of an advert slot, whose own "Anzeige" label is not about the article.
AD_SLOT_TOKENS = frozenset({"ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot",
                            "adunit", "adbox", "banner", "dfp", "gpt", "werbung", "commercial"})

# A line that is only a template placeholder an ad or widget was meant to replace: $$ARTICLEAD$$,
# {{ad_slot}}, [[related]], %%BANNER%%.
TEMPLATE_PLACEHOLDER = re.compile(r"^\s*(\$\$|\{\{|\[\[|%%)\s*[\w.:-]+\s*(\$\$|\}\}|\]\]|%%)\s*$")
