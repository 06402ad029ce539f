"""The menu entry and the AppStream metadata speak French too, and stay valid."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from mgc_desktop.paths import APP_ID
from tests.i18n.conftest import ROOT

LINUX = ROOT / "resources" / "linux"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {name} is missing (.ci/setup installs it)")
        pytest.skip(f"{name} not installed")
    return path


def test_desktop_entry_has_french_name_and_comment():
    entry = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    keys = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert keys.get(f"{key}[fr]"), key
    assert keys["Comment[fr]"] != keys["Comment"]
    result = subprocess.run(
        [_validator("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_a_french_summary_and_description():
    """Every English paragraph and list item of the description has its French one, as
    AppStream pairs them (the same element with xml:lang="fr")."""
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.find(f"summary[@{XML_LANG}='fr']") is not None
    assert root.find(f"name[@{XML_LANG}='fr']") is not None
    description = root.find("description")
    for tag in ("p", "li"):
        english = [e for e in description.iter(tag) if e.get(XML_LANG) is None]
        french = [e for e in description.iter(tag) if e.get(XML_LANG) == "fr"]
        assert english and len(french) == len(english), tag
    result = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
