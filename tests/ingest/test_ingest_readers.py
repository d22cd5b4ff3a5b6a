"""Every input format, read through ``ingest()`` into a real DuckDB store."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from emberwatch.ingest import IngestOptions, IngestReport, InputStatus, ingest, options_from
from emberwatch.models import Language
from emberwatch.store import Store
from tests.ingest.conftest import LocalSite, Route

EN_TEXT = "Gunmen on motorbikes attacked a checkpoint near Hawija on Monday night, killing two soldiers."
AR_TEXT = "هاجم مسلحون يستقلون دراجات نارية حاجزا قرب الحويجة ليل الاثنين وقتلوا جنديين."


def docs(store: Store) -> list[dict[str, object]]:
    frame = store.query_df(
        "SELECT id, source, url, title, published, language, text, metadata "
        "FROM documents ORDER BY source, id"
    )
    rows = frame.to_dict("records")
    for row in rows:
        row["metadata"] = json.loads(row["metadata"])
        row["published"] = None if pd.isna(row["published"]) else row["published"].date()
    return rows


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run(store: Store, *inputs: Path | str, **options: object) -> IngestReport:
    return ingest(store, [str(i) for i in inputs], options_from(**options))


# ---------------------------------------------------------------------------- text and markdown


def test_readers_text_file_title_from_first_line(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "r.txt", f"Checkpoint attack near Hawija\r\n\r\n{EN_TEXT}\n")
    report = run(store, path)
    assert report.added == 1 and report.ok
    (doc,) = docs(store)
    assert doc["title"] == "Checkpoint attack near Hawija"
    assert doc["text"] == f"Checkpoint attack near Hawija\n\n{EN_TEXT}"
    assert doc["language"] == "en" and doc["source"] == str(path)
    assert doc["metadata"] == {"path": str(path), "reader": "text"}


def test_readers_markdown_front_matter(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "r.md", f"""---
title: Ambush in the Badia
published: 2022-04-05
source: Example Wire
url: https://example.org/ambush
language: ar
illustrative: true
tags: [a, b]
---
{AR_TEXT}
""")  # fmt: skip
    run(store, path)
    (doc,) = docs(store)
    assert doc["title"] == "Ambush in the Badia" and doc["published"] == date(2022, 4, 5)
    assert doc["source"] == "Example Wire" and doc["url"] == "https://example.org/ambush"
    assert doc["language"] == "ar" and doc["text"] == AR_TEXT
    assert doc["metadata"]["illustrative"] == "true" and "tags" not in doc["metadata"]
    assert doc["metadata"]["path"] == str(path)


def test_readers_markdown_wikipedia_style_keys(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "w.md", f"""---
subject: Some insurgency
author: Wikipedia
pubDate: 2023-10-12 14:10
date:
  - 11 October 2017 – present
---
{EN_TEXT}
""")  # fmt: skip
    report = run(store, path)
    (doc,) = docs(store)
    assert doc["title"] == "Some insurgency" and doc["published"] == date(2023, 10, 12)
    assert doc["metadata"]["author"] == "Wikipedia" and report.results[0].warnings == []


def test_readers_markdown_invalid_front_matter_fails(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nbody text here\n")
    report = run(store, path)
    assert report.failed == 1 and "invalid YAML front matter" in (report.results[0].reason or "")


# ---------------------------------------------------------------------------- html and pdf

HTML = f"""<!doctype html><html><head><title>Checkpoint attack | Example News</title>
<meta property="og:title" content="Checkpoint attack near Hawija">
<meta name="date" content="2021-03-04"><link rel="canonical" href="https://news.example.org/a1">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Checkpoint attack near Hawija</h1><p>{EN_TEXT}</p>
<p>No group claimed the attack, but officials blamed Islamic State remnants hiding in the Hamrin hills.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_readers_html_article_and_metadata(store: Store, tmp_path: Path) -> None:
    run(store, write(tmp_path, "page.html", HTML))
    (doc,) = docs(store)
    assert EN_TEXT in doc["text"] and "Home" not in doc["text"] and "Copyright" not in doc["text"]
    assert doc["title"] == "Checkpoint attack near Hawija"
    assert doc["published"] == date(2021, 3, 4) and doc["url"] == "https://news.example.org/a1"


def test_readers_html_without_text_fails(store: Store, tmp_path: Path) -> None:
    report = run(
        store,
        write(
            tmp_path,
            "empty.htm",
            "<html><head><title>T</title></head><body><script>var a = 1;</script></body></html>",
        ),
    )
    assert report.failed == 1 and "no article text" in (report.results[0].reason or "")


