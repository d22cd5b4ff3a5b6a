"""Run every ``bench/bench_*.py`` and write ``docs/benchmarks.md``.

Each module exposes ``run() -> list[dict]`` with rows ``{benchmark, value, unit, notes}``.
Usage: ``make bench`` (or ``.venv/bin/python bench/run.py [name ...]`` for a subset).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import subprocess
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
OUT = BENCH_DIR.parent / "docs" / "benchmarks.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores{mem}, {system}, Python {platform.python_version()}"


def load(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH_DIR))
    spec.loader.exec_module(module)
    return module


def previous_sections() -> dict[str, str]:
    """Sections of the current docs/benchmarks.md by heading, so a partial run keeps the others."""
    if not OUT.is_file():
        return {}
    parts = OUT.read_text(encoding="utf-8").split("\n## ")[1:]
    return {f"## {p.split(chr(10), 1)[0]}": f"## {p}".rstrip("\n") for p in parts}


def main(selected: list[str]) -> int:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=BENCH_DIR, check=False).stdout.strip()  # fmt: skip
    except OSError:
        commit = "?"
    files = sorted(BENCH_DIR.glob("bench_*.py"))
    if selected:
        files = [f for f in files if f.stem.removeprefix("bench_") in selected or f.stem in selected]
    sections: list[str] = []
    failed = 0
    for path in files:
        started = time.perf_counter()
        print(f"running {path.name} ...", flush=True)
        try:
            rows = load(path).run()
            status = ""
        except Exception:  # a failing benchmark is reported, the others still run
            rows = []
            status = "FAILED:\n\n```\n" + traceback.format_exc()[-2000:] + "\n```\n"
            failed += 1
        took = time.perf_counter() - started
        name = path.stem.removeprefix("bench_")
        when = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit or '?'}"
        lines = [f"## {name}", "", f"Command: `.venv/bin/python bench/run.py {name}` ({took:.0f} s; {when})", ""]
        if rows:
            lines += ["| benchmark | value | unit | notes |", "|---|---:|---|---|"]
            lines += [f"| {r['benchmark']} | {r['value']:,.3g} | {r['unit']} | {r.get('notes', '')} |" for r in rows]
        lines.append(status)
        sections.append("\n".join(lines))
        print("\n".join(lines), flush=True)
    header = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`); every figure below can be reproduced with the command",
        "given in its section. Speed targets live here, never in unit tests.",
        "",
        f"- Machine: {machine()}",
        "- Each section says when and at which commit it was measured; `bench/run.py NAME` re-runs one.",
        "",
    ]
    merged = {**previous_sections(), **{sec.split("\n", 1)[0]: sec for sec in sections}}
    body = [merged[k].rstrip("\n") + "\n" for k in sorted(merged)]  # one blank line between sections
    OUT.write_text("\n".join(header + body).rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
