"""Article metadata (outlet, date, URL, title), part of loading an article.

Three sources, later ones overriding earlier: HTML `<meta>` tags (Open Graph, Dublin Core,
`article:published_time`, `<link rel="canonical">`, `<title>`), Markdown YAML front matter
(`outlet:`, `date:`, `url:`, `title:`), and a `metadata.csv` beside the article, one row per
file (`file,outlet,date,url,title`). Dates become ISO dates (YYYY-MM-DD) when they parse."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

FIELDS = ("outlet", "date", "url", "title")
METADATA_FILE = "metadata.csv"

# names each field goes by, in order of preference
HTML_NAMES = {
    "outlet": ("og:site_name", "application-name", "publisher", "dc.publisher", "article:publisher", "twitter:site"),
    "date": ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
             "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date"),
    "url": ("og:url", "twitter:url", "dc.identifier"),
    "title": ("og:title", "twitter:title", "dc.title", "headline"),
}
FRONT_MATTER_NAMES = {"outlet": ("outlet", "publication", "publisher", "source", "site", "newspaper"),
                      "date": ("date", "published", "pubdate", "published_at"), "url": ("url", "link", "source_url"),
                      "title": ("title", "headline")}
CSV_FILE_COLUMNS = ("file", "filename", "path", "article")


@dataclass(frozen=True)
class ArticleMetadata:
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def merged(self, other: dict) -> ArticleMetadata:
        """These values, with every value `other` gives taking precedence."""
        values = self.as_dict()
        values.update({k: v for k, v in other.items() if k in FIELDS and v})
        return ArticleMetadata(**values)


def _clean(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD when the value reads as a date ("2024-06-11T09:30:00Z", "11 June 2024"), else as given."""
    if not value:
        return None
    import pandas as pd

    try:
        stamp = pd.to_datetime(value, utc=True, format="mixed")
    except (ValueError, TypeError, OverflowError):
        return value
    return value if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def from_html(page: str) -> dict:
    """Metadata in an HTML page's <head>: <meta> tags, the canonical link, <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page[:500_000], "html.parser")
    metas = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = _clean(tag.get("content"))
        if name and content:
            metas.setdefault(name, content)
    found = {field: next((metas[n] for n in names if n in metas), None) for field, names in HTML_NAMES.items()}
    if not found["url"]:
        link = soup.find("link", rel="canonical")
        found["url"] = _clean(link.get("href")) if link else None
    if not found["title"] and soup.title:
        found["title"] = _clean(soup.title.get_text())
    time_tag = soup.find("time", attrs={"datetime": True})
    if not found["date"] and time_tag:
        found["date"] = _clean(time_tag["datetime"])
    return _normalised(found)


def from_front_matter(body: str | None) -> dict:
    """Metadata in a Markdown file's YAML front matter (its text between the `---` lines)."""
    if not body:
        return {}
    import yaml

    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    data = {str(k).lower(): v for k, v in data.items()}
    found = {field: next((_clean(data[n]) for n in names if data.get(n) not in (None, "")), None)
             for field, names in FRONT_MATTER_NAMES.items()}
    return _normalised(found)


def from_metadata_csv(article_path: str | Path) -> dict:
    """The row for this file in `metadata.csv` beside it (matched by file name, or stem)."""
    path = Path(article_path)
    table = _metadata_rows(str(path.parent / METADATA_FILE))
    row = table.get(path.name.lower()) or table.get(path.stem.lower())
    return _normalised(row) if row else {}


def _metadata_rows(csv_path: str) -> dict:
    try:
        stamp = Path(csv_path).stat().st_mtime_ns
    except OSError:
        return {}
    return _read_rows(csv_path, stamp)


@lru_cache(maxsize=64)
def _read_rows(csv_path: str, stamp: int) -> dict:
    from .files import read_regular_file

    try:
        text = read_regular_file(Path(csv_path)).decode("utf-8-sig", errors="replace")
    except Exception:  # noqa: BLE001 - an unreadable metadata file never stops the analysis of the article
        return {}
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        row = {str(k).strip().lower(): v for k, v in row.items() if k}
        key = next((row[c] for c in CSV_FILE_COLUMNS if row.get(c)), None)
        if key:
            name = Path(key.strip()).name.lower()
            values = {f: _clean(row.get(f) or row.get({"outlet": "publication"}.get(f, f))) for f in FIELDS}
            rows[name] = values
            rows.setdefault(Path(name).stem, values)
    return rows


def _normalised(found: dict) -> dict:
    found = {k: _clean(v) for k, v in found.items() if k in FIELDS}
    if found.get("date"):
        found["date"] = iso_date(found["date"])
    return {k: v for k, v in found.items() if v}


def front_matter_body(text: str) -> str | None:
    """The YAML between the opening `---` lines of a Markdown text, if any."""
    match = re.match(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", text[:65_536], re.DOTALL | re.MULTILINE)
    return match.group("body") if match else None
