"""Bad input is refused with a message naming the file (and line), and nothing is
written; repairable text is repaired and the repair recorded."""
import codecs
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLE, HEADER, PARAMS, ROOT, make_raw
from pipeline import ingest
from pipeline.__main__ import main
from pipeline.errors import InputError

LIMIT = 100_000
P = dict(PARAMS["ingest"], max_article_bytes=LIMIT)


def refused(raw: Path) -> InputError:
    with pytest.raises(InputError) as err:
        ingest.ingest(raw, P)
    return err.value


def test_good_article_is_ingested(raw_factory):
    raw = raw_factory({"a1": ARTICLE})
    tables = ingest.ingest(raw, P)
    src = tables["sources"][0]
    assert src["published_date"] == "2025-03-04" and src["date_basis"] == "stated"
    assert src["repairs"] is None and src["char_count"] == len(ARTICLE)
    assert tables["texts"][0]["text"] == ARTICLE
    kinds = {s["kind"] for s in tables["segments"]}
    assert kinds == {"dateline", "body"}


@pytest.mark.parametrize("content, words", [
    ("Café £5".encode("latin-1"), ["0xE9", "a1.txt:1:", "column 4", "UTF-8"]),
    ("Line one\nIt costs €5 “now”".encode("cp1252"), ["0x80", "UTF-8"]),
    ("Some article text here.".encode("utf-16"), ["UTF-16"]),
    ("Some article text here.".encode("utf-16-le"), ["NUL", "UTF-16"]),
    (b"", ["empty"]),
    (b"   \n\n\t  \n", ["empty or only whitespace"]),
    (b"Text\x00with a NUL", ["NUL"]),
    (bytes(range(256)), ["not UTF-8"]),
    (b"Text with a \x01 control", ["control character"]),
])
def test_bad_bytes_are_refused(raw_factory, content, words):
    e = refused(raw_factory({"a1": content}))
    assert e.path.endswith("a1.txt")
    for w in words:
        assert w in str(e)


def test_non_utf8_names_line_and_column(raw_factory):
    e = refused(raw_factory({"a1": b"first line\nsecond \xe9 line\n"}))
    assert e.line == 2 and "column 8" in str(e)


@pytest.mark.parametrize("sources, words, line", [
    ("source_id,outlet\na1,X\n", ["header"], 1),
    ("", ["header"], 1),
    (HEADER + "a1,X,,,\n", ["5 cells", "6 are expected"], 2),
    (HEADER + "a1,X,,,,,extra\n", ["7 cells"], 2),
    (HEADER + "a1,X,,2025-13-45,stated,\n", ["2025-13-45", "not a real"], 2),
    (HEADER + "a1,X,,25/03/2025,stated,\n", ["25/03/2025"], 2),
    (HEADER + "a1,X,,2025-03-01,guessed,\n", ["guessed", "date_basis"], 2),
    (HEADER + "a1,X,,2025-03-01,unknown,\n", ["'unknown'"], 2),
    (HEADER + "a1,X,,,,\na1,Y,,,,\n", ["duplicate source_id 'a1'", "line 2"], 3),
    (HEADER + "../a1,X,,,,\n", ["unsafe source_id '../a1'"], 2),
    (HEADER + "A1,X,,,,\n", ["unsafe source_id 'A1'"], 2),
    (HEADER + "a 1,X,,,,\n", ["unsafe source_id 'a 1'"], 2),
    (HEADER + "a" * 200 + ",X,,,,\n", ["unsafe source_id"], 2),
    (HEADER + "a1,X,,,,\nb2,X,,,,\n", ["no article file for source_id 'b2'"], 3),
])
def test_bad_sources_csv_is_refused(raw_factory, sources, words, line):
    e = refused(raw_factory({"a1": "Plain text of an article."}, sources))
    assert e.path.endswith("sources.csv") and e.line == line
    for w in words:
        assert w in str(e)


def test_missing_sources_csv(raw_factory):
    raw = raw_factory({"a1": "Text."})
    (raw / "sources.csv").unlink()
    assert "sources.csv is missing" in str(refused(raw))


def test_article_without_row(raw_factory):
    raw = raw_factory({"a1": "Text.", "b2": "More."}, HEADER + "a1,X,,,,\n")
    e = refused(raw)
    assert e.path.endswith("b2.txt") and "no row for this article" in str(e)


