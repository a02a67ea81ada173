"""The repository keeps its promises: the README's two commands, CI running the
README's test command, stages in order with their own code as deps, and an engine
that knows nothing of the shipped articles."""
import re
import subprocess
import sys

import yaml

from conftest import ROOT
from pipeline import lexicon
from pipeline.tables import read_table


def _commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", quick)


def test_readme_starts_with_two_commands():
    setup, tests = _commands()
    assert setup.endswith("dvc repro") and "pip install" in setup
    assert "pytest" in tests and "DVC_NO_ANALYTICS=1" in tests and "DVC_DAEMON=0" in tests


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert _commands()[1] in ci.splitlines()
    assert "dvc repro --force" in ci and "git status --porcelain" in ci


def test_readme_examples_are_current():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "README is stale: run python scripts/readme.py"


def test_stages_in_order_each_depending_on_its_module():
    stages = yaml.safe_load((ROOT / "dvc.yaml").read_text())["stages"]
    assert list(stages) == ["ingest", "extract", "consolidate", "validate", "publish", "evaluate"]
    for name, st in stages.items():
        assert st["cmd"] == f"python -m pipeline {name}"
        deps = st["deps"]
        assert f"pipeline/{name}.py" in deps or "pipeline" in deps, name


def test_pipeline_knows_nothing_of_the_shipped_articles():
    """No name of the story's people, organisations or groups, and none of its
    numbers, appears in the engine's code or lexicons."""
    names = set()
    generic = set(lexicon.load("entities")["government_words"]) | set(lexicon.load("entities")["org_words"])
    for e in read_table(ROOT / "data" / "entities.csv", "entities"):
        if e["entity_type"] != "place" and e["name"] not in generic:
            names.add(e["name"])
        if e["entity_type"] == "person":   # "Ms Reeves", as a comment might write it
            names.update(f"{h} {e['name'].split()[-1]}" for h in ("Mr", "Ms", "Mrs", "Dr"))
    for a in read_table(ROOT / "data" / "entity_aliases.csv", "entity_aliases"):
        # "the company" is English, not a name
        if len(a["alias"]) > 2 and a["alias"] not in generic and not a["alias"].startswith("the "):
            names.add(a["alias"])
    numbers = {m["surface"] for m in read_table(ROOT / "data" / "figure_mentions.csv", "figure_mentions")
               if re.search(r"\d{2}", m["surface"])}
    code = {p: p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*")
            if p.suffix in (".py", ".yaml", ".sql")}
    for p, text in code.items():
        for n in names:
            assert not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text), (p.name, n)
        for n in numbers:
            assert n not in text, (p.name, n)
    assert len(names) > 10 and len(numbers) > 10


def test_pipeline_knows_no_speaker_of_any_annotated_corpus():
    """The development and hold-out articles stay unseen by the engine too: none of
    their speakers' names, nor their speakers' surnames, nor their outlets appears in
    its code, comments or lexicons."""
    import csv as _csv
    import yaml as _yaml
    # words the lexicons hold as general English ("Council", "Energy", "Reuters") are
    # no surname or outlet of one story
    general = {w for p in (ROOT / "pipeline" / "lexicons").glob("*.yaml")
               for w in re.findall(r"[A-Za-z]+", p.read_text(encoding="utf-8").lower())}
    names, parts = set(), set()
    for path in (ROOT / "tests" / "gold").rglob("*.yaml"):
        for q in _yaml.safe_load(path.read_text(encoding="utf-8")).get("quotes") or []:
            if q.get("speaker") and len(q["speaker"]) > 3:
                names.add(q["speaker"])
                if len(words := q["speaker"].split()) in (2, 3) and len(words[-1]) > 5:
                    parts.add(words[-1])   # "Quarrie said"
    for path in (ROOT / "tests").glob("*/raw/sources.csv"):
        parts |= {r["outlet"] for r in _csv.DictReader(path.open(encoding="utf-8")) if len(r["outlet"] or "") > 3}
    names |= {n for n in parts if not all(w in general for w in re.findall(r"[A-Za-z]+", n.lower()))}
    code = {p: p.read_text(encoding="utf-8") for p in (ROOT / "pipeline").rglob("*")
            if p.suffix in (".py", ".yaml", ".sql")}
    found = sorted({(p.name, n) for p, text in code.items() for n in names
                    if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)})
    assert found == [] and len(names) > 40


def _grams(text: str, n: int = 5) -> set[str]:
    words = re.findall(r"[a-z0-9£$€%]+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_pipeline_copies_no_phrase_of_the_shipped_articles():
    """No run of five words from the shipped articles stands in the engine's code,
    comments or lexicons."""
    article_grams = set()
    for p in (ROOT / "raw" / "articles").glob("*.txt"):
        article_grams |= _grams(p.read_text(encoding="utf-8"))
    for p in (ROOT / "pipeline").rglob("*"):
        if p.suffix in (".py", ".yaml", ".sql"):
            assert not _grams(p.read_text(encoding="utf-8")) & article_grams, p.name


def test_misses_lists_what_the_metrics_count():
    """scripts/misses.py: one MISSED line per gold mention the metrics leave unmatched,
    one EXTRA line per unmatched prediction."""
    import json
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "misses.py"), "holdout", "events"],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    m = json.loads((ROOT / "reports" / "metrics.json").read_text(encoding="utf-8"))["holdout"]["events"]
    lines = r.stdout.splitlines()
    assert sum("  MISSED  " in x for x in lines) == m["gold"] - m["matched"]
    assert sum("  EXTRA   " in x for x in lines) == m["predicted"] - m["matched"]
