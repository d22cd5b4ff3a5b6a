"""Arabic evaluations: ASSAULT detection, NewsFANE mention scoring, translation-pair agreement.

Gold files are written here from the project's own sentences; the real data sets are only read by the
``shared_data`` tests, which skip when ``../shared/data`` is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from emberwatch.cli import app
from emberwatch.errors import InputError
from emberwatch.evaluate.arabic import (
    MODEL_PATH,
    PARALLEL_FIELDS,
    AssaultClassifier,
    Score,
    assault_markdown,
    block_folds,
    coarse_class,
    evaluate_assault,
    evaluate_ner,
    extract_report,
    load_assault,
    load_newsfane,
    model_class,
    ner_markdown,
    parallel_agreement,
    rule_detector,
    stem_words,
    training_sentences,
)
from emberwatch.models import Language, PlaceRef
from emberwatch.text.arabic import TermMatcher

ATTACKS = [
    "قتل ثلاثة جنود بانفجار عبوة ناسفة استهدفت دوريتهم قرب الحدود",
    "هاجم مسلحون نقطة تفتيش للشرطة ما أسفر عن مقتل جنديين",
    "اختطف مسلحون خمسة رعاة من قرية نائية أمس",
    "فجر انتحاري نفسه وسط سوق شعبي فقتل عشرة أشخاص",
]
OTHERS = [
    "افتتح وزير التربية مدرسة جديدة في المدينة",
    "ارتفعت أسعار الخبز في الأسواق هذا الأسبوع",
    "ناقش البرلمان مشروع قانون الموازنة العامة",
    "فاز الفريق المحلي بالمباراة النهائية للبطولة",
]


def _write_assault(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "label", "accept", "reject", "total", "text"])
        for i, text in enumerate(ATTACKS):
            writer.writerow([f"a{i}", "yes", 3, 0, 3, text])
        for i, text in enumerate(OTHERS):
            writer.writerow([f"o{i}", "easy no" if i % 2 else "difficult no", 0, 3, 3, text])
        writer.writerow(["x", "ambiguous", 1, 1, 2, "نص غير محسوم"])
    return path


def test_arabic_score_counts() -> None:
    s = Score.of([True, True, False, False], [True, False, True, False])
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.precision == s.recall == s.f1 == 0.5
    assert Score(0, 0, 0).f1 == 0.0


def test_arabic_load_assault_drops_ambiguous(tmp_path: Path) -> None:
    records = load_assault(_write_assault(tmp_path / "a.csv"))
    assert len(records) == len(ATTACKS) + len(OTHERS)
    assert sum(r.positive for r in records) == len(ATTACKS)


def test_arabic_load_assault_reads_annotator_votes_and_splits_tied_difficult_noes(tmp_path: Path) -> None:
    path = tmp_path / "votes.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "label", "accept", "reject", "total", "text"])
        writer.writerow(["t", "difficult no", 2, 2, 4, OTHERS[0]])
        writer.writerow(["m", "difficult no", 1, 2, 3, OTHERS[1]])
        writer.writerow(["y", "yes", 3, 0, 3, ATTACKS[0]])
    tied, minority, attack = load_assault(path)
    assert (tied.accept, tied.total) == (2, 4)
    assert tied.vote_group == "difficult no, half said yes"
    assert minority.vote_group == "difficult no, a minority said yes"
    assert attack.vote_group == "yes"
    without_votes = tmp_path / "plain.csv"
    without_votes.write_text(f"id,label,text\n1,difficult no,{OTHERS[2]}\n", encoding="utf-8")
    (plain,) = load_assault(without_votes)
    assert plain.accept is None and plain.vote_group == "difficult no"


def test_arabic_load_assault_rejects_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_assault(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,نص\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        load_assault(bad)


def test_arabic_rule_detector() -> None:
    detect = rule_detector()
    assert all(detect(t) for t in ATTACKS)
    assert not any(detect(t) for t in OTHERS)
    with_figures = rule_detector(with_casualties=True)
    assert [with_figures(t) for t in ATTACKS] == [True, True, False, True]


def test_arabic_classifier_round_trip(tmp_path: Path) -> None:
    model = AssaultClassifier.fit(ATTACKS + OTHERS, [True] * 4 + [False] * 4, n_features=2**12)
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = AssaultClassifier.load(path)
    assert loaded.predict(ATTACKS + OTHERS) == model.predict(ATTACKS + OTHERS)
    assert loaded.predict(["قتل جنديان بانفجار عبوة ناسفة"]) == [True]


def test_arabic_stem_words_splits_clitics() -> None:
    assert stem_words("وبالهجوم قُتل") == "هجوم قتل"


def test_arabic_classifier_threshold_is_tuned_inside_training(tmp_path: Path) -> None:
    texts, labels = ATTACKS + OTHERS, [True] * 4 + [False] * 4
    tuned = AssaultClassifier.fit(texts * 2, labels * 2, n_features=2**12, inner_folds=3)
    assert 0.0 < tuned.threshold < 1.0
    assert AssaultClassifier.fit(texts, labels, n_features=2**12, inner_folds=0).threshold == 0.5


def test_arabic_classifier_rejects_an_old_model_file(tmp_path: Path) -> None:
    import numpy as np

    path = tmp_path / "old.npz"
    np.savez(path, idf=np.ones(4), coef=np.ones(4))
    with pytest.raises(InputError, match="--retrain"):
        AssaultClassifier.load(path)


def test_arabic_shipped_model_ranks_an_attack_above_a_neutral_sentence() -> None:
    model = AssaultClassifier.load(MODEL_PATH)
    attack, neutral = model.probabilities(["قتل خمسة أشخاص وأصيب عشرة آخرون في تفجير سيارة مفخخة", OTHERS[0]])
    assert attack > neutral


def test_arabic_evaluate_assault(tmp_path: Path) -> None:
    report = evaluate_assault(_write_assault(tmp_path / "a.csv"), ["rules", "rules-casualties", "cv"], folds=2)
    assert report.sentences == 8 and report.positives == 4
    assert report.scores["rules"].f1 == 1.0
    assert report.scores["rules-casualties"].precision == 1.0
    assert report.scores["rules-casualties"].tp == 3  # the kidnapping sentence has no figure
    assert "classifier (2-fold CV)" in report.scores
    assert len(report.fold_scores) == 2
    groups = report.fold_groups
    assert {g: n for g, (_, n) in groups.items()} == {"yes": 4, "easy no": 2, "difficult no, a minority said yes": 2}
    assert groups["yes"][0] == report.scores["classifier (2-fold CV)"].tp
    assert "positive calls by gold label" in assault_markdown(report, "cmd")


NEWSFANE = (
    "\ufeff\u200eقالت\tO\n\u200eوزارة\tB-Government\n\u200eالداخلية\tI-Government\n"
    "في\tO\nبغداد\tB-Population-Center\nإن\tO\nالعرب\tB-Group\n.\tO\n\t\r\n"
    "زار\tO\nالوفد\tO\nالعراق\tB-Nation\nو\tO\nسوريا\tB-Nation\n\t\r\n"
)


class _ListGeoparser:
    """A geoparser over a fixed list of names (the real one needs a built gazetteer)."""

    def __init__(self, names: list[str]) -> None:
        self.matcher = TermMatcher([(n, n) for n in names])

    def geoparse(self, text: str, language: Language) -> list[PlaceRef]:
        return [PlaceRef(text=m.text, start=m.start, end=m.end) for m in self.matcher.find(text)]


def test_arabic_load_newsfane(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE, encoding="utf-8")
    first, second = load_newsfane(path)
    assert first.tokens[:3] == ("قالت", "وزارة", "الداخلية")
    assert first.spans == ((1, 3, "Government"), (4, 5, "Population-Center"), (6, 7, "Group"))
    assert second.spans == ((2, 3, "Nation"), (4, 5, "Nation"))


@pytest.mark.parametrize(
    ("fine", "coarse"),
    [("Nation", "place"), ("Water-Body", "place"), ("Media", "organisation"), ("Group", None), ("Land", None)],
)
def test_arabic_coarse_class(fine: str, coarse: str | None) -> None:
    assert coarse_class(fine) == coarse


def test_arabic_evaluate_ner_scores_what_the_geoparser_returns(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE, encoding="utf-8")
    # no filtering of its own: a common word the geoparser returned is a false place
    report = evaluate_ner(path, geoparser=_ListGeoparser(["بغداد", "العراق", "في"]))
    assert report.scores["place (rules)"].fp == 1


def test_arabic_evaluate_ner(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE, encoding="utf-8")
    report = evaluate_ner(path, geoparser=_ListGeoparser(["بغداد", "العراق"]))
    places, orgs = report.scores["place (rules)"], report.scores["organisation (rules)"]
    assert (places.tp, places.fp, places.fn) == (2, 0, 1)
    assert (orgs.tp, orgs.fp, orgs.fn) == (1, 0, 0)
    assert report.by_fine_class["Nation"] == (1, 2)


@pytest.mark.parametrize(
    ("fine", "cls"), [("Nation", "place"), ("Sports", "organisation"), ("Politician", "person"), ("Group", "person"),
                      ("Book", "other")],
)  # fmt: skip
def test_arabic_ner_model_class(fine: str, cls: str) -> None:
    assert model_class(fine) == cls


def test_arabic_ner_block_folds_are_contiguous_and_cover_everything() -> None:
    folds = block_folds(10, 3)
    assert [list(f) for f in folds] == [[0, 1, 2], [3, 4, 5, 6], [7, 8, 9]]
    with pytest.raises(InputError, match="folds"):
        block_folds(2, 3)


def test_arabic_ner_training_sentences_glue_clitics_and_keep_spans(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE + "وصل\tO\nالوفد\tO\nب\tO\nالعراق\tB-Nation\n\t\r\n", encoding="utf-8")
    first, _, third = training_sentences(load_newsfane(path))
    assert [first.text[s:e] for s, e, _ in first.spans] == ["وزارة الداخلية", "بغداد", "العرب"]
    assert [c for _, _, c in first.spans] == ["organisation", "place", "person"]
    assert third.text == "وصل الوفد بالعراق"
    assert [third.text[s:e] for s, e, _ in third.spans] == ["العراق"]


def test_arabic_evaluate_ner_cross_validates_the_crf(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE * 4, encoding="utf-8")
    report = evaluate_ner(
        path, geoparser=_ListGeoparser(["بغداد"]), detectors=["rules", "cv"], folds=2, grid=((0.0, 0.01),)
    )
    assert len(report.fold_scores) == 2 and report.regularisation == [(0.0, 0.01)] * 2
    assert {"place (2-fold cv)", "organisation (2-fold cv)", "place (2-fold cv pipeline)"} <= set(report.scores)
    # the same two sentences in both folds: the CRF learns them
    assert report.scores["place (2-fold cv)"].recall == 1.0
    assert "Fold 2 (c1 = 0.0, c2 = 0.01)" in ner_markdown(report, "cmd")


def test_arabic_evaluate_ner_rejects_an_unknown_detector(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(NEWSFANE, encoding="utf-8")
    with pytest.raises(InputError, match="pipeline"):
        evaluate_ner(path, geoparser=_ListGeoparser([]), detectors=["crf"])


DEMO_REPORTS = Path(__file__).resolve().parents[2] / "examples" / "demo-corpus" / "reports"


def test_arabic_parallel_agreement_on_demo_corpus() -> None:
    if not (DEMO_REPORTS / "ar").is_dir():
        pytest.skip("demo corpus has no Arabic reports")
    rows = parallel_agreement(DEMO_REPORTS)
    assert rows, "no translation pairs in the demo corpus"
    assert {r.name for r in rows} <= {p.name for p in (DEMO_REPORTS / "en").glob("*.md")}
    for row in rows:
        assert set(row.agree) == set(PARALLEL_FIELDS)


HOLDOUT = Path(__file__).resolve().parents[2] / "examples" / "parallel-holdout"


def test_arabic_parallel_holdout_pairs_agree_on_date_and_casualties() -> None:
    """The hold-out pairs (written blind, see examples/parallel-holdout/README.md): every pair is read, and
    the lead event's date and killed/wounded figures agree (12/12 since rules-6; the other fields are
    reported in docs/evaluation.md, not asserted)."""
    rows = parallel_agreement(HOLDOUT)
    assert len(rows) == 12
    for field in ("lead date", "lead killed", "lead wounded"):
        assert [r.name for r in rows if not r.agree[field]] == [], field


HOLDOUT_2 = HOLDOUT.parent / "parallel-holdout-2"


def test_arabic_parallel_second_holdout_pairs_agree_on_date_and_killed() -> None:
    """The second hold-out set (blind until rules-13, see examples/parallel-holdout-2/README.md): every pair
    is read, and the lead event's date (12/12 blind) and killed figure (9/12 blind, 12/12 since rules-13)
    agree; the other fields are reported in docs/evaluation.md, not asserted."""
    rows = parallel_agreement(HOLDOUT_2)
    assert len(rows) == 12
    for field in ("lead date", "lead killed"):
        assert [r.name for r in rows if not r.agree[field]] == [], field


HOLDOUT_3 = HOLDOUT.parent / "parallel-holdout-3"


def test_arabic_parallel_third_holdout_pairs_agree_on_date_and_wounded() -> None:
    """The third hold-out set (blind until rules-15, see examples/parallel-holdout-3/README.md): the lead
    event's date (12/12 blind) and wounded figure (11/12 blind, 12/12 since rules-15) agree."""
    rows = parallel_agreement(HOLDOUT_3)
    assert len(rows) == 12
    for field in ("lead date", "lead wounded"):
        assert [r.name for r in rows if not r.agree[field]] == [], field