def test_readers_pdf_text_layer(store: Store, tmp_path: Path, make_pdf: Callable[..., bytes]) -> None:
    pdf = make_pdf(["Gunmen attacked a checkpoint near Hawija on Monday.", "Two soldiers were killed."],
                   title="Checkpoint attack")  # fmt: skip
    run(store, write(tmp_path, "r.pdf", pdf))
    (doc,) = docs(store)
    assert doc["text"] == "Gunmen attacked a checkpoint near Hawija on Monday.\nTwo soldiers were killed."
    assert doc["title"] == "Checkpoint attack" and doc["published"] == date(2022, 3, 15)
    assert doc["metadata"]["pages"] == "1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"%PDF-1.4\nthis is not really a pdf", "cannot read PDF"), (b"hello", "not a PDF")],
)
def test_readers_pdf_broken_fails(store: Store, tmp_path: Path, content: bytes, reason: str) -> None:
    report = run(store, write(tmp_path, "broken.pdf", content))
    assert report.failed == 1 and reason in (report.results[0].reason or "")


def test_readers_pdf_without_text_layer_fails(
    store: Store, tmp_path: Path, make_pdf: Callable[..., bytes]
) -> None:
    report = run(store, write(tmp_path, "scan.pdf", make_pdf([])))
    assert report.failed == 1 and "no text layer" in (report.results[0].reason or "")


# ---------------------------------------------------------------------------- jsonl and csv


