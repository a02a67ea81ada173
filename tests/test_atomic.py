"""A stage killed half-way leaves every output either as it was or as the finished
run writes it, never half-written; the next run succeeds. Tampering with the
committed data shows in `dvc status`."""
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

DEVSET = ROOT / "tests" / "devset" / "raw"


def big_raw(folder, copies):
    """The development set repeated: enough work for a kill to land mid-run."""
    (folder / "articles").mkdir(parents=True)
    lines = (DEVSET / "sources.csv").read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for k in range(copies):
        for p in sorted((DEVSET / "articles").glob("*.txt")):
            (folder / "articles" / f"{p.stem}-{k}.txt").write_bytes(p.read_bytes())
        out += [f"{line.split(',', 1)[0]}-{k},{line.split(',', 1)[1]}" for line in lines[1:]]
    (folder / "sources.csv").write_text("\n".join(out) + "\n", encoding="utf-8")


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith((".duckdb", ".tmp", ".tmp.wal"))}   # temporaries


def build(raw, out):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", str(raw), str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.parametrize("fraction", [0.4, 0.8])
def test_killed_run_leaves_old_or_new_outputs(tmp_path, fraction):
    raw_old, raw_new = tmp_path / "old", tmp_path / "new"
    big_raw(raw_old, 6)
    shutil.copytree(raw_old, raw_new)
    extra = raw_new / "articles" / "zz-extra.txt"
    extra.write_bytes((DEVSET / "articles" / "dev-a1-hospital-wire.txt").read_bytes())
    with open(raw_new / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("zz-extra,Extra Outlet,,,,\n")
    expected_new = tmp_path / "expected"
    t0 = time.monotonic()
    assert build(raw_new, expected_new).wait() == 0
    duration = time.monotonic() - t0

    out = tmp_path / "out"
    assert build(raw_old, out).wait() == 0
    old, new = files(out), files(expected_new)
    proc = build(raw_new, out)
    time.sleep(duration * fraction)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for name, content in files(out).items():
        assert content in (old.get(name), new.get(name)), f"{name} is half-written"
    assert build(raw_new, out).wait() == 0
    assert files(out) == new
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.tmp.wal"))


STAGE = ("import sys; from pathlib import Path; from pipeline.config import Layout; "
         "from pipeline import consolidate; consolidate.run(Layout.build(Path(sys.argv[1]), Path(sys.argv[2])))")


@pytest.mark.parametrize("fraction", [0.3, 0.6])
def test_a_stage_killed_half_way_changes_nothing(tmp_path, fraction):
    """The consolidate stage, killed while it works on new mentions, leaves data/
    exactly as it was; run again, it finishes and writes the new tables."""
    raw = tmp_path / "raw"
    big_raw(raw, 6)
    out = tmp_path / "out"
    assert build(raw, out).wait() == 0
    before = files(out)
    # new mentions for the stage to consolidate: one article fewer
    lines = (out / "interim" / "mentions.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "interim" / "mentions.jsonl").write_text("".join(lines[1:]), encoding="utf-8")
    run = lambda: subprocess.Popen([sys.executable, "-c", STAGE, str(raw), str(out)], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    probe_dir = tmp_path / "probe"
    shutil.copytree(out, probe_dir)
    t0 = time.monotonic()
    assert subprocess.run([sys.executable, "-c", STAGE, str(raw), str(probe_dir)], cwd=ROOT).returncode == 0
    delay = (time.monotonic() - t0) * fraction
    # the kill must land while the stage runs: a run that finished first is no test of
    # it, so it is undone and tried again with a shorter delay
    pristine = tmp_path / "pristine"
    shutil.copytree(out, pristine)
    for _ in range(4):
        proc = run()
        time.sleep(delay)
        if proc.poll() is None:
            break
        shutil.rmtree(out)
        shutil.copytree(pristine, out)
        delay /= 2
    else:
        pytest.fail("the stage always finished before the kill")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {k: v for k, v in files(out).items() if not k.startswith("interim/")} == \
        {k: v for k, v in before.items() if not k.startswith("interim/")}
    assert run().wait() == 0
    assert files(out)["figures.csv"] == files(probe_dir)["figures.csv"] != before["figures.csv"]


def test_tampered_data_shows_in_dvc_status(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = dict(os.environ, DVC_NO_ANALYTICS="1", DVC_DAEMON="0")
    dvc = str(ROOT / ".venv" / "bin" / "dvc") if (ROOT / ".venv" / "bin" / "dvc").exists() else "dvc"
    clean = subprocess.run([dvc, "status"], cwd=clone, env=env, capture_output=True, text=True)
    assert "figures.csv" not in clean.stdout
    path = clone / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")     # a deleted row
    r = subprocess.run([dvc, "status"], cwd=clone, env=env, capture_output=True, text=True)
    assert "modified:" in r.stdout and "data/figures.csv" in r.stdout
