"""The one model of the package's tables: every field defined once, every table a list
of field names with its keys. The frictionless descriptor, the pandera schemas, the
DuckDB DDL and the README's data dictionary are all generated from here."""
from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"

ENTITY_TYPES = ("person", "organisation", "government_body", "group", "place")
FIGURE_KINDS = ("money", "count", "percentage", "duration", "quantity")
QUALIFIERS = ("exact", "approximate", "more_than", "at_least", "less_than", "at_most", "range")
PERS = ("day", "week", "month", "year")
EVENT_TYPES = (
    "cyber_attack", "systems_shutdown", "operations_halted", "halt_extended",
    "operations_resumed", "systems_restored", "data_compromised",
    "responsibility_claimed", "government_support", "official_visit",
    "financial_report", "impact_assessment", "law_enforcement", "supplier_impact", "other",
)
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
EVENT_STATUSES = ("occurred", "planned")
DATE_BASES = ("stated", "inferred", "unknown")
SEGMENT_KINDS = ("body", "heading", "caption", "credit", "furniture", "dateline")

# frictionless type -> (pandas dtype used for validation, DuckDB type)
TYPES = {
    "string": ("string", "VARCHAR"),
    "integer": ("Int64", "BIGINT"),
    "number": ("Float64", "DOUBLE"),
    "boolean": ("boolean", "BOOLEAN"),
    "date": ("datetime64[ns]", "DATE"),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: int | None = None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: tuple[str, ...]
    primary_key: tuple[str, ...]
    required: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    # a field whose meaning (or vocabulary) in this table is narrower than the shared one
    descriptions: dict[str, str] = field(default_factory=dict)
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # mention tables: the column that must equal texts.text[char_start:char_end]
    slice_column: str | None = None


def _f(name, type_, description, **kw):
    return Field(name, type_, description, **{k: tuple(v) if isinstance(v, list) else v
                                              for k, v in kw.items()})


FIELDS: dict[str, Field] = {f.name: f for f in [
    _f("story_id", "string", "The incident the fact belongs to, named by the entity its articles "
       "name most; articles naming the same main organisation, group or person are one story."),
    _f("source_id", "string", "Identifier of an article: the stem of its file in raw/articles/.",
       pattern=SOURCE_ID_PATTERN),
    _f("outlet", "string", "Publication that ran the article, where the text or curation says."),
    _f("url", "string", "Address the article was collected from, where known."),
    _f("published_date", "date", "Publication date (stated in the text or inferred; see date_basis)."),
    _f("date_basis", "string", "How published_date was worked out.", enum=DATE_BASES),
    _f("notes", "string", "How an inferred date or outlet was worked out."),
    _f("char_count", "integer", "Length of the canonical text in code points.", minimum=0),
    _f("sha256", "string", "SHA-256 of the raw article file's bytes.", pattern=r"^[0-9a-f]{64}$"),
    _f("encoding", "string", "Encoding the raw bytes were decoded from."),
    _f("repairs", "string", "Repairs applied to make the canonical text, ';'-separated "
       "(bom, crlf, cr, mojibake, html_entities, nfc, nbsp, zero_width); empty if none."),
    _f("text", "string", "Text."),
    _f("char_start", "integer", "Start offset (code points, inclusive) into the source's canonical text.", minimum=0),
    _f("char_end", "integer", "End offset (code points, exclusive) into the source's canonical text.", minimum=0),
    _f("kind", "string", "Kind."),
    _f("entity_id", "string", "Identifier of an entity, derived from its canonical name.",
       pattern=r"^[a-z0-9][a-z0-9-]*$"),
    _f("name", "string", "Canonical name of the entity."),
    _f("entity_type", "string", "Kind of entity.", enum=ENTITY_TYPES),
    _f("alias", "string", "A name the coverage uses for the entity."),
    _f("surface", "string", "The words of the mention as written."),
    _f("figure_id", "string", "Identifier of a figure, derived from its content.", pattern=r"^fig-[0-9a-f]{12}$"),
    _f("value", "number", "The number, scale words applied; the low end of a range."),
    _f("value_high", "number", "The high end of a range; empty unless qualifier is range."),
    _f("unit", "string", "ISO 4217 code or crypto ticker (money), counted noun (count), "
       "percent/percentage_point, time unit (duration) or unit symbol (quantity)."),
    _f("per", "string", "The period of a rate (\"a day\", \"per week\"), empty if not a rate.", enum=PERS),
    _f("qualifier", "string", "How the number is hedged.", enum=QUALIFIERS),
    _f("measure", "string", "Short lower-case phrase saying what is measured."),
    _f("subject_id", "string", "Entity the figure is about, where the sentence says."),
    _f("sentence", "string", "The sentence the mention stands in."),
    _f("quote_id", "string", "Identifier of a quote, derived from its content.", pattern=r"^quo-[0-9a-f]{12}$"),
    _f("speaker_id", "string", "Entity that spoke or wrote the words; empty if unattributed."),
    _f("speaker_role", "string", "Title or role the article gives the speaker, or spokesperson/statement."),
    _f("is_partial", "boolean", "True when the quoted words are embedded in reported speech."),
    _f("speaker_text", "string", "The speaker as written (\"Ms Smith\", \"he\", \"A spokesperson\")."),
    _f("cue", "string", "The attribution words (\"said\", \"told reporters\")."),
    _f("event_id", "string", "Identifier of an event, derived from its content.", pattern=r"^evt-[0-9a-f]{12}$"),
    _f("event_type", "string", "Kind of happening (closed vocabulary).", enum=EVENT_TYPES),
    _f("event_date", "date", "When it happened or is planned for (a week: its Monday; a month: the 1st)."),
    _f("date_precision", "string", "How precisely event_date is known.", enum=DATE_PRECISIONS),
    _f("status", "string", "Whether it had happened at publication.", enum=EVENT_STATUSES),
    _f("summary", "string", "One-line description of the event."),
    _f("actor_id", "string", "Entity that did it, where the sentence says."),
    _f("place_id", "string", "Where it happened, where the sentence says."),
    _f("evidence", "string", "The sentence that reports the event."),
    _f("date_text", "string", "The words that dated it."),
]}

_MENTION = ("source_id", "char_start", "char_end")


def _fk_source():
    return ForeignKey(("source_id",), "sources", ("source_id",))


def _fk_entity(col):
    return ForeignKey((col,), "entities", ("entity_id",))


TABLES: dict[str, Table] = {t.name: t for t in [
    Table("sources", "One row per article: where it came from and how its text was made.",
          ("source_id", "outlet", "url", "published_date", "date_basis", "notes",
           "char_count", "sha256", "encoding", "repairs"),
          ("source_id",), required=("source_id", "date_basis", "char_count", "sha256", "encoding")),
    Table("texts", "Canonical text of each article: the raw text after encoding repair, "
          "Unicode NFC and \\n newlines, nothing deleted. All offsets point into it.",
          ("source_id", "text"), ("source_id",), required=("source_id", "text"),
          foreign_keys=(_fk_source(),), descriptions={"text": "The canonical text."}),
    Table("segments", "Every non-empty line of each text, with what it is; only body "
          "lines yield figures, quotes and events.",
          ("source_id", "char_start", "char_end", "kind"), ("source_id", "char_start"),
          required=("source_id", "char_start", "char_end", "kind"), foreign_keys=(_fk_source(),),
          descriptions={"kind": "What the line is: headings are headlines, standfirsts and "
                                "subheadings; credits are photo credits; furniture is navigation, "
                                "promos and links; the dateline is the ' date YYYY-MM-DD' or wire "
                                "dateline prefix."},
          enums={"kind": SEGMENT_KINDS}),
    Table("entities", "People, organisations, government bodies, groups and places named "
          "in the coverage.", ("entity_id", "name", "entity_type"), ("entity_id",),
          required=("entity_id", "name", "entity_type")),
    Table("entity_aliases", "Names the coverage uses for each entity.", ("entity_id", "alias"),
          ("entity_id", "alias"), required=("entity_id", "alias"),
          foreign_keys=(_fk_entity("entity_id"),)),
    Table("entity_mentions", "Where each entity is named.",
          ("entity_id",) + _MENTION + ("surface",), ("entity_id", "source_id", "char_start"),
          required=("entity_id",) + _MENTION + ("surface",),
          foreign_keys=(_fk_entity("entity_id"), _fk_source()), slice_column="surface"),
    Table("figures", "Numbers stated about the story: one row per number for a measure.",
          ("figure_id", "kind", "value", "value_high", "unit", "per", "qualifier", "measure",
           "subject_id", "story_id"),
          ("figure_id",), required=("figure_id", "kind", "value", "unit", "qualifier"),
          foreign_keys=(_fk_entity("subject_id"), _fk_entity("story_id")),
          descriptions={"kind": "What sort of number it is."}, enums={"kind": FIGURE_KINDS}),
    Table("figure_mentions", "Each place a figure is reported.",
          ("figure_id",) + _MENTION + ("surface", "qualifier", "sentence"),
          ("figure_id", "source_id", "char_start"),
          required=("figure_id",) + _MENTION + ("surface", "qualifier", "sentence"),
          foreign_keys=(ForeignKey(("figure_id",), "figures", ("figure_id",)), _fk_source()),
          slice_column="surface",
          descriptions={"qualifier": "How this mention hedges the number."}),
    Table("quotes", "Words quoted from a speaker: one row per statement, however many "
          "sources quote it.", ("quote_id", "speaker_id", "speaker_role", "text", "is_partial",
                                "story_id"),
          ("quote_id",), required=("quote_id", "text", "is_partial"),
          foreign_keys=(_fk_entity("speaker_id"), _fk_entity("story_id")),
          descriptions={"text": "The quoted words (the longest faithful variant across sources)."}),
    Table("quote_mentions", "Each contiguous quoted span in a source.",
          ("quote_id",) + _MENTION + ("text", "speaker_text", "cue", "speaker_id"),
          ("quote_id", "source_id", "char_start"),
          required=("quote_id",) + _MENTION + ("text",),
          foreign_keys=(ForeignKey(("quote_id",), "quotes", ("quote_id",)), _fk_source(),
                        _fk_entity("speaker_id")),
          slice_column="text",
          descriptions={"text": "The quoted words as this source writes them.",
                        "speaker_id": "The speaker this source attributes the words to."}),
    Table("events", "Things that happened or are planned, anchored in time: one row per "
          "happening, however many sources report it.",
          ("event_id", "event_type", "event_date", "date_precision", "status", "summary",
           "actor_id", "place_id", "story_id"),
          ("event_id",), required=("event_id", "event_type", "date_precision", "status",
                                   "summary"),
          foreign_keys=(_fk_entity("actor_id"), _fk_entity("place_id"), _fk_entity("story_id"))),
    Table("event_mentions", "Each place an event is reported, with the date this source gives.",
          ("event_id",) + _MENTION + ("evidence", "date_text", "event_date", "date_precision", "status"),
          ("event_id", "source_id", "char_start"),
          required=("event_id",) + _MENTION + ("evidence", "date_text", "date_precision", "status"),
          foreign_keys=(ForeignKey(("event_id",), "events", ("event_id",)), _fk_source()),
          slice_column="evidence",
          descriptions={"event_date": "The date as this source gives it.",
                        "date_precision": "Precision of this source's date.",
                        "status": "Status as this source reports it."}),
]}

# Tables written by each stage (the contract tables plus the added ones).
INGEST_TABLES = ("sources", "texts", "segments")
CONSOLIDATE_TABLES = ("entities", "entity_aliases", "entity_mentions", "figures",
                      "figure_mentions", "quotes", "quote_mentions", "events", "event_mentions")


def table_fields(table: str) -> list[Field]:
    t = TABLES[table]
    out = []
    for name in t.fields:
        f = FIELDS[name]
        if name in t.descriptions or name in t.enums:
            f = Field(f.name, f.type, t.descriptions.get(name, f.description), t.enums.get(name, f.enum),
                      f.pattern, f.minimum)
        out.append(f)
    return out


# ---------------------------------------------------------------- generated artifacts

def frictionless_schema(table: str) -> dict:
    t = TABLES[table]
    fields = []
    for f in table_fields(table):
        d = {"name": f.name, "type": f.type, "description": f.description}
        c = {}
        if f.name in t.required:
            c["required"] = True
        if f.enum:
            c["enum"] = list(f.enum)
        if f.pattern:
            c["pattern"] = f.pattern
        if f.minimum is not None:
            c["minimum"] = f.minimum
        if c:
            d["constraints"] = c
        if f.type == "boolean":
            d["trueValues"], d["falseValues"] = ["true"], ["false"]
        fields.append(d)
    schema = {"fields": fields, "primaryKey": list(t.primary_key), "missingValues": [""]}
    if t.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.resource, "fields": list(fk.reference)}}
            for fk in t.foreign_keys]
    return schema


