"""`mgc-desktop classify` on damaged float files: a single inf sample is classified like the
rest of the track, and audio that leaves the model without a usable answer gets one error line
(never "nan%")."""

from __future__ import annotations

from tests.cli.test_classify import run_cli
from tests.conftest import music_signal, write_audio


def test_damaged_float_files(tmp_path, tiny_model):
    samples = music_signal(6.0, 22050)
    samples[500, 0] = float("inf")
    one_inf = write_audio("wav_float", tmp_path / "one_inf", samples, 22050)
    samples[1000:1100] = 1e30
    extreme = write_audio("wav_float", tmp_path / "extreme", samples, 22050)

    result = run_cli("--model", str(tiny_model), "classify", str(one_inf), str(extreme))

    assert result.returncode == 1
    assert "nan" not in result.stdout.lower()
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{one_inf}\t") and "%" in line
    errors = [e for e in result.stderr.splitlines() if ": error: " in e]
    reason = "the model gave no usable answer (audio with extreme sample values?)"
    assert errors == [f"{extreme}: error: {reason}"]
