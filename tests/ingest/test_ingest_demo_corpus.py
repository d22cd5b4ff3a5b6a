"""The bundled demo corpus ingests cleanly and keeps its documented shape and licence notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter

from emberwatch.ingest import ingest
from emberwatch.ingest.language import detect_language
from emberwatch.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "demo-corpus"


def test_demo_corpus_ingests_without_failures(store: Store) -> None:
    report = ingest(store, [str(CORPUS)])
    assert report.ok and report.skipped == 0 and report.added > 50
    languages = dict(store.execute("SELECT language, count(*) FROM documents GROUP BY 1").fetchall())
    assert languages["en"] >= 40 and languages["ar"] >= 20
    paths = [json.loads(m)["path"] for (m,) in store.execute("SELECT metadata FROM documents").fetchall()]
    assert not any(Path(p).name.startswith(("README", "NOTICE")) for p in paths)
    assert store.execute("SELECT count(*) FROM documents WHERE published IS NULL").fetchone() == (0,)
    assert ingest(store, [str(CORPUS)]).added == 0


def test_demo_corpus_reports_are_marked_and_sized() -> None:
    reports = sorted((CORPUS / "reports").glob("*/*.md"))
    assert len([p for p in reports if p.parent.name == "en"]) >= 20
    assert len([p for p in reports if p.parent.name == "ar"]) >= 20
    for path in reports:
        post = frontmatter.load(path)
        assert post["illustrative"] is True and post["source"] == "emberwatch illustrative report", path
        assert post["language"] == path.parent.name and post["title"] and post["published"], path
        assert 80 <= len(post.content.split()) <= 200, path


def test_demo_corpus_has_parallel_translations() -> None:
    english = {p.stem for p in (CORPUS / "reports" / "en").glob("*.md")}
    arabic = {p.stem for p in (CORPUS / "reports" / "ar").glob("*.md")}
    assert len(english & arabic) >= 10
    for stem in english & arabic:
        post = frontmatter.load(CORPUS / "reports" / "ar" / f"{stem}.md")
        assert post["translation_of"] == f"en/{stem}.md"


def test_demo_corpus_notice_attributes_every_article() -> None:
    notice = (CORPUS / "NOTICE.md").read_text(encoding="utf-8")
    assert "CC BY-SA" in notice and "Wikipedia contributors" in notice and "front-lines-org/website" in notice
    articles = sorted((CORPUS / "wikipedia").glob("*.md"))
    assert len(articles) >= 16 and (CORPUS / "wikipedia" / "eastern_syria_insurgency.md") in articles
    for path in articles:
        subject = re.search(r"^subject: (.+)$", path.read_text(encoding="utf-8"), re.M)
        assert subject and f"`wikipedia/{path.name}` | {subject.group(1).strip()} |" in notice
    assert sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file()) < 2_500_000


def test_demo_corpus_detected_language_matches_declared() -> None:
    for path in sorted(CORPUS.rglob("*.md")):
        if path.name in {"README.md", "NOTICE.md"}:
            continue
        post = frontmatter.load(path)
        assert detect_language(post.content).value == post.get("language", "en"), path
