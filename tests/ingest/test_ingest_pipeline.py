"""The ingest stage end to end: dedup, idempotence, bad inputs, batches, crashes, CLI, workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import emberwatch
from emberwatch.cli import app
from emberwatch.errors import InputError
from emberwatch.ingest import IngestOptions, InputStatus, ingest, options_from
from emberwatch.ingest.readers import text as text_reader
from emberwatch.ingest.readers.base import READERS, ReaderSpec
from emberwatch.settings import load_settings
from emberwatch.store import Store

AR = "اعتقلت قوات الأمن ثلاثة عناصر من خلية نائمة تابعة لتنظيم داعش في ريف دير الزور الشرقي."


def report_text(n: int) -> str:
    return f"Report {n}: security forces found a weapons cache in the Hamrin mountains, officials said."


def make_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"r{n:02d}.txt"
        path.write_text(report_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def test_pipeline_reingest_adds_nothing(store: Store, tmp_path: Path) -> None:
    make_reports(tmp_path / "in", 5)
    first = ingest(store, [str(tmp_path / "in")])
    second = ingest(store, [str(tmp_path / "in")])
    assert (first.added, first.duplicates) == (5, 0)
    assert (second.added, second.duplicates) == (0, 5)
    assert {r.status for r in second.results} == {InputStatus.duplicate}
    assert store.count("documents") == 5


def test_pipeline_duplicates_in_same_batch_and_whitespace_variants(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\ntitle: copy\n---\n{AR}\r\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": AR}) + "\n", encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert (report.added, report.duplicates) == (1, 2)
    (doc_id,) = report.document_ids
    row = store.execute("SELECT language, content_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
    assert row[0] == "ar" and row[1].startswith(doc_id)


def test_pipeline_bad_inputs_reported_and_batch_continues(store: Store, tmp_path: Path) -> None:
    good = make_reports(tmp_path / "in", 2)
    bad = {
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
        "empty.txt": b"",
        "cp1256.txt": AR.encode("cp1256"),
        "latin1.md": "Rapport préliminaire sur l'attaque".encode("latin-1"),
        "huge.txt": b"x" * 600,
        "notes.docx": b"PK\x03\x04",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    settings = load_settings(max_file_bytes=500)
    inputs = [str(p) for p in good] + [str(tmp_path / n) for n in bad] + [str(tmp_path / "missing.txt")]
    report = ingest(store, inputs, settings=settings)
    assert report.added == 2 and report.failed == len(bad) + 1 and not report.ok
    reasons = {Path(r.input).name: r.reason or "" for r in report.failures}
    assert "binary file" in reasons["binary.txt"] and "empty file" in reasons["empty.txt"]
    assert "iconv -f WINDOWS-1256" in reasons["cp1256.txt"] and "not valid UTF-8" in reasons["latin1.md"]
    assert "over the max_file_bytes limit of 500" in reasons["huge.txt"]
    assert "no reader for extension '.docx'" in reasons["notes.docx"]
    assert all(str(tmp_path) in reason for reason in reasons.values())
    assert store.count("documents") == 2


def test_pipeline_cp1256_with_encoding_option(store: Store, tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(AR.encode("cp1256"))
    report = ingest(store, [str(tmp_path / "old.txt")], IngestOptions(encoding="cp1256"))
    assert report.added == 1
    assert store.execute("SELECT text, language FROM documents").fetchone() == (AR, "ar")


def test_pipeline_crash_mid_run_keeps_only_whole_batches(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug (non-emberwatch exception) in a reader stops the run; committed batches survive."""
    make_reports(tmp_path / "in", 10)
    calls = {"n": 0}

    def flaky(payload, ctx):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 8:
            raise RuntimeError("reader bug")
        yield from text_reader.read_text(payload, ctx)

    monkeypatch.setitem(READERS, "text", ReaderSpec("text", (".txt",), ("text/plain",), flaky, "flaky"))
    with pytest.raises(RuntimeError, match="reader bug"):
        ingest(store, [str(tmp_path / "in")], IngestOptions(batch_size=3))
    path = store.path
    store.close()
    with Store(path) as reopened:
        texts = {row[0] for row in reopened.execute("SELECT text FROM documents").fetchall()}
    assert texts == {report_text(n) for n in range(6)}  # two whole batches of 3; the 7th is lost


def test_pipeline_failed_insert_rolls_back_the_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_reports(tmp_path / "in", 4)
    real_insert = Store.insert_df
    calls = {"n": 0}

    def insert_then_fail(self, table, frame, conn=None, mode="INSERT"):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        inserted = real_insert(self, table, frame, conn=conn, mode=mode)
        if calls["n"] == 2:
            raise OSError("disk full")
        return inserted

    monkeypatch.setattr(Store, "insert_df", insert_then_fail)
    with pytest.raises(OSError, match="disk full"):
        ingest(store, [str(tmp_path / "in")], IngestOptions(batch_size=2))
    assert store.count("documents") == 2


def test_pipeline_progress_callback(store: Store, tmp_path: Path) -> None:
    make_reports(tmp_path / "in", 3)
    calls: list[tuple[str, int, int]] = []
    ingest(store, [str(tmp_path / "in")], progress=lambda *args: calls.append(args))
    assert calls == [("ingest", 1, 3), ("ingest", 2, 3), ("ingest", 3, 3)]


def test_pipeline_same_input_twice_in_one_run(store: Store, tmp_path: Path) -> None:
    (path,) = make_reports(tmp_path / "in", 1)
    report = ingest(store, [str(path), str(tmp_path / "in")])
    assert [r.status for r in report.results] == [InputStatus.added, InputStatus.duplicate]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"batch_size": 0}, "batch_size"),
        ({"encoding": "klingon"}, "unknown encoding"),
        ({"colour": 1}, "colour"),
    ],
)
def test_pipeline_invalid_options(values: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        options_from(**values)


def test_pipeline_unknown_reader_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Known readers: csv, feed"):
        ingest(store, [str(tmp_path)], IngestOptions(reader="docx"))


def test_pipeline_workspace_ingest(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"body": AR, "when": "2022-02-02"}) + "\n", encoding="utf-8")
    with emberwatch.open(tmp_path / "ws.duckdb") as ws:
        report = ws.ingest(export, text_field="body", date_field="when")
        frame = ws.documents()
    assert report.added == 1 and frame.loc[0, "language"] == "ar"
    assert str(frame.loc[0, "published"].date()) == "2022-02-02"


def test_pipeline_cli_summary_and_exit_codes(tmp_path: Path) -> None:
    make_reports(tmp_path / "in", 2)
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    ok = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert ok.exit_code == 0, ok.output
    assert "ingest summary" in ok.output and "added" in ok.output
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--batch-size", "1"])
    assert again.exit_code == InputError.exit_code
    assert "duplicate" in again.output and "empty file" in again.output


def test_pipeline_cli_long_runs_list_only_problems(capsys: pytest.CaptureFixture[str]) -> None:
    from emberwatch.cli.ingest_cmds import ROW_LIMIT, print_report
    from emberwatch.ingest import IngestReport, InputResult

    results = [InputResult(input=f"doc{n}.txt", status=InputStatus.added, added=1) for n in range(ROW_LIMIT)]
    results.append(InputResult(input="broken.txt", status=InputStatus.failed, reason="empty file"))
    print_report(IngestReport(results=results))
    short = capsys.readouterr().out
    assert "broken.txt" in short and "doc7.txt" not in short and "--all" in short
    print_report(IngestReport(results=results), show_all=True)
    assert "doc7.txt" in capsys.readouterr().out
