"""What body_html, body_markdown and the images add to extraction, per page, on the dev corpus.

    .venv/bin/python -m bench.extract_formats [--corpus ../shared/corpus/dev]

Goal (issue 16): median added time per page <= 3 ms. Prints, per page and as medians: the
extraction without the formats (parse + body/FAQ/disclaimer + metadata), then the added steps:
cutting the blocks out of the lxml tree, BeautifulSoup's cleaning of that fragment, its
serialisation, the Markdown conversion (ours, and markdownify's on the same soup when installed), the images. Also checks on
every page that body_html's text is the text body.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.extract_body import _pages
from scraper.extract import extract_document
from scraper.extract.body import extract_content
from scraper.extract.document import Document
from scraper.extract.formats import body_formats
from scraper.extract.html_output import clean_fragment, render_fragment, soup_html
from scraper.extract.images import body_images, lead_image
from scraper.extract.markdown import to_markdown
from scraper.extract.metadata import extract_authors, extract_dates, extract_language, extract_title


def _timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def _extraction_without_formats(doc: Document):
    content = extract_content(doc)
    extract_title(doc), extract_authors(doc), extract_dates(doc), extract_language(doc)
    return content


def measure(pages: list[tuple[str, bytes]]) -> dict[str, list[float]]:
    try:
        from markdownify import MarkdownConverter
    except ImportError:
        MarkdownConverter = None  # noqa: N806
    times: dict[str, list[float]] = {key: [] for key in (
        "parse", "extraction without formats", "formats (all added)", "  cut blocks (lxml)",
        "  BeautifulSoup clean", "  serialise body_html", "  markdown (ours)", "  images",
        "  markdownify (peer)")}
    for url, html in pages:
        doc, parse = _timed(Document.parse, html, url)
        content, extraction = _timed(_extraction_without_formats, doc)
        _, added = _timed(body_formats, doc, content)
        times["parse"].append(parse)
        times["extraction without formats"].append(extraction)
        times["formats (all added)"].append(added)
        # the same steps one by one
        kept = [block.element for block in content.blocks]
        images, image_time = _timed(body_images, content.container, kept, doc.url)
        lead_image(doc, images)
        if content.blocks:
            fragment, cut = _timed(render_fragment, content.blocks, images, content.container)
        else:
            fragment, cut = "".join(f"<p>{p}</p>" for p in content.body.split("\n\n")), 0.0
        soup, clean = _timed(clean_fragment, fragment, url)
        _, serialise = _timed(soup_html, soup)
        _, markdown = _timed(to_markdown, soup)
        times["  serialise body_html"].append(serialise)
        times["  cut blocks (lxml)"].append(cut)
        times["  BeautifulSoup clean"].append(clean)
        times["  markdown (ours)"].append(markdown)
        times["  images"].append(image_time)
        if MarkdownConverter is not None and soup is not None:
            _, peer = _timed(MarkdownConverter(heading_style="ATX").convert_soup, soup)
            times["  markdownify (peer)"].append(peer)
    return {key: values for key, values in times.items() if values}


def mismatches(pages: list[tuple[str, bytes]]) -> list[str]:
    """URLs whose body_html text is not the text body (must be none)."""
    from tests.extract.html_text import html_block_texts

    wrong = []
    for url, html in pages:
        article = extract_document(Document.parse(html, url))
        if "\n\n".join(html_block_texts(article.body_html)) != article.body:
            wrong.append(url)
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/dev")
    args = parser.parse_args()
    pages = _pages(args.corpus)
    measure(pages[:5])  # warm-up: imports, regex compilation
    times = measure(pages)
    base = statistics.median(times["extraction without formats"]) + statistics.median(times["parse"])
    print(f"{len(pages)} pages, per page: median / p90 ms (share of parse + extraction)")
    for name, values in times.items():
        median = statistics.median(values)
        p90 = sorted(values)[int(len(values) * 0.9)]
        print(f"  {name:30s} {median * 1000:6.2f} / {p90 * 1000:6.2f} ms  ({median / base:5.1%})")
    wrong = mismatches(pages)
    print(f"body_html text == body on {len(pages) - len(wrong)}/{len(pages)} pages" +
          (f"; differs: {', '.join(wrong[:5])}" if wrong else ""))


if __name__ == "__main__":
    main()
