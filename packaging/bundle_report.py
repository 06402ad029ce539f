"""What the built app folder is made of, largest first: the totals of its top-level parts and
its largest files (issue 24: the bundle reports what is left). Prints to stderr; the build's
last line stays its JSON summary.

Usage: python packaging/bundle_report.py dist/mgc-desktop [--files 25]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def sizes(app_dir: Path) -> dict[str, int]:
    """Relative path -> bytes of every regular file (links are not counted twice)."""
    return {
        str(p.relative_to(app_dir)): p.stat().st_size
        for p in app_dir.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def part_of(rel: str) -> str:
    """The part a file belongs to: its folder under _internal (Qt's libraries, plugins and
    translations apart), or the file itself at the top."""
    parts = Path(rel).parts
    if parts[0] != "_internal" or len(parts) == 2:
        return rel
    if parts[1:3] == ("PySide6", "Qt") and len(parts) > 4:
        return "/".join(parts[:4])
    return "/".join(parts[:2])


def report(app_dir: Path, files: int) -> str:
    found = sizes(app_dir)
    total = sum(found.values())
    parts: Counter[str] = Counter()
    for rel, size in found.items():
        parts[part_of(rel)] += size
    lines = [f"app folder {app_dir}: {total / 1e6:.1f} MB in {len(found)} files", "parts:"]
    big = [(name, size) for name, size in parts.most_common() if size >= 5e5]
    lines += [f"  {size / 1e6:7.1f} MB  {name}" for name, size in big]
    lines.append("largest files:")
    lines += [f"  {size / 1e6:7.1f} MB  {rel}" for rel, size in Counter(found).most_common(files)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app_dir", type=Path)
    parser.add_argument("--files", type=int, default=25)
    args = parser.parse_args()
    print(report(args.app_dir, args.files), file=sys.stderr)


if __name__ == "__main__":
    main()
