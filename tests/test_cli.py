"""The newskit command: analyze, show, demo; help and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newskit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from newskit.samples import SAMPLES_DIR, sample_path


def test_python_dash_m_help_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "newskit", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for word in ("analyze", "show", "demo", "exit codes", "examples"):
        assert word in out.stdout


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["analyze"], ["analyze", "x.txt"],
                                  ["analyze", "x", "--out", "o", "--jobs", "0"],
                                  ["analyze", "x", "--out", "o", "--format", "xlsx"], ["show"]])
def test_usage_errors_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    assert code == EXIT_USAGE
    assert capsys.readouterr().err


def test_analyze_nothing_to_analyse_is_a_usage_error(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing*.txt"), "--out", str(tmp_path / "o")]) == EXIT_USAGE
    assert "nothing to analyse" in capsys.readouterr().err


def test_analyze_writes_tables_and_exit_1_when_a_document_fails(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "out"
    code = main(["analyze", str(SAMPLES_DIR), str(bad), "--out", str(out), "--format", "csv", "--jobs", "1"])
    assert code == EXIT_FAILED
    captured = capsys.readouterr()
    assert "7 articles analysed, 1 failed" in captured.out and "failed" in captured.err
    assert json.loads((out / "manifest.json").read_text())["errors"] == 1
    assert (out / "errors" / "part-00000.csv").exists()


def test_analyze_all_good_exits_0(tmp_path, capsys):
    code = main(["analyze", str(sample_path("storm_coast")), "--out", str(tmp_path), "--jobs", "1", "--quiet"])
    assert code == EXIT_OK
    assert capsys.readouterr().out == ""


def test_show_prints_a_summary_and_writes_escaped_html(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("Bad <script>x</script> day\nLONDON — Prices rose 5 percent on Friday, "
                   "“We are worried,” said Ann Lee, an economist.", encoding="utf-8")
    html = tmp_path / "view.html"
    assert main(["show", str(art), "--html", str(html)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "LONDON" in out and "Sources:" in out
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_show_multi_record_file_and_errors(tmp_path, capsys):
    assert main(["show", str(sample_path("wire_digest"))]) == EXIT_OK
    assert capsys.readouterr().out.count("published") == 3
    assert main(["show", str(tmp_path / "none.txt")]) == EXIT_USAGE
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["show", str(empty)]) == EXIT_FAILED


def test_demo_prints_summaries_and_saves_tables_and_two_plots(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "Army says forces have retaken the river town of Al-Sahra from militants" in text
    assert "dateline RAMADI" in text and "7 articles analysed, 0 failed" in text
    names = {p.name for p in out.iterdir()}
    assert {"articles.csv", "claims.csv", "quotes.csv", "sources.csv", "errors.csv",
            "sources.png", "claims.png"} <= names
    assert (out / "sources.png").read_bytes()[:4] == b"\x89PNG"
