"""What pyproject.toml promises (issue 14, points 1, 15, 16): no PySide6 build that kills the
app on the Pythons it supports; librosa (numba, llvmlite, scipy) only where it is used; a
license form setuptools keeps accepting; a packaged app without training libraries."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import pip._vendor.tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
TRAINING_ONLY = {"librosa", "numba", "llvmlite", "scipy", "sklearn", "torch", "tensorflow"}


def _allowed(requirements: list[str], name: str, version: str, python: str) -> bool:
    """Would pip accept `name==version` for these requirements on this Python?"""
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    matching = [
        r for r in map(Requirement, requirements)
        if r.name.lower() == name.lower() and (r.marker is None or r.marker.evaluate(env))
    ]  # fmt: skip
    assert matching, f"{name} is not a dependency on Python {python}"
    return all(r.specifier.contains(version, prereleases=True) for r in matching)


def test_pyside6_build_that_drops_references_to_none_is_excluded_where_none_is_mortal() -> None:
    deps = PROJECT["dependencies"]
    for python in ("3.10", "3.11"):
        assert not _allowed(deps, "PySide6-Essentials", "6.12.0", python)
        assert _allowed(deps, "PySide6-Essentials", "6.11.3", python)
    for python in ("3.12", "3.13"):  # None is immortal there: 6.12.0 is fine
        assert _allowed(deps, "PySide6-Essentials", "6.12.0", python)


def test_the_installed_pyside6_is_one_the_pin_allows() -> None:
    import platform
    from importlib.metadata import version

    python = ".".join(platform.python_version_tuple()[:2])
    assert _allowed(PROJECT["dependencies"], "PySide6-Essentials", version("PySide6-Essentials"),
                    python)  # fmt: skip


def test_librosa_is_not_a_runtime_dependency() -> None:
    runtime = {Requirement(r).name.lower() for r in PROJECT["dependencies"]}
    assert not runtime & TRAINING_ONLY
    train = {Requirement(r).name.lower() for r in PROJECT["optional-dependencies"]["train"]}
    assert "librosa" in train  # the front end's reference in the tests, and the benchmarks'


def test_license_is_an_spdx_expression_setuptools_accepts_without_warnings() -> None:
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dist = apply_configuration(Distribution(), ROOT / "pyproject.toml")
    assert not [str(w.message).splitlines()[0] for w in caught if "licen" in str(w.message)]
    assert dist.metadata.license_expression == "MIT"
    assert dist.metadata.license_files == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    (setuptools,) = [Requirement(r) for r in backend if Requirement(r).name == "setuptools"]
    assert not setuptools.specifier.contains(Version("76.1"))  # before SPDX license support


def test_the_packaged_app_excludes_training_libraries() -> None:
    spec = ast.parse((ROOT / "packaging" / "mgc-desktop.spec").read_text())
    (excludes,) = [
        node.value for node in ast.walk(spec)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "excludes"
    ]  # fmt: skip
    assert TRAINING_ONLY <= set(ast.literal_eval(excludes))
