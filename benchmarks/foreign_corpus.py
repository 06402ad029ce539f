"""Tag and undo a folder of other people's oddly tagged files through the CLI, and count damage.

This is issue 13's acceptance 3 run on any folder (for example the test data of mutagen or
TagLib): copies the folder, runs `mgc-desktop tag --set-genre Rock --policy replace` on it and
then `mgc-desktop undo`, each in a fresh process with a private journal, and compares:

- damaged: a file whose decoded audio (all audio streams, PyAV) differs after the write, or
  that mutagen could read before and cannot after;
- misplaced: a written file whose genre, read through `mutagen.File`, is not "Rock";
- undo_mismatch: a file whose bytes (sha256) differ from the original after undo;
- tagged_share: written files / files mutagen can read among those the CLI was given.

    python benchmarks/foreign_corpus.py FOLDER [--dir TMP]

Ends with one JSON line (refusal reasons grouped, with counts, on stderr).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import av
import mutagen

ROOT = Path(__file__).resolve().parents[1]


def decoded(path: Path) -> str | None:
    """sha256 of every decoded sample of every audio stream; None if it cannot be decoded."""
    h = hashlib.sha256()
    try:
        with av.open(str(path), metadata_errors="ignore") as c:
            if not c.streams.audio:
                return None
            for frame in c.decode(*c.streams.audio):
                h.update(frame.to_ndarray().tobytes())
    except Exception:  # noqa: BLE001 - undecodable is a state like any other
        return None
    return h.hexdigest()


def genre(path: Path) -> object:
    """The genre as `mutagen.File` shows it (raw values), or an error marker."""
    try:
        f = mutagen.File(str(path))
    except Exception:  # noqa: BLE001
        return "<unreadable>"
    if f is None or f.tags is None:
        return None
    for key in ("TCON", "\xa9gen", "WM/Genre", "genre", "GENRE", "Genre"):
        try:
            value = f.tags[key]
        except (KeyError, ValueError, TypeError):
            continue
        return [str(v) for v in getattr(value, "text", value)] if value else None
    return None


def readable(path: Path) -> bool:
    try:
        return mutagen.File(str(path)) is not None
    except Exception:  # noqa: BLE001
        return False


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mgc_desktop", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(dir=args.dir, prefix="foreign_"))
    music = work / "music"
    shutil.copytree(args.folder, music, symlinks=True)
    env = dict(os.environ, MGC_DESKTOP_DATA_DIR=str(work / "data"), PYTHONPATH=str(ROOT))

    plan = run(["tag", "--dry-run", "--set-genre", "Rock", "--policy", "replace", str(music)], env)
    given = sorted({Path(m.group(1)) for m in re.finditer(r"^(.+?): ", plan.stdout, re.M)})
    given = [p for p in given if p.exists()]
    files = [p for p in sorted(music.rglob("*")) if p.is_file() and not p.is_symlink()]
    before = {p: (sha(p), decoded(p), readable(p)) for p in files}

    tag = run(["tag", "--set-genre", "Rock", "--policy", "replace", str(music)], env)
    written = [p for p in given if sha(p) != before[p][0]]
    damaged = [
        p for p in written if decoded(p) != before[p][1] or (before[p][2] and not readable(p))
    ]
    misplaced = [p for p in written if genre(p) != ["Rock"]]
    undo = run(["undo"], env)
    mismatch = [p for p in files if sha(p) != before[p][0]]

    reasons = collections.Counter()
    for line in (tag.stdout + tag.stderr).splitlines():
        m = re.match(r"^.+?: (?:error|failed): (.*)$", line)
        if m:
            reasons[re.sub(r"\(.*", "", m.group(1)).strip()[:90]] += 1
    for reason, n in reasons.most_common():
        print(f"{n:4d}  {reason}", file=sys.stderr)
    for p in damaged + misplaced + mismatch:
        print(f"check: {p.name}", file=sys.stderr)
    readable_given = [p for p in given if before[p][2]]
    crashed = [r.returncode for r in (tag, undo) if r.returncode not in (0, 1)]
    crashed += ["traceback"] * sum("Traceback" in r.stderr for r in (tag, undo))
    print(
        json.dumps(
            {
                "files": len(files),
                "given_to_tag": len(given),
                "readable": len(readable_given),
                "written": len(written),
                "tagged_share": round(len(written) / max(1, len(readable_given)), 3),
                "damaged": len(damaged),
                "misplaced": len(misplaced),
                "undo_mismatch": len(mismatch),
                "crashes": crashed,
                "tag_last_line": tag.stdout.strip().splitlines()[-1:],
                "undo_last_line": undo.stdout.strip().splitlines()[-1:],
            }
        )
    )


if __name__ == "__main__":
    main()
