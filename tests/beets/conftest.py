"""Fixtures for the beets plugin: a real beets library in a temporary folder (beetlib.py) and
music to import into it: files made by real encoders, and real clips from the shared data."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.beets.beetlib import BEET, BeetsLibrary
from tests.conftest import music_signal, require_shared_data, write_audio

if importlib.util.find_spec("beets") is None or not BEET.exists():
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError("CI=true but beets is not installed: .ci/setup installs .[beets]")
    pytest.skip("beets is not installed (pip install -e '.[beets]')", allow_module_level=True)

# Real clips whose verdicts cover what the tests need: sure ones (Hip-Hop: a display name that
# is not the class key) and ones the model is not sure of (a disco clip it hears as none of its
# genres, a rock clip it hears as pop, unsure). gtzan train and valid clips: never the clips
# kept for the reported test figures.
REAL_CLIPS = (
    "gtzan/blues/blues.00000.flac",
    "gtzan/classical/classical.00000.flac",
    "gtzan/hiphop/hiphop.00001.flac",
    "gtzan/metal/metal.00000.flac",
    "gtzan/disco/disco.00075.flac",
    "gtzan/rock/rock.00074.flac",
)


@pytest.fixture
def library(tmp_path) -> BeetsLibrary:
    """An empty beets library, importer `write` off, plugin `auto` off."""
    return BeetsLibrary(tmp_path / "beets")


@pytest.fixture(scope="session")
def synthetic_masters(tmp_path_factory) -> Path:
    """Four short music-like files in four containers (ID3, Vorbis comments, MP4, FLAC), each
    written by a real encoder, one folder (album) each; encoded once per session."""
    root = tmp_path_factory.mktemp("synthetic") / "music"
    for i, kind in enumerate(("mp3", "ogg_vorbis", "m4a_aac", "flac")):
        write_audio(kind, root / kind / f"track{i}", music_signal(8.0, 44100, seed=i), 44100)
    return root


@pytest.fixture
def synthetic_music(tmp_path, synthetic_masters) -> list[Path]:
    """A fresh copy of the four files for one test (beets may write them)."""
    dest = tmp_path / "music"
    shutil.copytree(synthetic_masters, dest)
    return sorted(p for p in dest.rglob("*") if p.is_file())


@pytest.fixture
def real_music(tmp_path) -> list[Path]:
    """Copies of REAL_CLIPS (beets may write them), one folder per genre."""
    data = require_shared_data()
    out = []
    for name in REAL_CLIPS:
        dest = tmp_path / "music" / Path(name).parent.name / Path(name).name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / name, dest)
        out.append(dest)
    return out


@pytest.fixture(scope="session")
def real_reference() -> dict[str, dict]:
    """`mgc-desktop classify --json` on REAL_CLIPS (the originals): file name -> record."""
    data = require_shared_data()
    records = classify([data / name for name in REAL_CLIPS])
    return {Path(path).name: record for path, record in records.items()}


def reference_for(paths, real_reference: dict[str, dict]) -> dict[str, dict]:
    """The reference records keyed by the copies' paths."""
    return {str(p): real_reference[Path(p).name] for p in paths}


def classify(paths, *extra: str, app_data: Path | None = None) -> dict[str, dict]:
    """`mgc-desktop classify --json` (the reference behaviour): path -> its record."""
    env = dict(os.environ)
    if app_data is not None:
        env["MGC_DESKTOP_DATA_DIR"] = str(app_data)
    done = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "classify", "--json", *extra, *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    found = {r["path"]: r for r in records}
    assert set(found) == {str(p) for p in paths}, done.stderr
    return found


def expected_genre(record: dict) -> str:
    """What the plugin should store for a classify record: its label when it is certain."""
    return record["label"] if record.get("genre") and not record["uncertain"] else ""
