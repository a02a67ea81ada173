"""Stage `ingest`: raw/articles/*.txt + raw/sources.csv → sources, texts, segments
(and the package descriptor). Refuses bad input with an error naming file and line."""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from pathlib import Path

import ftfy
import yaml

from . import runner, schema, segments
from .config import Layout, params
from .errors import InputError
from .tables import atomic_write, render

SOURCES_HEADER = ["source_id", "outlet", "url", "published_date", "date_basis", "notes"]
_SAFE_ID = re.compile(schema.SOURCE_ID_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Only encoding repairs: quotes, ligatures, widths and normalisation are left alone here.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False,
                             fix_character_width=False, fix_line_breaks=False,
                             remove_terminal_escapes=False, remove_control_chars=False,
                             normalization=None, explain=True)
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " "}
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def canonical_text(data: bytes, path: Path | str) -> tuple[str, str, list[str]]:
    """Raw bytes → (canonical text, encoding, repairs applied). Pure."""
    if not data.strip():
        raise InputError(path, "the file is empty or only whitespace",
                         "remove it with its sources.csv row, or put the article text in it")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "the file is UTF-16, not UTF-8", "re-save it as UTF-8", line=1)
    if b"\x00" in data:
        line, col = _line_col(data, data.index(b"\x00"))
        raise InputError(path, f"NUL byte at column {col}: this is a binary or UTF-16 file, "
                         "not UTF-8 text", "replace it with the article as UTF-8 text", line=line)
    repairs = []
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8):], "utf-8-sig"
        repairs.append("bom")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        raise InputError(path, f"byte 0x{data[e.start]:02X} at column {col} is not UTF-8 "
                         "(the file looks like Latin-1 or Windows-1252)",
                         "re-save the file as UTF-8", line=line) from None
    if (m := _CONTROL.search(text)):
        line = text.count("\n", 0, m.start()) + 1
        raise InputError(path, f"control character U+{ord(m.group()):04X}: this looks like a "
                         "binary file, not article text", "replace it with the article text", line=line)
    if not text.strip():
        raise InputError(path, "the file holds only whitespace", "put the article text in it")
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        repairs.append("crlf")
    if "\r" in text:
        text = text.replace("\r", "\n")
        repairs.append("cr")
    fixed, steps = ftfy.fix_and_explain(text, _FTFY)
    if steps:
        kinds = {step[1] for step in steps}
        if "unescape_html" in kinds:
            repairs.append("html_entities")
        if kinds - {"unescape_html"}:
            repairs.append("mojibake")
        text = fixed
    if any(c in text for c in _SPACES):
        for c, r in _SPACES.items():
            text = text.replace(c, r)
        repairs.append("nbsp")
    if any(c in text for c in _ZERO_WIDTH):
        text = text.translate({ord(c): None for c in _ZERO_WIDTH})
        repairs.append("zero_width")
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        text = nfc
        repairs.append("nfc")
    return text, encoding, repairs


def _date(value: str) -> dt.date | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def read_sources(path: Path) -> dict[str, dict]:
    """raw/sources.csv → {source_id: row (with its line number)}, or InputError."""
    if not path.is_file():
        raise InputError(path, "sources.csv is missing",
                         f"create it with the header {','.join(SOURCES_HEADER)}")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        raise InputError(path, f"byte 0x{data[e.start]:02X} at column {col} is not UTF-8",
                         "re-save the file as UTF-8", line=line) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header != SOURCES_HEADER:
        raise InputError(path, f"the header is {','.join(header or [])!r}",
                         f"the first line must be {','.join(SOURCES_HEADER)}", line=1)
    rows: dict[str, dict] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(SOURCES_HEADER):
            raise InputError(path, f"{len(cells)} cells where {len(SOURCES_HEADER)} are expected",
                             "quote cells that contain commas, and give every row all columns",
                             line=line)
        row = dict(zip(SOURCES_HEADER, (c.strip() for c in cells)))
        sid = row["source_id"]
        if not _SAFE_ID.match(sid):
            raise InputError(path, f"unsafe source_id {sid!r}",
                             f"use lower-case letters, digits, '_' and '-' only ({schema.SOURCE_ID_PATTERN})",
                             line=line)
        if sid in rows:
            raise InputError(path, f"duplicate source_id {sid!r} (first on line {rows[sid]['line']})",
                             "keep one row per article", line=line)
        if row["published_date"] and _date(row["published_date"]) is None:
            raise InputError(path, f"published_date {row['published_date']!r} is not a real YYYY-MM-DD date",
                             "write the date as YYYY-MM-DD, or leave it empty", line=line)
        if row["date_basis"] and row["date_basis"] not in schema.DATE_BASES:
            raise InputError(path, f"date_basis {row['date_basis']!r} is not one of "
                             f"{', '.join(schema.DATE_BASES)}", "use one of those, or leave it empty",
                             line=line)
        if row["date_basis"] == "unknown" and row["published_date"]:
            raise InputError(path, "date_basis is 'unknown' but a published_date is given",
                             "say how the date is known (stated or inferred), or remove it", line=line)
        row["line"] = line
        rows[sid] = row
    return rows


