"""newsvoices' HTML text extraction against trafilatura, on the pages in benchmarks/html_pages/.

    .venv/bin/python benchmarks/html_extract.py                      # newsvoices.html_text
    OTHER_VENV/bin/python benchmarks/html_extract.py --trafilatura   # trafilatura, in a venv that has it

For each page: how many of its body sentences the extracted text holds (recall) and how many
pieces of navigation, header, footer, aside or form text leak into it (boilerplate).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "html_pages"
BODY = {
    "01_divs.html": ["Dock workers voted on Tuesday", "We got the pay rise we asked for", "Nobody wanted this to go on",
                     "ships would start unloading again"],
    "02_loose_article.html": ["The council approved a budget on Monday", "This is the responsible choice",
                              "Opposition members said the cuts would hurt"],
    "03_paragraphs.html": ["A new flood wall along the river", "It will protect four thousand homes",
                           "We have never built anything this big", "The wall is 3 kilometres long", "Residents said they were relieved"],
    "04_sections.html": ["Negotiators returned to Geneva", "There is a real chance of a deal", "The last round broke down in March"],
    "05_table_layout.html": ["last paper mill will close in June", "We tried everything to keep it open", "About 300 people work at the mill"],
}
BOILERPLATE = ["Sport", "Privacy", "Weather", "Read more", "Leave a comment", "Contact us", "Most read", "Subscribe",
               "Menu", "Share on social media", "tracker"]


def extract(html: str, use_trafilatura: bool) -> str:
    if use_trafilatura:
        import trafilatura

        return trafilatura.extract(html, include_comments=False, favor_recall=True) or ""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
    from newsvoices.html_text import html_to_text

    return html_to_text(html)[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trafilatura", action="store_true")
    args = parser.parse_args()
    found = total = leaks = 0
    for name, sentences in BODY.items():
        text = extract((PAGES / name).read_text(encoding="utf-8"), args.trafilatura)
        hits = sum(s in text for s in sentences)
        leaked = [b for b in BOILERPLATE if b in text]
        found, total, leaks = found + hits, total + len(sentences), leaks + len(leaked)
        print(f"{name}: {hits}/{len(sentences)} body sentences; boilerplate: {', '.join(leaked) or 'none'}")
    print(f"{'trafilatura' if args.trafilatura else 'newsvoices'}: {found}/{total} body sentences, {leaks} boilerplate leaks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
