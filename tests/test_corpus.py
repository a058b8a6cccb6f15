"""analyze_corpus: streaming, parallel, nothing lost, flat memory on disk, and the Dask path."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import newskit
from newskit.corpus import TABLES, CorpusResult, analyze_corpus, analyze_partition, empty_table
from newskit.samples import SAMPLES_DIR, load_samples


def _equal(left: CorpusResult, right: CorpusResult) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(left.table(table), right.table(table), obj=table)


@pytest.fixture(scope="module")
def local() -> CorpusResult:
    return analyze_corpus(SAMPLES_DIR, jobs=1, progress=False)


@pytest.fixture(scope="module")
def samples_frame() -> pd.DataFrame:
    return pd.DataFrame([{"id": a.id, "title": a.title, "published": a.published, "text": a.raw}
                         for a in load_samples()])


@pytest.fixture
def broken_dir(tmp_path):
    """Two good articles and four bad documents of different kinds."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a_good.txt").write_text("Prices rose 5 percent on Friday, the minister said.", encoding="utf-8")
    (d / "b_empty.txt").write_text("   \n", encoding="utf-8")
    (d / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    lines = [json.dumps({"id": "j1", "text": "“We won,” Smith said."}), "{not json",
             json.dumps({"id": "j3", "headline": "no body"})]
    (d / "d_records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def test_samples_are_all_analysed_with_unique_docs(local):
    assert len(local.articles) == 7 and len(local.errors) == 0 and local.ok
    assert local.articles["doc"].tolist() == list(range(7))
    for table in TABLES:
        frame = local.table(table)
        assert list(frame.columns[:2]) == ["doc", "article_id"], table
        assert set(frame["doc"]) <= set(local.articles["doc"])


def test_offsets_in_the_tables_point_into_the_clean_text(local):
    texts = {a.id: a.text for a in load_samples()}
    for table in ("quantities", "dates", "quotes"):
        for row in local.table(table).itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text, (table, row)


def test_bad_documents_land_in_errors_and_nothing_else_is_lost(broken_dir):
    r = analyze_corpus(broken_dir, jobs=1, progress=False)
    assert sorted(r.articles["article_id"]) == ["a_good", "j1"]
    errors = r.errors.set_index("path")
    assert len(r.errors) == 4
    reasons = " | ".join(r.errors["reason"])
    assert "empty" in reasons and "PNG" in reasons and "not valid JSON" in reasons and "no text field" in reasons
    assert set(r.errors["stage"]) == {"load"}
    assert errors.loc[str(broken_dir / "d_records.jsonl"), "record"].tolist() == [2, 3]
    # every document has one row in articles or in errors, in input order
    assert sorted([*r.articles["doc"], *r.errors["doc"]]) == list(range(6))


def test_an_analysis_failure_is_recorded_with_its_reason(monkeypatch):
    real = newskit.corpus.chunk.analyze

    def flaky(article, **kwargs):
        if "EXPLODE" in article.text:
            raise RuntimeError("extractor crashed")
        return real(article, **kwargs)

    monkeypatch.setattr(newskit.corpus.chunk, "analyze", flaky)
    r = analyze_corpus(["One good text.", "EXPLODE here.", "Another good text."], jobs=1, progress=False)
    assert r.articles["doc"].tolist() == [0, 2]
    row = r.errors.iloc[0]
    assert (row["doc"], row["stage"], row["error"]) == (1, "analyze", "RuntimeError")
    assert "extractor crashed" in row["reason"] and "test_corpus.py" not in row["reason"]


def test_two_jobs_give_the_same_tables_as_one(local):
    _equal(analyze_corpus(SAMPLES_DIR, jobs=2, chunk_size=2, progress=False), local)


class _KillsWorker:
    """A field value whose str() ends the process: a document that crashes its worker."""

    def __str__(self):
        os._exit(3)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_out_writes_atomic_part_files_and_reads_back(tmp_path, local, fmt):
    out = tmp_path / "tables"
    r = analyze_corpus(SAMPLES_DIR, jobs=1, progress=False, out=out, format=fmt, chunk_size=3)
    assert r.out == out and r.n_articles == 7 and r.n_errors == 0
    parts = sorted((out / "articles").iterdir())
    assert [p.name for p in parts] == [f"part-0000{i}.{fmt}" for i in range(3)]
    assert not list(out.rglob("*.tmp"))
    assert json.loads((out / "manifest.json").read_text())["articles"] == 7
    reread = CorpusResult.load(out)
    assert reread.articles["doc"].tolist() == list(range(7))
    if fmt == "parquet":  # types survive: the same tables as in memory
        _equal(reread, local)
        assert len(pd.read_parquet(out / "quotes")) == len(local.quotes)  # plain pandas reads it too
    else:
        for table in TABLES:
            assert len(reread.table(table)) == len(local.table(table)), table


def test_worker_processes_write_the_same_tables(tmp_path, local):
    out = tmp_path / "tables"
    r = analyze_corpus([SAMPLES_DIR, "no/such/file.txt"], jobs=2, progress=False, out=out, chunk_size=2)
    assert r.n_articles == 7 and r.n_errors == 1
    reread = CorpusResult.load(out)
    assert reread.errors.error.tolist() == ["SourceNotFoundError"]
    for table in TABLES:  # the rest equals the in-memory run
        if table != "errors":
            pd.testing.assert_frame_equal(reread.table(table), local.table(table), obj=table)


def test_a_second_run_replaces_the_first(tmp_path):
    out = tmp_path / "t"
    analyze_corpus(SAMPLES_DIR, jobs=1, progress=False, out=out, chunk_size=2)
    r = analyze_corpus(["One text."], jobs=1, progress=False, out=out)
    assert len(CorpusResult.load(out).articles) == 1 == r.n_articles


def test_save_and_load_single_files(tmp_path, local):
    paths = local.save(tmp_path / "saved", format="parquet")
    assert sorted(p.name for p in paths) == sorted(f"{t}.parquet" for t in TABLES)
    _equal(CorpusResult.load(tmp_path / "saved"), local)


def test_inputs_articles_texts_records_frames(samples_frame, local):
    from_frame = analyze_corpus(samples_frame, jobs=1, progress=False)
    assert from_frame.articles["article_id"].tolist() == local.articles["article_id"].tolist()
    assert from_frame.quotes["text"].tolist() == local.quotes["text"].tolist()
    from_articles = analyze_corpus(load_samples(), jobs=1, progress=False)
    _equal(from_articles.__class__({t: from_articles.table(t).assign(path=None) if t == "articles"
                                    else from_articles.table(t) for t in TABLES}),
           local.__class__({t: local.table(t).assign(path=None) if t == "articles" else local.table(t)
                            for t in TABLES}))
    mixed = analyze_corpus(["A plain text.", {"text": "A record.", "id": "r1"}, 42], jobs=1, progress=False)
    assert mixed.articles["article_id"].tolist() == ["doc-0", "r1"]
    assert mixed.errors["error"].tolist() == ["TypeError"]


def test_invalid_arguments_are_rejected():
    with pytest.raises(ValueError, match="format"):
        analyze_corpus([], format="xlsx", progress=False)
    with pytest.raises(ValueError, match="at least 1"):
        analyze_corpus([], jobs=0, progress=False)
    with pytest.raises(ValueError, match="extractors"):
        analyze_corpus([], extractors=["magic"], progress=False)
    with pytest.raises(ValueError, match="unknown table"):
        analyze_partition(pd.DataFrame({"text": []}), table="nope")


def test_empty_corpus_gives_empty_typed_tables():
    r = analyze_corpus([], jobs=1, progress=False)
    for table in TABLES:
        pd.testing.assert_frame_equal(r.table(table), empty_table(table), obj=table)


def test_missing_dask_names_the_extra(monkeypatch, samples_frame):
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(newskit.errors.MissingDependencyError, match=r"newskit\[dask\]"):
        newskit.corpus.analyze_dask(samples_frame)


def test_dask_on_a_local_cluster_equals_the_local_runner(samples_frame):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    local = analyze_corpus(samples_frame, jobs=1, progress=False)
    with distributed.LocalCluster(n_workers=1, processes=False, threads_per_worker=2,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        ddf = dd.from_pandas(samples_frame, npartitions=3)
        result = newskit.corpus.analyze_dask(ddf, compute=True)
        _equal(result, local)
        quotes = ddf.map_partitions(analyze_partition, table="quotes", meta=empty_table("quotes")).compute()
        pd.testing.assert_frame_equal(quotes.reset_index(drop=True), local.quotes)


@pytest.mark.skipif(sys.platform == "win32", reason="process start method")
def test_a_worker_crash_among_many_chunks_loses_one_document():
    records = [{"id": f"ok{i}", "text": f"Prices rose {i} percent."} for i in range(8)]
    records[5] = {"id": "bad", "text": _KillsWorker()}
    r = analyze_corpus(records, jobs=2, chunk_size=2, progress=False)
    assert r.articles["doc"].tolist() == [0, 1, 2, 3, 4, 6, 7]
    assert r.errors["doc"].tolist() == [5] and r.errors["stage"].tolist() == ["worker"]


# ------------------------------------------------------------------ scripts without the main guard
_BODY = ('result = newskit.analyze_corpus(["One text.", "Two texts."], jobs=2, progress=False)\n'
         'print("analysed", len(result.articles), "failed", len(result.errors))\n')


def _run_script(tmp_path, name: str, text: str):
    script = tmp_path / name
    script.write_text("import newskit\n\n" + text, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180,
                          cwd=tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="process start method")
def test_a_script_without_the_main_guard_gets_one_clear_error(tmp_path):
    """Workers import the script again: an unguarded call is refused up front, with the fix."""
    out = _run_script(tmp_path, "unguarded.py", _BODY)
    assert out.returncode != 0 and "analysed" not in out.stdout
    assert "WorkerStartError" in out.stderr and "unguarded.py" in out.stderr and "(line 3)" in out.stderr
    assert 'if __name__ == "__main__":' in out.stderr and "jobs=1" in out.stderr
    assert "BrokenProcessPool" not in out.stderr and out.stderr.count("newskit.errors.WorkerStartError:") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="process start method")
def test_workers_that_cannot_start_are_one_error_not_a_row_per_document(tmp_path):
    """A guard the up-front check takes for one (but that runs in the workers too): the pool dies
    before analysing anything, and that is one WorkerStartError, not an error row per document."""
    out = _run_script(tmp_path, "fooled.py", 'if __name__ == "__main__" or True:\n'
                      + "".join("    " + line + "\n" for line in _BODY.splitlines()))
    assert out.returncode != 0 and "analysed" not in out.stdout
    assert "WorkerStartError" in out.stderr and "die as they start" in out.stderr
    assert 'if __name__ == "__main__":' in out.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="process start method")
def test_a_guarded_script_and_jobs_1_run(tmp_path):
    guarded = _run_script(tmp_path, "guarded.py", 'if __name__ == "__main__":\n'
                          + "".join("    " + line + "\n" for line in _BODY.splitlines()))
    assert guarded.returncode == 0, guarded.stderr
    assert "analysed 2 failed 0" in guarded.stdout
    one_job = _run_script(tmp_path, "one_job.py", _BODY.replace("jobs=2", "jobs=1"))
    assert one_job.returncode == 0 and "analysed 2 failed 0" in one_job.stdout, one_job.stderr