def datapackage(meta: dict, data_prefix: str) -> dict:
    """The Data Package v1 descriptor. `meta` is the dataset's own metadata
    (raw/package.yaml: name, title, description, licenses, sources, contributors);
    `data_prefix` is the CSV folder relative to the descriptor ("data/" or "")."""
    resources = []
    for name in INGEST_TABLES + CONSOLIDATE_TABLES:
        resources.append({
            "name": name,
            "path": f"{data_prefix}{name}.csv",
            "profile": "tabular-data-resource",
            "description": TABLES[name].description,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True},
            "schema": frictionless_schema(name),
        })
    pkg = {"profile": "tabular-data-package"}
    for key in ("name", "title", "description", "version", "homepage", "keywords",
                "licenses", "sources", "contributors"):
        if key in meta:
            pkg[key] = meta[key]
    pkg["resources"] = resources
    return pkg


def duckdb_ddl(table: str) -> str:
    t = TABLES[table]
    cols = []
    for f in table_fields(table):
        null = " NOT NULL" if f.name in t.required else ""
        cols.append(f"  {f.name} {TYPES[f.type][1]}{null}")
    cols.append(f"  PRIMARY KEY ({', '.join(t.primary_key)})")
    return f"CREATE TABLE {table} (\n" + ",\n".join(cols) + "\n);"


def data_dictionary() -> str:
    """Markdown data dictionary, printed into the README."""
    lines = []
    for name in INGEST_TABLES + CONSOLIDATE_TABLES:
        t = TABLES[name]
        lines += [f"### `{name}`", "", t.description, "",
                  f"Primary key: `{', '.join(t.primary_key)}`." + (
                      " Foreign keys: " + "; ".join(
                          f"`{', '.join(fk.fields)}` → `{fk.resource}`" for fk in t.foreign_keys) + "."
                      if t.foreign_keys else ""), "",
                  "| column | type | required | description |", "|---|---|---|---|"]
        for f in table_fields(name):
            desc = f.description + (f" One of: {', '.join(f.enum)}." if f.enum else "")
            lines.append(f"| `{f.name}` | {f.type} | {'yes' if f.name in t.required else ''} | {desc} |")
        lines.append("")
    return "\n".join(lines)
