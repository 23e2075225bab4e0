#!/usr/bin/env python3
"""Regenerates the docs matrix: tests/matrix/docs/<cell>/ for every cell of tests/matrix/cells.toml.

For each cell: fetch openapi-generator at the cell's version (the PyPI package `openapi-generator-cli`
bundles the release's JAR; it is cached under target/openapi-generator/<version>/, outside the
committed tree), run `java -jar openapi-generator.jar generate` on the cell's spec into a temporary
folder, and copy only the Markdown under the output's `docs/` folder (sub-folders kept, as the template
writes them; Dart's templates write `doc/`, which is read instead) into tests/matrix/docs/<cell>/,
replacing what was there.

Usage:
    python3 tests/matrix/regenerate.py              # every cell
    python3 tests/matrix/regenerate.py python@7.26.0 'java*'   # cells whose name matches a glob
    python3 tests/matrix/regenerate.py --jobs 4     # run four generators at once (default 2)
    python3 tests/matrix/regenerate.py --check      # change nothing; fail when a cell's docs differ

Needs Java 11+ (17 for 7.x), pip, and network access on the first run of each version.
Stdlib only (Python 3.11+: tomllib).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import fnmatch
import filecmp
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MATRIX = Path(__file__).resolve().parent
REPO = MATRIX.parent.parent
SPECS = REPO / "tests" / "specs"
DOCS = MATRIX / "docs"
CACHE = REPO / "target" / "openapi-generator"
JAR_IN_WHEEL = "openapi_generator_cli/openapi-generator.jar"
# Where templates write their docs: `docs/`, or `doc/` (Dart's templates).
DOCS_FOLDERS = ("docs", "doc")


@dataclass
class Cell:
    """One template at one generator version, as listed in cells.toml."""

    name: str
    template: str
    version: str
    spec: str
    library: str | None = None
    additional_properties: dict[str, str] = field(default_factory=dict)


def load_cells() -> list[Cell]:
    """Reads cells.toml; rejects duplicate names and unknown keys."""
    with open(MATRIX / "cells.toml", "rb") as manifest:
        raw = tomllib.load(manifest)
    cells = [Cell(**entry) for entry in raw["cell"]]
    names = [cell.name for cell in cells]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        sys.exit(f"cells.toml: duplicate cell names: {', '.join(duplicates)}")
    return cells


def generator_jar(version: str) -> Path:
    """The JAR of openapi-generator `version`, downloaded from PyPI and extracted on first use."""
    folder = CACHE / version
    jar = folder / "openapi-generator.jar"
    if jar.exists():
        return jar
    folder.mkdir(parents=True, exist_ok=True)
    wheel_name = f"openapi_generator_cli-{version}-py3-none-any.whl"
    wheel = folder / wheel_name
    if not wheel.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--dest", str(folder), f"openapi-generator-cli=={version}"],
            check=True,
        )
    with zipfile.ZipFile(wheel) as archive, archive.open(JAR_IN_WHEEL) as source:
        partial = jar.with_suffix(".part")
        with open(partial, "wb") as target:
            shutil.copyfileobj(source, target)
        partial.replace(jar)
    return jar


def generate_docs(cell: Cell, jar: Path, workdir: Path) -> Path:
    """Runs the generator for `cell` into `workdir`; returns the folder it wrote its docs in."""
    command = [
        # Older generators (and 6.x's handlebars templates) reflect into java.util and java.lang,
        # which JDK 17 closes by default.
        "java", "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "-jar", str(jar), "generate",
        "-g", cell.template,
        "-i", str(SPECS / cell.spec),
        "-o", str(workdir),
        # The specs are validated with openapi-spec-validator (see tests/specs/make_specs.py). The
        # generator's own validation differs per version: 3.x and 4.x reject valid 3.0.3 documents
        # (e.g. `null` in a nullable enum), so it is skipped for every cell alike.
        "--skip-validate-spec",
    ]
    if cell.library:
        command += ["--library", cell.library]
    if cell.additional_properties:
        pairs = ",".join(f"{key}={value}" for key, value in sorted(cell.additional_properties.items()))
        command += ["--additional-properties", pairs]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        lines = (run.stdout + run.stderr).splitlines()
        causes = [line for line in lines if "Exception" in line and not line.lstrip().startswith("at ")]
        raise RuntimeError(f"generator exited with {run.returncode}: " + "\n".join(causes[-3:] or lines[-5:]))
    for folder in DOCS_FOLDERS:
        docs = workdir / folder
        if any(docs.rglob("*.md")):
            return docs
    raise RuntimeError(f"the generator wrote no Markdown under {' or '.join(f'{f}/' for f in DOCS_FOLDERS)}")


def copy_markdown(source: Path, target: Path) -> None:
    """Copies every `*.md` under `source` to `target`, keeping sub-folders."""
    for page in sorted(source.rglob("*.md")):
        destination = target / page.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, destination)


def same_tree(left: Path, right: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    def listing(root: Path) -> list[Path]:
        return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file()) if root.exists() else []

    files = listing(left)
    if files != listing(right):
        return False
    return all(filecmp.cmp(left / f, right / f, shallow=False) for f in files)


def regenerate(cell: Cell, check: bool) -> str:
    """Regenerates one cell (or, with `check`, compares it); returns a one-line result."""
    jar = generator_jar(cell.version)
    with tempfile.TemporaryDirectory(prefix=f"matrix-{cell.name}-") as tmp:
        docs = generate_docs(cell, jar, Path(tmp) / "out")
        staged = Path(tmp) / "docs"
        copy_markdown(docs, staged)
        pages = sum(1 for _ in staged.rglob("*.md"))
        committed = DOCS / cell.name
        if check:
            if not same_tree(staged, committed):
                raise RuntimeError("committed docs differ from the generator's output")
            return f"{pages} pages, up to date"
        if committed.exists():
            shutil.rmtree(committed)
        committed.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staged, committed)
    return f"{pages} pages"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cells", nargs="*", help="glob patterns of cell names (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="generators run at once")
    parser.add_argument("--check", action="store_true", help="change nothing; fail when docs differ")
    args = parser.parse_args()

    cells = load_cells()
    if args.cells:
        cells = [c for c in cells if any(fnmatch.fnmatchcase(c.name, p) for p in args.cells)]
    else:
        known = {c.name for c in cells}
        stale = sorted(p.name for p in DOCS.iterdir() if p.name not in known) if DOCS.exists() else []
        for name in stale:
            if args.check:
                print(f"{name}: not in cells.toml", file=sys.stderr)
            else:
                shutil.rmtree(DOCS / name)
                print(f"{name}: removed (not in cells.toml)")
        if stale and args.check:
            return 1
    # Fetch each version once, before the parallel runs race for it.
    for version in sorted({c.version for c in cells}):
        generator_jar(version)

    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(regenerate, cell, args.check): cell for cell in cells}
        for future in concurrent.futures.as_completed(futures):
            cell = futures[future]
            try:
                print(f"{cell.name}: {future.result()}", flush=True)
            except Exception as error:  # one cell's failure must not hide the others
                failures += 1
                print(f"{cell.name}: FAILED: {error}", file=sys.stderr, flush=True)
    print(f"{len(cells) - failures} of {len(cells)} cells done")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
