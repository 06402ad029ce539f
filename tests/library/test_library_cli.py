"""`mgc-desktop scan` and `classify` reading the index."""

from __future__ import annotations

import json

from mgc_desktop.cli import main


def _run(capsys, model_path, *argv):
    code = main(["--model", str(model_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_summary_exit_codes_and_rescan(capsys, music, model_path):
    code, out, _ = _run(capsys, model_path, "scan", str(music), "--workers", "1", "--json")
    assert code == 0
    record = json.loads(out)
    assert (record["files"], record["added"], record["classified"]) == (5, 5, 5)

    (music / "bad.flac").write_bytes(b"fLaC" + b"\x00" * 64)
    code, out, err = _run(capsys, model_path, "scan", str(music), "--workers", "1")
    assert code == 1
    assert "1 added" in out and "5 unchanged" in out and "1 failed" in out
    assert "bad.flac: error:" in err
    code, out, _ = _run(capsys, model_path, "scan", str(music))
    assert code == 1 and "1 failed before" in out  # still broken, not retried

    assert _run(capsys, model_path, "scan", str(music), "--workers", "0")[0] == 2
    assert main(["scan"]) == 2


def test_scan_with_unusable_model_is_a_usage_error(capsys, music, tmp_path):
    bogus = tmp_path / "bogus.onnx"
    bogus.write_bytes(b"not a model")
    code, _, err = _run(capsys, bogus, "scan", str(music))
    assert code == 2 and "cannot use the model" in err


def test_classify_uses_current_index_entries(capsys, music, model_path, monkeypatch, tone):
    assert _run(capsys, model_path, "scan", str(music), "--workers", "1", "--json")[0] == 0
    import mgc_desktop.model.batch as batch

    started = []
    real_pool = batch.ClassifierPool

    def counting_pool(*args, **kw):
        started.append(args)
        return real_pool(*args, **kw)

    monkeypatch.setattr(batch, "ClassifierPool", counting_pool)
    code, out, _ = _run(capsys, model_path, "classify", str(music), "--json")
    assert code == 0 and started == []  # every answer came from the index
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5 and all(r["model_id"] == "dev-a" for r in records)

    tone(music / "loose.wav", freq=1500.0, seconds=2.5, fmt="WAV")  # changed: not current
    code, out, _ = _run(capsys, model_path, "classify", str(music), "--workers", "1")
    assert code == 0 and len(started) == 1 and len(out.splitlines()) == 5
