"""Which files a folder walk reads, ignores or skips."""

from __future__ import annotations

from pathlib import Path

from emberwatch.ingest.discover import discover
from emberwatch.ingest.models import InputStatus


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_discover_walks_sorted_and_ignores_docs_hidden_and_patterns(tmp_path: Path) -> None:
    make_tree(tmp_path, [
        "b.md", "a.txt", "README.md", "NOTICE.md", "LICENSE", "licence.txt", ".hidden.md",
        ".git/config.txt", "sub/c.jsonl", "sub/drafts/d.md", "sub/keep.md", "sub/skip-me.md", "image.png",
    ])  # fmt: skip
    (tmp_path / "sub" / ".emberwatchignore").write_text("# not these\ndrafts/\nskip-*.md\n", encoding="utf-8")
    refs, results = discover([str(tmp_path)])
    names = [Path(r.value).relative_to(tmp_path).as_posix() for r in refs]
    assert names == ["a.txt", "b.md", "sub/c.jsonl", "sub/keep.md"]
    assert not any(r.explicit for r in refs)
    assert [(Path(r.input).name, r.status) for r in results] == [("image.png", InputStatus.skipped)]


def test_discover_explicit_files_urls_and_missing(tmp_path: Path) -> None:
    make_tree(tmp_path, ["README.md"])
    refs, results = discover(
        [str(tmp_path / "README.md"), "https://example.org/a", str(tmp_path / "nope.txt")]
    )
    assert [(r.value.endswith("README.md") or r.is_url, r.explicit) for r in refs] == [
        (True, True),
        (True, True),
    ]
    assert results[0].status is InputStatus.failed and "no such file" in (results[0].reason or "")


def test_discover_forced_reader_keeps_unknown_extensions(tmp_path: Path) -> None:
    make_tree(tmp_path, ["export.dat"])
    refs, results = discover([str(tmp_path)], forced_reader=True)
    assert len(refs) == 1 and results == []