@pytest.mark.parametrize("name", ["Bad Name.txt", "UPPER.txt", "x" * 70 + ".txt"])
def test_unsafe_file_name(raw_factory, name):
    raw = raw_factory({"a1": "Text."})
    (raw / "articles" / name).write_text("Text.")
    assert "unsafe source_id" in str(refused(raw))


def test_non_article_file(raw_factory):
    raw = raw_factory({"a1": "Text."})
    (raw / "articles" / "notes.md").write_text("x")
    assert "not an article file" in str(refused(raw))


def test_symlink_outside_raw(raw_factory, tmp_path):
    raw = raw_factory({"a1": "Text."}, HEADER + "a1,X,,,,\nb2,X,,,,\n")
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside text.")
    (raw / "articles" / "b2.txt").symlink_to(outside)
    assert "outside" in str(refused(raw))


def test_size_limit(raw_factory):
    raw = raw_factory({"a1": "x" * (LIMIT + 1)})
    assert "over the 100000-byte limit" in str(refused(raw))


def test_dateline_disagreeing_with_sources(raw_factory):
    raw = raw_factory({"a1": ARTICLE}, HEADER + "a1,X,,2025-03-09,stated,\n")
    e = refused(raw)
    assert e.path.endswith("sources.csv") and "disagrees" in str(e)


@pytest.mark.parametrize("raw_bytes, text, repairs", [
    (codecs.BOM_UTF8 + "A £5 fine.".encode(), "A £5 fine.", "bom"),
    (b"One.\r\nTwo.\r\n", "One.\nTwo.\n", "crlf"),
    (b"One.\rTwo.\r", "One.\nTwo.\n", "cr"),
    ("A Â£1.5bn loan and donâ€™t".encode("utf-8"), "A £1.5bn loan and don’t", "mojibake"),
    (b"Fish &amp; chips cost &pound;5.", "Fish & chips cost £5.", "html_entities"),
    ("A\u00a0£5\u00a0fine.".encode(), "A £5 fine.", "nbsp"),
    ("zero\u200bwidth".encode(), "zerowidth", "zero_width"),
    ("Cafe\u0301 owner.".encode(), "Café owner.", "nfc"),
])
def test_repairs_are_applied_and_recorded(raw_factory, raw_bytes, text, repairs):
    tables = ingest.ingest(raw_factory({"a1": raw_bytes}), P)
    assert tables["texts"][0]["text"] == text
    assert repairs in tables["sources"][0]["repairs"].split(";")
    assert tables["sources"][0]["sha256"] == hashlib.sha256(raw_bytes).hexdigest()


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("breakage, culprit", [("latin1", "b2.txt:1:"), ("missing_row", "b2.txt"),
                                               ("empty", "a1.txt")])
def test_bad_input_leaves_last_good_output_untouched(raw_factory, tmp_path, breakage, culprit):
    raw = raw_factory({"a1": ARTICLE})
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "build", str(raw), str(out)]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0
    before = _snapshot(out)
    if breakage == "latin1":
        (raw / "articles" / "b2.txt").write_bytes("Caf\xe9".encode("latin-1"))
        (raw / "sources.csv").write_text(HEADER + "a1,X,,,,\nb2,X,,,,\n")
    elif breakage == "missing_row":
        (raw / "articles" / "b2.txt").write_text("Another article.")
    else:
        (raw / "articles" / "a1.txt").write_bytes(b"")
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith("error: ") and culprit in r.stderr and "Fix:" in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert _snapshot(out) == before


# ------------------------------------------------------------------ end to end
# Every kind of bad input, run as `python -m pipeline build RAW OUT` over a folder
# that already holds a good build: exit status 2, one line naming the file (and
# line) and the fix, and the previous output byte for byte as it was.

def _article(content):
    def breakage(raw):
        (raw / "articles" / "b2.txt").write_bytes(content)
        (raw / "sources.csv").write_text(HEADER + "a1,X,,,,\nb2,X,,,,\n")
    return breakage


def _sources(text):
    def breakage(raw):
        (raw / "sources.csv").write_bytes(text.encode("utf-8"))
    return breakage


def _extra(name, content=b"Text."):
    def breakage(raw):
        (raw / "articles" / name).write_bytes(content)
    return breakage


