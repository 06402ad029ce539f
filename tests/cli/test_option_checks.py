"""Numeric options that cannot work are a usage error (exit 2, one line saying which), checked
before any file is touched: a negative --timeout used to fail every file as "decoder hung", and
`classify --min-confidence 2` used to mark every track uncertain."""

from __future__ import annotations

import pytest

from mgc_desktop.cli import main

TIMEOUT = "--timeout must be a positive number of seconds"
CONFIDENCE = "--min-confidence must be between 0 and 1"
WORKERS = "--workers must be at least 1"
TOP_K = "--top-k must be at least 1"


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        *[(c, "--timeout", v, TIMEOUT) for c in ("classify", "scan") for v in ("-5", "nan")],
        *[(c, "--min-confidence", v, CONFIDENCE) for c in ("classify", "tag")
          for v in ("2", "nan")],
        *[(c, "--workers", "0", WORKERS) for c in ("classify", "scan")],
        *[(c, "--top-k", "0", TOP_K) for c in ("classify", "tag")],
    ],
)
def test_unusable_numbers_are_usage_errors(capsys, tmp_path, command, option, value, message):
    song = tmp_path / "song.flac"
    song.write_bytes(b"not touched")
    code = main([command, option, value, str(song)])
    err = capsys.readouterr().err
    assert code == 2 and message in err, err
    assert song.read_bytes() == b"not touched"