def test_readers_jsonl_mapping_and_bad_line(store: Store, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": EN_TEXT, "title": "One", "published": "2020-02-03", "url": "https://x.org/1",
                    "source": "Wire A", "desk": "Iraq"}),
        '{"id": "a2", "text": "broken',
        json.dumps({"id": "a3", "text": AR_TEXT, "language": "ar", "published": "not a date"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a5", "body": "no text key"}),
        "",
    ]  # fmt: skip
    path = write(tmp_path, "export.jsonl", "\n".join(lines))
    report = run(store, path)
    assert report.added == 2 and not report.ok
    failed = {r.location: r.reason for r in report.failures}
    assert set(failed) == {"line 2", "line 4", "line 5"}
    assert "invalid JSON" in failed["line 2"] and "expected a JSON object" in failed["line 4"]
    assert "--text-field" in (failed["line 5"] or "")
    first, second = sorted(docs(store), key=lambda d: d["metadata"]["location"])
    assert first["title"] == "One" and first["published"] == date(2020, 2, 3) and first["source"] == "Wire A"
    assert first["metadata"]["external_id"] == "a1" and first["metadata"]["desk"] == "Iraq"
    assert second["language"] == "ar" and second["published"] is None
    assert any("unreadable date" in w for w in report.results[0].warnings)


def test_readers_jsonl_custom_fields(store: Store, tmp_path: Path) -> None:
    row = {"body": EN_TEXT, "headline": "H", "when": "2021-06-07", "link": "https://x.org/h"}
    path = write(tmp_path, "custom.ndjson", json.dumps(row) + "\n")
    run(store, path, text_field="body", title_field="headline", date_field="when", url_field="link")
    (doc,) = docs(store)
    assert (doc["title"], doc["published"], doc["url"]) == ("H", date(2021, 6, 7), "https://x.org/h")


def test_readers_csv_mapping(store: Store, tmp_path: Path) -> None:
    content = (
        "id,title,published,text,language\n"
        f'1,First,2019-11-02,"{EN_TEXT}",en\n'
        f'2,Second,03/04/2020,"{AR_TEXT}",\n'
        "3,Empty,2020-01-01,,\n"
    )
    report = run(store, write(tmp_path, "rows.csv", content))
    assert report.added == 2
    assert [(r.location, r.status) for r in report.failures] == [("line 4", InputStatus.failed)]
    by_title = {d["title"]: d for d in docs(store)}
    assert by_title["First"]["published"] == date(2019, 11, 2)
    assert by_title["Second"]["published"] == date(2020, 4, 3) and by_title["Second"]["language"] == "ar"


def test_readers_csv_missing_text_column(store: Store, tmp_path: Path) -> None:
    report = run(store, write(tmp_path, "rows.csv", "id,body\n1,hello\n"))
    assert report.failed == 1 and "no 'text' column (columns: id, body)" in (report.results[0].reason or "")


# ---------------------------------------------------------------------------- feeds

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org</link>
<item><title>Ambush in the desert</title><link>https://wire.example.org/1</link>
<guid>w-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{EN_TEXT}&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>كمين</title><link>https://wire.example.org/2</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>{AR_TEXT}</description></item>
<item><title>Empty</title><link>https://wire.example.org/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id>
<updated>2023-01-01T00:00:00Z</updated>
<entry><title>Cell arrested</title><id>urn:x:1</id><link href="https://atom.example.org/1"/>
<updated>2023-01-02T09:00:00Z</updated><content type="html">&lt;p&gt;{EN_TEXT}&lt;/p&gt;</content></entry>
</feed>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>"""


def test_readers_rss_feed_entries(store: Store, tmp_path: Path) -> None:
    report = run(store, write(tmp_path, "wire.rss", RSS))
    assert report.added == 2 and [r.location for r in report.failures] == ["entry 3"]
    by_title = {d["title"]: d for d in docs(store)}
    first = by_title["Ambush in the desert"]
    assert first["text"] == f"{EN_TEXT}\nSecond paragraph." and first["published"] == date(2024, 3, 5)
    assert first["url"] == "https://wire.example.org/1" and first["source"] == "Example Wire"
    assert first["metadata"]["external_id"] == "w-1"
    assert by_title["كمين"]["language"] == "ar"


def test_readers_atom_feed(store: Store, tmp_path: Path) -> None:
    run(store, write(tmp_path, "atom.xml", ATOM))
    (doc,) = docs(store)
    assert doc["title"] == "Cell arrested" and doc["published"] == date(2023, 1, 2)
    assert doc["url"] == "https://atom.example.org/1" and doc["text"] == EN_TEXT


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (BILLION_LAUGHS, "declares entities"),
        ("<rss><channel><item><title>unclosed</channel></rss>", "malformed XML"),
        ("<?xml version='1.0'?><inventory><item>3</item></inventory>", "not an RSS or Atom feed"),
        ("", "empty file"),
    ],
)
def test_readers_bad_feeds_fail_fast(store: Store, tmp_path: Path, content: str, reason: str) -> None:
    started = time.perf_counter()
    report = run(store, write(tmp_path, "bad.xml", content))
    assert time.perf_counter() - started < 5
    assert report.failed == 1 and reason in (report.results[0].reason or "")
    assert store.count("documents") == 0


# ---------------------------------------------------------------------------- URLs and URL lists


def test_readers_urls_and_url_lists(store: Store, tmp_path: Path, local_site: LocalSite) -> None:
    local_site.routes["/article"] = Route(HTML.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    local_site.routes["/feed"] = Route(RSS.encode(), headers={"Content-Type": "application/rss+xml"})
    note = "أعلنت السلطات اعتقال خلية نائمة في الرقة."
    local_site.routes["/note.txt"] = Route(note.encode(), headers={"Content-Type": "text/plain"})
    url_list = write(tmp_path, "list.urls", f"# reading list\n{local_site.url('/feed')}\n\nnot a url\n")
    txt_list = write(tmp_path, "more.txt", f"{local_site.url('/note.txt')}\n{local_site.url('/missing')}\n")
    report = run(store, local_site.url("/article"), url_list, txt_list, allow_private=True)
    assert report.added == 4
    failed = {r.label: r.reason for r in report.failures}
    assert set(failed) == {
        f"{url_list} (line 4)",
        local_site.url("/missing"),
        f"{local_site.url('/feed')} (entry 3)",
    }
    assert "HTTP 404" in (failed[local_site.url("/missing")] or "")
    article = next(d for d in docs(store) if d["source"] == local_site.url("/article"))
    assert (
        article["metadata"]["fetched_url"] == local_site.url("/article")
        and article["metadata"]["reader"] == "html"
    )


def test_readers_url_refused_without_allow_private(store: Store, local_site: LocalSite) -> None:
    local_site.routes["/article"] = Route(HTML.encode(), headers={"Content-Type": "text/html"})
    report = ingest(store, [local_site.url("/article")], IngestOptions())
    assert report.failed == 1 and "--allow-private" in (report.results[0].reason or "")
    assert local_site.hits == [] and store.count("documents") == 0


def test_readers_forced_language_and_default_date(store: Store, tmp_path: Path) -> None:
    run(store, write(tmp_path, "x.txt", EN_TEXT), language=Language.other, published=date(2020, 1, 1))
    (doc,) = docs(store)
    assert doc["language"] == "other" and doc["published"] == date(2020, 1, 1)
