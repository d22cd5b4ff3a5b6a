"""Near-duplicate documents: wire copies found across sources, Arabic folded, idempotent."""

from __future__ import annotations

from datetime import date, datetime

from emberwatch.consolidate.near_duplicates import mark_near_duplicates, shingles
from emberwatch.models import Document, Language
from emberwatch.store import Store
from emberwatch.store.documents import insert_documents

STORY = (
    "Militants attacked a military checkpoint near the desert town on Saturday, killing an officer and ten "
    "soldiers, the army spokesman said in a statement, adding that the attackers fled towards the border."
)
ARABIC = (
    "هاجم مسلحون نقطة تفتيش عسكرية قرب البلدة الصحراوية يوم السبت ما أسفر عن مقتل ضابط وعشرة جنود بحسب المتحدث العسكري"
)


def _doc(doc_id: str, text: str, published: date, language: Language = Language.en) -> Document:
    return Document(
        id=doc_id,
        source=f"src-{doc_id}",
        published=published,
        language=language,
        text=text,
        content_hash=f"h-{doc_id}",
        ingested_at=datetime(2026, 1, 1),
    )


def test_near_duplicates_shingles_fold_arabic_spelling() -> None:
    plain = ARABIC.replace("أ", "ا")
    assert shingles(ARABIC) == shingles(plain)
    assert shingles("one two") == {"one two"}


def test_near_duplicates_marks_copies_with_earliest_canonical(store: Store) -> None:
    insert_documents(
        store,
        [
            _doc("late", STORY + " Republished with permission.", date(2022, 5, 9)),
            _doc("early", STORY, date(2022, 5, 8)),
            _doc(
                "other",
                "A completely different report about a kidnapping of two shepherds in the hills.",
                date(2022, 5, 8),
            ),
            _doc("ar1", ARABIC, date(2022, 5, 8), Language.ar),
            _doc("ar2", ARABIC.replace("أ", "ا") + " وفق مصادر", date(2022, 5, 10), Language.ar),
        ],
    )
    report = mark_near_duplicates(store)
    rows = dict(store.execute("SELECT id, near_duplicate_of FROM documents").fetchall())
    assert rows == {"late": "early", "early": None, "other": None, "ar1": None, "ar2": "ar1"}
    assert (report.clusters, report.duplicates, report.hashed) == (2, 2, 5)
    again = mark_near_duplicates(store)
    assert (again.hashed, again.changed) == (0, 0)
