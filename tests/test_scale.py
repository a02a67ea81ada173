"""Scale: output byte-identical whatever runs the per-article work (1 or 2 local
workers, a Dask cluster); the per-article cache reuses what is unchanged and nothing
else; candidate blocking loses no pair; progress output; the scale bench's corpus is
deterministic."""
import re
import subprocess
import sys
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from pipeline import consolidate, extract, runner
from pipeline.config import params
from pipeline.runner import Options
from pipeline.tables import read_table

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

N = 40   # articles: enough for several chunks per worker


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    raw = tmp_path_factory.mktemp("synthetic") / "raw"
    corpus.generate(raw, N, seed=3, n_incidents=4)
    return raw


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in (".csv", ".json", ".jsonl", ".md")}


def build_cli(raw, out, *args):
    return subprocess.run([sys.executable, "-m", "pipeline", "build", str(raw), str(out), *args],
                          cwd=ROOT, capture_output=True, text=True)


def test_the_corpus_generator_is_deterministic(tmp_path):
    corpus.generate(tmp_path / "a", 12, seed=5)
    corpus.generate(tmp_path / "b", 12, seed=5)
    corpus.generate(tmp_path / "c", 12, seed=6)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_output_is_byte_identical_whatever_the_number_of_workers(synthetic, tmp_path):
    one = build_cli(synthetic, tmp_path / "one", "--jobs", "1", "--no-cache", "--quiet")
    two = build_cli(synthetic, tmp_path / "two", "--jobs", "2", "--no-cache", "--quiet")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    a, b = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert a == b
    assert len(read_table(tmp_path / "one" / "quote_mentions.csv", "quote_mentions")) > N  # real work
    assert one.stderr == "" and two.stderr == ""   # --quiet


def _extract_inputs(raw):
    from pipeline import ingest
    tables = ingest.ingest(raw, params()["ingest"])
    return tables["sources"], tables["texts"], tables["segments"], params()["extract"]


def test_extract_on_a_dask_local_cluster_matches_one_process(synthetic):
    distributed = pytest.importorskip("distributed")
    inputs = _extract_inputs(synthetic)
    serial = extract.extract_all(*inputs, Options(jobs=1, quiet=True, cache=False))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = extract.extract_all(*inputs, Options(jobs=2, scheduler=f"dask://{cluster.scheduler_address}",
                                                       quiet=True, cache=False))
    assert on_dask == serial
    assert serial.count("\n") == N


def test_the_cache_reuses_unchanged_articles_and_only_those(synthetic, tmp_path, monkeypatch):
    sources, texts, segs, p = _extract_inputs(synthetic)
    cache = tmp_path / "extract.tsv"
    opts = Options(jobs=1, quiet=True)
    first = extract.extract_all(sources, texts, segs, p, opts, cache)

    calls = []
    real = extract.extract_line
    monkeypatch.setattr(extract, "extract_line", lambda *a: calls.append(a[0]) or real(*a))
    assert extract.extract_all(sources, texts, segs, p, opts, cache) == first
    assert calls == []                                   # nothing redone

    changed = sorted(texts, key=lambda t: t["source_id"])[7]
    changed["text"] = changed["text"].replace("said", "says", 1)
    extract.extract_all(sources, texts, segs, p, opts, cache)
    assert calls == [changed["source_id"]]               # only the changed article

    calls.clear()
    monkeypatch.setattr(runner, "code_version", lambda: "another version of the code")
    assert extract.extract_all(sources, texts, segs, p, opts, cache) != ""
    assert len(calls) == N                               # changed code redoes everything


def test_a_bad_article_found_by_a_worker_is_reported_whole(synthetic, tmp_path):
    import shutil
    raw = tmp_path / "raw"
    shutil.copytree(synthetic, raw)
    victim = sorted((raw / "articles").glob("*.txt"))[20]
    victim.write_bytes(victim.read_bytes().replace(b"\xe2\x80\x9c", b"\x93", 1))   # a cp1252 quote
    r = build_cli(raw, tmp_path / "out", "--jobs", "2", "--quiet")
    assert r.returncode == 2
    assert f"{victim}:" in r.stderr and "is not UTF-8" in r.stderr and "Fix:" in r.stderr


def test_progress_is_plain_lines_off_a_terminal_and_silent_when_quiet(capsys):
    p = runner.Progress("extract", 3, quiet=False, every=0)
    for _ in range(3):
        p.update()
    p.close()
    assert capsys.readouterr().err.splitlines() == [f"extract: {k}/3 articles" for k in (1, 2, 3)]
    q = runner.Progress("extract", 3, quiet=True, every=0)
    q.update(3)
    q.close()
    assert capsys.readouterr().err == ""