def _symlink(raw):
    outside = raw.parent / "outside.txt"
    outside.write_text("Outside text.")
    (raw / "articles" / "b2.txt").symlink_to(outside)
    (raw / "sources.csv").write_text(HEADER + "a1,X,,,,\nb2,X,,,,\n")


BAD = {
    "latin-1 bytes": (_article("Café £5".encode("latin-1")), "b2.txt:1:"),
    "windows-1252 bytes": (_article("It costs €5 “now”".encode("cp1252")), "b2.txt:1:"),
    "utf-16 with bom": (_article("Some article text.".encode("utf-16")), "b2.txt:1:"),
    "utf-16 without bom": (_article("Some article text.".encode("utf-16-le")), "b2.txt:1:"),
    "empty file": (_article(b""), "b2.txt"),
    "whitespace-only file": (_article(b"  \n\t\n"), "b2.txt"),
    "binary file": (_article(bytes(range(256)) * 4), "b2.txt"),
    "nul byte": (_article(b"Text\x00more"), "b2.txt:1:"),
    "control bytes": (_article(b"Text \x07 bell"), "b2.txt:1:"),
    "file over the size limit": (_article(b"x" * 2_000_001), "b2.txt"),
    "article without a row": (_extra("b2.txt"), "b2.txt"),
    "row without an article": (_sources(HEADER + "a1,X,,,,\nb2,X,,,,\n"), "sources.csv:3:"),
    "duplicate source_id": (_sources(HEADER + "a1,X,,,,\na1,Y,,,,\n"), "sources.csv:3:"),
    "unsafe id ../x": (_sources(HEADER + "a1,X,,,,\n../x,X,,,,\n"), "sources.csv:3:"),
    "unsafe id with spaces": (_sources(HEADER + "a1,X,,,,\nb 2,X,,,,\n"), "sources.csv:3:"),
    "unsafe id upper case": (_sources(HEADER + "a1,X,,,,\nB2,X,,,,\n"), "sources.csv:3:"),
    "unsafe id of 200 characters": (_sources(HEADER + "a1,X,,,,\n" + "b" * 200 + ",X,,,,\n"), "sources.csv:3:"),
    "unsafe file name": (_extra("Bad Name.txt"), "Bad Name.txt"),
    "missing header": (_sources("a1,X,,,,\n"), "sources.csv:1:"),
    "extra column": (_sources(HEADER + "a1,X,,,,,extra\n"), "sources.csv:2:"),
    "missing columns": (_sources(HEADER + "a1,X\n"), "sources.csv:2:"),
    "impossible date": (_sources(HEADER + "a1,X,,2025-13-45,inferred,\n"), "sources.csv:2:"),
    "unknown date_basis": (_sources(HEADER + "a1,X,,2025-03-01,guessed,\n"), "sources.csv:2:"),
    "symlink out of raw": (_symlink, "b2.txt"),
    "not an article file": (_extra("notes.md"), "notes.md"),
    "non-utf-8 sources.csv": (lambda raw: (raw / "sources.csv").write_bytes(
        (HEADER + "a1,Caf\xe9,,,,\n").encode("latin-1")), "sources.csv:2:"),
}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("good")
    raw = make_raw(base, {"a1": ARTICLE})
    assert main(["build", str(raw), str(base / "out")]) == 0
    return base


@pytest.mark.parametrize("case", BAD)
def test_every_bad_input_exits_cleanly_and_writes_nothing(good_build, tmp_path, capsys, case):
    shutil.copytree(good_build / "raw", tmp_path / "raw", symlinks=True)
    shutil.copytree(good_build / "out", tmp_path / "out")
    before = _snapshot(tmp_path / "out")
    breakage, culprit = BAD[case]
    breakage(tmp_path / "raw")
    capsys.readouterr()
    assert main(["build", str(tmp_path / "raw"), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert culprit in err and "Fix:" in err, err
    assert _snapshot(tmp_path / "out") == before


def test_build_refuses_to_write_over_its_input(raw_factory, capsys):
    raw = raw_factory({"a1": ARTICLE})
    before = (raw / "sources.csv").read_bytes()
    assert main(["build", str(raw), str(raw)]) == 2
    assert "overwrite its own input" in capsys.readouterr().err
    assert (raw / "sources.csv").read_bytes() == before