def test_arabic_every_demo_report_yields_events() -> None:
    """Each Arabic demo report gives at least one event with evidence inside its own text."""
    import frontmatter

    from emberwatch.extract.pipeline import default_resources

    paths = sorted((DEMO_REPORTS / "ar").glob("*.md"))
    if not paths:
        pytest.skip("demo corpus has no Arabic reports")
    resources = default_resources()
    for path in paths:
        out = extract_report(path, resources)
        text = frontmatter.load(path).content
        assert out.language is Language.ar, path.name
        assert out.events, f"{path.name}: no event"
        for event in out.events:
            assert text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_arabic_cli_assault(tmp_path: Path) -> None:
    data = _write_assault(tmp_path / "a.csv")
    result = CliRunner().invoke(
        app, ["evaluate", "arabic", "--task", "assault", "--data", str(data), "--detector", "rules", "--markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "| rules | 1.000 | 1.000 | 1.000 |" in result.output


@pytest.mark.shared_data
def test_arabic_assault_rules_on_shared_data(shared_data: Path) -> None:
    report = evaluate_assault(shared_data / "arabic-assault" / "assault_dev.csv", ["rules"])
    assert report.positives > 100
    assert report.scores["rules"].recall > 0.8


@pytest.mark.parametrize(
    ("folder", "fields"),
    [
        # blind until rules-18: lead type, date, killed, wounded, perpetrator agreed for 8, 10, 12, 10, 10 of 12
        ("parallel-holdout-4", ("lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator")),
        # blind until rules-19: 11, 12, 8, 11, 8 of 12
        ("parallel-holdout-5", ("lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator")),
        # blind until rules-19: lead date, killed, wounded, perpetrator 12, 9, 11, 7 of 12
        ("parallel-holdout-6", ("lead date", "lead killed", "lead wounded", "lead perpetrator")),
        # blind until rules-20: lead type, date, killed, wounded, perpetrator 9, 12, 8, 9, 9 of 12
        ("parallel-holdout-7", ("lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator")),
        # blind until rules-21: 11, 11, 9, 11, 8 of 12
        ("parallel-holdout-8", ("lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator")),
        # blind until rules-22: 12, 12, 8, 11, 12 of 12
        ("parallel-holdout-9", ("lead type", "lead date", "lead killed", "lead wounded", "lead perpetrator")),
    ],
)
def test_arabic_parallel_read_holdout_pairs_agree_on_the_lead_event(folder: str, fields: tuple[str, ...]) -> None:
    """Hold-out sets once blind, read since (see each set's README.md): the named lead-event fields agree."""
    rows = parallel_agreement(HOLDOUT.parent / folder)
    assert len(rows) == 12
    for field in fields:
        assert [r.name for r in rows if not r.agree[field]] == [], field


def test_arabic_parallel_broken_front_matter_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "ar").mkdir()
    bad = tmp_path / "ar" / "x01.md"
    bad.write_text("---\ntitle: مقتل جنود: هجوم\npublished: 2025-01-01\n---\n\nنص.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x01\.md: line 2 front matter is not valid YAML"):
        parallel_agreement(tmp_path)