def list_articles(raw: Path, max_bytes: int) -> dict[str, Path]:
    adir = raw / "articles"
    if not adir.is_dir():
        raise InputError(adir, "the articles folder is missing", "put one <source_id>.txt per article in it")
    root = raw.resolve()
    out = {}
    for p in sorted(adir.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_symlink() and not p.resolve().is_relative_to(root):
            raise InputError(p, f"symbolic link to {p.resolve()}, outside {raw}",
                             "copy the article into raw/articles/ instead of linking to it")
        if p.suffix != ".txt" or not p.is_file():
            raise InputError(p, "not an article file (raw/articles/ holds only <source_id>.txt files)",
                             "move it out of raw/articles/")
        if not _SAFE_ID.match(p.stem):
            raise InputError(p, f"unsafe source_id {p.stem!r} in the file name",
                             f"rename it to match {schema.SOURCE_ID_PATTERN}")
        if p.stat().st_size > max_bytes:
            raise InputError(p, f"{p.stat().st_size} bytes, over the {max_bytes}-byte limit "
                             "(ingest.max_article_bytes in params.yaml)",
                             "check it is one article; raise the limit if it really is")
        out[p.stem] = p
    return out


def ingest(raw: Path, settings: dict, opts: runner.Options = runner.Options(jobs=1),
           cache_path: Path | None = None) -> dict[str, list[dict]]:
    """Read and check the raw folder; return the sources, texts and segments tables.
    `settings` is the `ingest` section of params.yaml; articles are worked on as `opts`
    says, those unchanged since the run that wrote `cache_path` taken from it."""
    max_bytes = settings["max_article_bytes"]
    rows = read_sources(raw / "sources.csv")
    articles = list_articles(raw, max_bytes)
    for sid, p in articles.items():
        if sid not in rows:
            raise InputError(p, "no row for this article in sources.csv",
                             f"add a row for {sid!r} to {raw / 'sources.csv'}")
    for sid, row in rows.items():
        if sid not in articles:
            raise InputError(raw / "sources.csv", f"no article file for source_id {sid!r}",
                             f"add {raw / 'articles' / (sid + '.txt')} or remove the row", line=row["line"])
    if not rows:
        raise InputError(raw / "sources.csv", "no articles listed", "add a row per article")

    sources, texts, segs = [], [], []
    cache = runner.Cache(cache_path)
    calls, keys = [], []
    for sid, p in articles.items():
        data = p.read_bytes()
        row = {k: rows[sid][k] for k in SOURCES_HEADER + ["line"]}
        calls.append((str(p), data, row, str(raw / "sources.csv"), settings))
        # the line number only places error messages, which are never cached
        keys.append(cache.key("ingest", hashlib.sha256(data).hexdigest(),
                              {k: v for k, v in row.items() if k != "line"}, settings))
    for value in runner.cached_map(ingest_article, calls, keys, cache, opts, "ingest"):
        a = json.loads(value)
        sources.append(a["source"])
        texts.append({"source_id": a["source"]["source_id"], "text": a["text"]})
        segs += a["segments"]
    cache.save()
    return {"sources": sources, "texts": texts, "segments": segs}


def ingest_article(path: str, data: bytes, row: dict, sources_csv: str, settings: dict) -> str:
    """One article's sources row, canonical text and segments, as JSON. Pure."""
    sid = row["source_id"]
    text, encoding, repairs = canonical_text(data, path)
    published, basis = row["published_date"], row["date_basis"]
    if (m := segments.dateline(text)):
        stated = m.group(1)
        if _date(stated) is None:
            raise InputError(path, f"the date line gives {stated!r}, not a real date",
                             "correct it to YYYY-MM-DD", line=1)
        if published and published != stated:
            raise InputError(sources_csv, f"published_date {published} for {sid!r} "
                             f"disagrees with the article's date line ({stated})",
                             "correct one of them", line=row["line"])
        published, basis = stated, basis or "stated"
    elif basis == "stated" and not published:
        raise InputError(sources_csv, f"date_basis is 'stated' but {sid!r} has no date "
                         "line and no published_date", "give the date or change date_basis",
                         line=row["line"])
    basis = basis or ("inferred" if published else "unknown")
    source = {
        "source_id": sid, "outlet": row["outlet"] or None, "url": row["url"] or None,
        "published_date": published or None, "date_basis": basis, "notes": row["notes"] or None,
        "char_count": len(text), "sha256": hashlib.sha256(data).hexdigest(),
        "encoding": encoding, "repairs": ";".join(repairs) or None,
    }
    segs = [{"source_id": sid, "char_start": s.start, "char_end": s.end, "kind": s.kind}
            for s in segments.classify(text, settings["heading_max_words"])]
    return json.dumps({"source": source, "text": text, "segments": segs}, ensure_ascii=False)


def package_meta(raw: Path) -> dict:
    path = raw / "package.yaml"
    if not path.is_file():
        return {"name": re.sub(r"[^a-z0-9._-]+", "-", raw.resolve().parent.name.lower()) or "incident-coverage",
                "title": "Incident coverage"}
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def descriptor_text(layout: Layout) -> str:
    pkg = schema.datapackage(package_meta(layout.raw), layout.data_prefix)
    return json.dumps(pkg, indent=2, ensure_ascii=False) + "\n"


def run(layout: Layout, opts: runner.Options = runner.Options()) -> None:
    from .validate import check_before_writing
    tables = ingest(layout.raw, params()["ingest"], opts, layout.cache / "ingest.tsv")
    rendered = {name: render(name, rows) for name, rows in tables.items()}
    check_before_writing(layout.data, rendered)   # swapped in only when its checks pass
    atomic_write({**{layout.data / f"{name}.csv": text for name, text in rendered.items()},
                  layout.datapackage: descriptor_text(layout)})
