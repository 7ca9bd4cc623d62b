"""FAQ and disclaimer separation, on small hand-made pages: each rule and a negative case."""

from __future__ import annotations

import json

import pytest

from scraper.extract import FaqEntry, extract
from scraper.extract.notices import is_disclaimer_text

from .test_body import PARAGRAPHS, URL, _paragraphs, page

QUESTIONS = [("How hot do heated airers get?", "Around 60C, and a cover keeps the temperature constant."),
             ("Can you leave them on overnight?", "Makers advise against it, but most have timers.")]


def test_faq_from_json_ld_is_separated_and_its_visible_copy_leaves_the_body():
    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": f"<p>{a}</p>"}}
        for q, a in QUESTIONS]}
    visible = "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in QUESTIONS)
    html = page(f"<article>{_paragraphs()}{visible}</article>").replace(
        "<head>", f'<head><script type="application/ld+json">{json.dumps(data)}</script>')
    article = extract(html, URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("faq_html", [
    "<h2>Heated airer FAQ</h2>" + "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in QUESTIONS),
    "<h2>Frequently asked questions</h2><dl>" + "".join(f"<dt>{q}</dt><dd>{a}</dd>" for q, a in QUESTIONS)
    + "</dl>",
    "<section><h2>Häufig gestellte Fragen</h2></section><div>" + "".join(
        f"<details><summary>{q}</summary><p>{a}</p></details>" for q, a in QUESTIONS) + "</div>",
    "<p><strong>FAQs</strong></p>" + "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in QUESTIONS),
], ids=["h2-questions", "definition-list", "german-details", "bold-lines"])
def test_visible_faq_pairs_are_separated_from_the_body(faq_html):
    article = extract(page(f"<article>{_paragraphs()}{faq_html}<hr><p>Shop the latest deals</p></article>"),
                      URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.body.startswith("\n\n".join(PARAGRAPHS))
    assert "How hot" not in article.body and "Around 60C" not in article.body


def test_multi_paragraph_answer_is_joined_and_section_ends_at_a_plain_heading():
    faq = ("<h2>FAQ</h2><h3>How long does drying take?</h3><p>Four or five hours for cotton.</p>"
           "<p>Over ten hours for jumpers.</p><h2>Our verdict</h2><p>Buy the cheapest model that has a cover.</p>")
    article = extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL)
    assert article.faq == [FaqEntry("How long does drying take?",
                                    "Four or five hours for cotton.\n\nOver ten hours for jumpers.")]
    assert article.body.endswith("Our verdict\n\nBuy the cheapest model that has a cover.")


def test_faq_link_in_site_navigation_is_not_an_faq():
    html = page(f"<article>{_paragraphs()}</article>").replace(
        "<footer>", "<footer><h3><a href='/faq'>FAQ</a></h3><p>Why register?</p><p>To comment.</p>")
    assert extract(html, URL).faq == []


def test_article_written_as_questions_without_faq_heading_is_body():
    qa = "".join(f"<h2>{q}</h2><p>{a}</p>" for q, a in QUESTIONS)
    article = extract(page(f"<article>{_paragraphs()}{qa}</article>"), URL)
    assert article.faq == []
    assert QUESTIONS[0][0] in article.body


NOTICES = [
    "Disclaimer: The views and investment tips expressed by experts are their own. Check with certified "
    "experts before taking any investment decisions.",
    "This article does not constitute investment advice.",
    "The author holds a long position in Apple shares.",
    "When you purchase through links on our site, we may earn an affiliate commission.",
    "This post may contain affiliate and/or referral links. Please see my disclosure page.",
    "This shop has been compensated by the brand and its advertiser. All opinions are mine alone.",
    "Opinions expressed by our contributors are their own.",
    "In diesem Artikel sind Affiliate-Links enthalten. Bei einem Kauf erhalten wir eine kleine Provision.",
    "Cet article contient des liens affiliés.",
    "FTC: We use income earning auto affiliate links. More.",
    "This article is for information only and is not investment advice.",
    "The content above should not be considered financial advice or a recommendation to buy any security.",
    "Dieser Artikel dient ausschließlich der Information und stellt keine Anlageberatung dar.",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_disclaimer_is_separated_from_the_body(notice):
    article = extract(page(f"<article>{_paragraphs()}<p>{notice}</p></article>"), URL)
    assert article.disclaimer == notice
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_notice_above_the_headline_and_hidden_tooltip_notice_are_found():
    above = '<div class="affiliate-note">We may earn a commission when you buy through our links.</div>'
    tooltip = '<span style="display:none">Views expressed are solely those of the author.</span>'
    article = extract(page(f"<article>{_paragraphs()}{tooltip}</article>", before=above), URL)
    assert article.disclaimer == ("We may earn a commission when you buy through our links.\n\n"
                                  "Views expressed are solely those of the author.")


@pytest.mark.parametrize("not_a_notice", [
    "© 2024 Example News. All rights reserved.",
    "Correction: an earlier version of this story misstated the rate.",
    "Photo: Reuters",
    "The regulator said the fund had given investment advice without a licence for three years.",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Analysts said the rally is not a recommendation to buy every dip, and warned of more volatility.",
])
def test_ordinary_lines_are_not_disclaimers(not_a_notice):
    assert not is_disclaimer_text(not_a_notice)


def test_site_footer_notice_is_not_an_article_disclaimer():
    html = page(f"<article>{_paragraphs()}</article>").replace(
        "<footer>", "<footer><p>Nothing on this site constitutes investment advice.</p>")
    assert extract(html, URL).disclaimer is None


def test_article_footer_notice_is_an_article_disclaimer():
    notice = "If you click on a link and make a purchase we may receive a small commission."
    html = page(f"<article>{_paragraphs()}<footer><p>{notice}</p></footer></article>")
    assert extract(html, URL).disclaimer == notice


def test_sponsor_label_by_the_headline_marks_the_article():
    html = page(f"<article><div class='meta'>Anzeige</div>{_paragraphs()}</article>")
    assert extract(html, URL).disclaimer == "Anzeige"


def test_advert_slot_label_inside_the_body_is_not_a_disclaimer():
    middle = "<div class='ad-slot'><span>Anzeige</span></div>"
    html = page(f"<article>{_paragraphs(PARAGRAPHS[:2])}{middle}{_paragraphs(PARAGRAPHS[2:])}</article>")
    assert extract(html, URL).disclaimer is None


def test_bold_question_with_its_answer_in_the_same_paragraph():
    faq = "<h2>FAQ</h2>" + "".join(f"<p><strong>{q}</strong> {a}</p>" for q, a in QUESTIONS)
    article = extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]


def test_numbering_and_q_a_labels_are_not_part_of_the_pairs():
    faq = "<h2>FAQ</h2>" + "".join(f"<h3>{n}. {q}</h3><p>A: {a}</p>" for n, (q, a) in enumerate(QUESTIONS, 1))
    assert extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL).faq == [
        FaqEntry(q, a) for q, a in QUESTIONS]