def _brute_force_groups(vectors, t):
    norm = [sum(n * n for n in v.values()) ** 0.5 for v in vectors]
    uf = consolidate.UnionFind(len(vectors))
    for i, j in combinations(range(len(vectors)), 2):
        if norm[i] and norm[j] and sum(n * vectors[j][e] for e, n in vectors[i].items()) / (norm[i] * norm[j]) >= t:
            uf.union(i, j)
    return partition(uf, len(vectors))


def partition(uf, n):
    groups = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    return sorted(groups.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 5), max_size=5), max_size=25),
       st.sampled_from([0.3, 0.5, 0.7, 0.9]))
def test_prefix_filtering_finds_every_pair_all_pairs_would(vectors, t):
    vectors = [Counter(v) for v in vectors]
    assert partition(consolidate.link_similar(vectors, t), len(vectors)) == _brute_force_groups(vectors, t)


def test_the_cache_is_rewritten_by_a_run_without_it(tmp_path):
    path = tmp_path / "c.tsv"
    stale = runner.Cache(path)
    stale.put("k", '"stale"')
    stale.save()
    fresh = runner.Cache(path)
    assert runner.cached_map(lambda: '"fresh"', [()], ["k"], fresh, Options(jobs=1, quiet=True, cache=False), "t") \
        == ['"fresh"']
    fresh.save()
    assert runner.Cache(path).get("k") == '"fresh"'


def test_an_unknown_scheduler_is_refused():
    with pytest.raises(ValueError, match="unknown scheduler"):
        Options(scheduler="localhost:8786")
    r = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--scheduler", "spark://x"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "unknown scheduler" in r.stderr


def test_publish_rebuilds_when_its_timeline_was_edited(tmp_path):
    import shutil
    from pipeline import publish
    from pipeline.config import Layout
    layout = Layout.build(tmp_path / "raw", tmp_path / "out")
    shutil.copytree(ROOT / "data", layout.data, ignore=shutil.ignore_patterns("*.duckdb*"))
    publish.run(layout)
    made = (layout.reports / "timeline.csv").read_bytes()
    db_time = layout.database.stat().st_mtime_ns
    publish.run(layout)
    assert layout.database.stat().st_mtime_ns == db_time          # unchanged inputs: not rebuilt
    (layout.reports / "timeline.csv").write_bytes(made.replace(b"occurred", b"planned", 1))
    publish.run(layout)
    assert (layout.reports / "timeline.csv").read_bytes() == made  # an edited timeline is rewritten


QUOTE_PARTS = ["We will close the plant next year.", "we will close the plant next year",
               "And we are very sorry about it.", "Jobs will move to the northern site soon.",
               "The recovery is firmly under way.", "the recovery is firmly underway"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(QUOTE_PARTS), min_size=1, max_size=3), st.booleans()),
                min_size=1, max_size=8), st.randoms())
def test_quote_grouping_does_not_depend_on_source_order(spans, rnd):
    texts = [" ".join(parts) for parts, _ in spans]
    partial = [p for _, p in spans]
    order = list(range(len(texts)))
    rnd.shuffle(order)

    def groups(idx):
        g = consolidate.group_quotes([texts[i] for i in idx], [partial[i] for i in idx], 84, 95, 6)
        by = {}
        for pos, i in enumerate(idx):
            by.setdefault(g[pos], set()).add(i)
        return sorted(sorted(s) for s in by.values())
    assert groups(order) == groups(list(range(len(texts))))


def test_each_synthetic_incident_is_one_story_and_no_story_mixes_two(tmp_path):
    """The generator's incidents are known (the `iNN` in every source_id). Seed 7 gives
    two public bodies attacked whose statements one same-named person makes, so
    stories must rest on who the story is about, not on who comments."""
    from pipeline.build import build
    from pipeline.config import Layout
    from pipeline.runner import Options
    from pipeline.tables import read_table
    raw, out = tmp_path / "raw", tmp_path / "out"
    corpus.generate(raw, 160, seed=7, n_incidents=8)
    build(Layout.build(raw, out), publish=False, opts=Options(jobs=1, quiet=True))
    story_of = {}
    for fact, mentions, key in (("quotes", "quote_mentions", "quote_id"), ("figures", "figure_mentions", "figure_id"),
                                ("events", "event_mentions", "event_id")):
        story = {r[key]: r["story_id"] for r in read_table(out / f"{fact}.csv", fact)}
        for m in read_table(out / f"{mentions}.csv", mentions):
            story_of.setdefault(m["source_id"], set()).add(story[m[key]])
    assert all(len(s) == 1 for s in story_of.values())
    incidents = {}
    for sid, (s,) in story_of.items():
        incidents.setdefault(s, set()).add(re.search(r"-i(\d\d)-", sid).group(1))
    assert sorted(len(i) for i in incidents.values()) == [1] * 8
