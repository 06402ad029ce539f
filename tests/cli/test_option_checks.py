"""Numeric options that cannot work are a usage error (exit 2, one line saying which), checked
before any file is touched: a negative --timeout used to fail every file as "decoder hung", and
`classify --min-confidence 2` used to mark every track uncertain."""

from __future__ import annotations

import pytest

from mgc_desktop.cli import build_parser


def run(capsys, *argv: str) -> tuple[int, str]:
    args = build_parser().parse_args(list(argv))
    code = args.func(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", ["classify", "scan", "tag"])
@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--timeout", "-5", "--timeout must be a positive number of seconds"),
        ("--timeout", "nan", "--timeout must be a positive number of seconds"),
        ("--min-confidence", "2", "--min-confidence must be between 0 and 1"),
        ("--min-confidence", "nan", "--min-confidence must be between 0 and 1"),
        ("--workers", "0", "--workers must be at least 1"),
        ("--top-k", "0", "--top-k must be at least 1"),
    ],
)
def test_unusable_numbers_are_usage_errors(capsys, tmp_path, command, option, value, message):
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # noqa: SLF001
    if option not in sub._option_string_actions:  # noqa: SLF001
        pytest.skip(f"{command} has no {option}")
    song = tmp_path / "song.flac"
    song.write_bytes(b"not touched")
    code, err = run(capsys, command, option, value, str(song))
    assert code == 2 and message in err, err
    assert song.read_bytes() == b"not touched"