def test_collapsed_accordion_answers_are_read():
    faq = "<h2>FAQs</h2>" + "".join(f'<button>x</button><h3>{q}</h3><div style="display:none"><p>{a}</p></div>'
                                    for q, a in QUESTIONS)
    assert extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL).faq == [
        FaqEntry(q, a) for q, a in QUESTIONS]


def test_notice_after_the_faq_ends_the_last_answer():
    notice = "This article is for informational purposes only and is not investment advice."
    faq = "<h2>FAQ</h2>" + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in QUESTIONS) + f"<p>{notice}</p>"
    article = extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.disclaimer == notice


def test_faq_in_a_help_box_inside_the_article_is_not_the_articles():
    box = "<div class='help-box'><h4>FAQ</h4>" + "".join(f"<p>{q}</p><p>{a}</p>" for q, a in QUESTIONS) + "</div>"
    assert extract(page(f"<article>{_paragraphs()}{box}</article>"), URL).faq == []


def test_microdata_faq_is_read_once():
    items = "".join(
        f'<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">{q}</h3>'
        f'<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">'
        f'<div itemprop="text"><p>{a}</p></div></div></div>' for q, a in QUESTIONS)
    faq = f'<h2>FAQ</h2><div itemscope itemtype="https://schema.org/FAQPage">{items}</div>'
    article = extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("notice", [
    "All information on our website is for general reference only, investors need to consider and take "
    "responsibility for all their investment actions.",
    "Past performance is not a reliable indicator of future results.",
    "Always do your own research before buying any cryptocurrency.",
    "Trading CFDs carries a high level of risk and may not be suitable for all investors.",
    "Thông tin trong bài viết chỉ mang tính chất tham khảo, không phải là lời khuyên đầu tư.",
    "Risikohinweis: Der Handel mit Kryptowährungen kann zum Totalverlust führen.",
    "Aviso legal: este contenido no constituye asesoramiento de inversión.",
    "Les informations sont fournies à titre informatif uniquement.",
    "The views expressed here do not necessarily reflect the views of the publisher.",
    "The author or authors do not own shares in any securities mentioned in this article.",
    "Der Verfasser hält zum Zeitpunkt der Veröffentlichung keine Positionen in der Aktie.",
    "L'auteur ne détient aucune position sur les titres cités.",
    "El autor no tiene posiciones en las compañías mencionadas.",
    "Ratings should not be used as the sole basis in evaluating an investment product.",
    "Analyst's Disclosure: I am long NVDA.",
    "This article does not contain investment advice. Readers should conduct their own research.",
    "Hinweis auf Interessenkonflikte: Der Herausgeber hält Aktien der besprochenen Gesellschaft.",
])
def test_notice_wordings(notice):
    assert is_disclaimer_text(notice)


