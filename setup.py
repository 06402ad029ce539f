"""Build hook: ship the top-level `resources/` folder inside the wheel as `mgc_desktop/resources`.

pyproject.toml alone cannot say "find every mgc_desktop subpackage, and also map one package to
a folder outside the tree": a package-dir mapping needs the package listed, and a listed package
disables discovery. So discovery runs here and the mapped data package is appended. Everything
else lives in pyproject.toml. `pip install -e .` keeps working: in a checkout the code finds
`resources/` beside the package (mgc_desktop.paths.resources_dir).
"""

from setuptools import find_namespace_packages, find_packages, setup

setup(
    packages=[
        *find_packages(include=["mgc_desktop", "mgc_desktop.*"]),
        "mgc_desktop.resources",
        # beets finds third-party plugins in its `beetsplug` namespace package (no __init__.py).
        *find_namespace_packages(include=["beetsplug"]),
    ],
    package_dir={"mgc_desktop.resources": "resources"},
)