def test_a_story_about_disclaimer_rules_is_not_a_notice():
    assert not is_disclaimer_text("The regulator said firms must show that past performance is not a "
                                  "reliable indicator of future results more prominently.")
    assert is_disclaimer_text("Disclaimer: as the regulator said, this is not investment advice.")


def test_notice_marked_by_its_class_and_its_label_line_are_taken_whole():
    box = ("<div class='article-disclaimer'><h4>Disclaimer</h4><p>Figures are compiled from sources "
           "believed reliable, but accuracy is not guaranteed.</p></div>")
    article = extract(page(f"<article>{_paragraphs()}{box}</article>"), URL)
    assert article.disclaimer == ("Disclaimer\n\nFigures are compiled from sources believed reliable, "
                                  "but accuracy is not guaranteed.")
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_fine_print_of_a_newsletter_form_is_not_a_disclaimer():
    form = ("<div class='newsletter-signup'><form><p class='form-disclaimer'>By signing up you consent to "
            "receive our newsletter and accept the privacy policy.</p></form></div>")
    assert extract(page(f"<article>{_paragraphs()}{form}</article>"), URL).disclaimer is None


def test_comment_thread_notice_inside_the_article_is_not_the_articles():
    thread = ("<section class='comments'><p class='disclaimer'>Comments do not reflect the views of the "
              "editors; we reserve the right to remove them.</p></section>")
    assert extract(page(f"<article>{_paragraphs()}{thread}</article>"), URL).disclaimer is None


def test_faq_block_marked_by_its_class_needs_no_heading():
    items = "".join(f'<div class="schema-faq-section"><strong class="schema-faq-question">{q}</strong> '
                    f'<p class="schema-faq-answer">{a}</p></div>' for q, a in QUESTIONS)
    article = extract(page(f'<article>{_paragraphs()}<div class="schema-faq wp-block-yoast-faq-block">{items}</div>'
                           "</article>"), URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_a_wrapper_whose_class_mentions_disclosure_does_not_make_the_story_a_notice():
    html = page(f"<article><div class='story disclosure-wrap'>{_paragraphs()}</div></article>")
    article = extract(html, URL)
    assert article.disclaimer is None
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_sub_headings_worded_as_questions_without_the_mark_are_questions_under_an_faq_heading():
    faq = "<h2>FAQ</h2>" + "".join(f"<h3>{q.rstrip('?')}</h3><p>{a}</p>" for q, a in QUESTIONS)
    article = extract(page(f"<article>{_paragraphs()}{faq}<h3>Our verdict</h3><p>Buy one.</p></article>"), URL)
    assert article.faq == [FaqEntry(q.rstrip("?"), a) for q, a in QUESTIONS]
    assert article.body.endswith("Our verdict\n\nBuy one.")


def test_an_faq_with_question_marks_ends_at_an_unmarked_how_heading():
    faq = "<h2>FAQ</h2>" + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in QUESTIONS)
    article = extract(page(f"<article>{_paragraphs()}{faq}<h3>How we tested</h3><p>We dried towels.</p></article>"),
                      URL)
    assert article.faq == [FaqEntry(q, a) for q, a in QUESTIONS]
    assert article.body.endswith("How we tested\n\nWe dried towels.")


def test_notice_wording_quoted_in_a_story_is_not_a_notice():
    assert not is_disclaimer_text('Under the rule, a line such as "we may earn a commission" is not enough.')
    assert not is_disclaimer_text("Le juge a cité la mention « ne constitue pas un conseil en investissement ».")


def test_a_headline_about_disclosures_is_not_a_notice():
    html = page(f"<article><h2>Court upholds rule on affiliate links disclosures</h2>{_paragraphs()}</article>")
    assert extract(html, URL).disclaimer is None


def test_a_notice_label_heading_takes_its_whole_section():
    box = ("<h4>Important disclosures</h4><p>The analysts certify that the views expressed reflect their "
           "personal views.</p><p>The firm has received fees for banking services from the company.</p>")
    article = extract(page(f"<article>{_paragraphs()}{box}</article>"), URL)
    assert article.disclaimer == ("Important disclosures\n\nThe analysts certify that the views expressed reflect "
                                  "their personal views.\n\nThe firm has received fees for banking services from "
                                  "the company.")
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_accordion_trigger_buttons_carry_the_questions():
    faq = "<h2>FAQ</h2>" + "".join(
        f'<div><button aria-expanded="false" aria-controls="p{n}"><span>{q}</span><svg></svg></button>'
        f'<div id="p{n}"><p>{a}</p></div></div>' for n, (q, a) in enumerate(QUESTIONS))
    assert extract(page(f"<article>{_paragraphs()}{faq}</article>"), URL).faq == [
        FaqEntry(q, a) for q, a in QUESTIONS]


def test_every_text_the_disclaimer_keywords_match_holds_a_stem():
    # DISCLAIMER_STEMS is the cheap first pass before DISCLAIMER_KEYWORDS: it must never reject what
    # the keywords would accept. Checked on every block of the fixture pages and on each keyword.
    from pathlib import Path

    from scraper.extract.blocks import iter_blocks
    from scraper.extract.document import Document
    from scraper.extract.rules import DISCLAIMER_KEYWORDS, DISCLAIMER_STEMS_PATTERN

    fixtures = Path(__file__).parent / "fixtures" / "sections"
    texts = [block.text.lower() for page in sorted(fixtures.glob("*.html"))
             for block in iter_blocks(Document.parse(page.read_bytes(), "https://example.com/").root, keep_hidden=True)]
    texts += ["to sell", "your own", "not own", "hold no", "owns shares", "high risk", "loss of", "fees",
              "miễn trừ", "tham khảo", "trách nhiệm", "information only", "conflict of interest"]
    accepted = [text for text in texts if DISCLAIMER_KEYWORDS.search(text)]
    assert accepted and all(DISCLAIMER_STEMS_PATTERN.search(text) for text in accepted)
