"""Promises of the package as a whole: light import, no downloads, stripped notebooks, CI wiring."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newskit

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, **env) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, **env}, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_import_is_light():
    out = run_python("import sys, newskit; print(sorted(m for m in ('nltk', 'pandas', 'matplotlib', "
                     "'numpy', 'trafilatura') if m in sys.modules))")
    assert out.strip() == "[]"


def test_core_needs_no_nltk_data(tmp_path):
    code = ("import newskit, nltk; "
            "art = newskit.load('Title\\nLONDON (Reuters) - Mr. Smith left at 5 p.m. on Oct. 26. He said no.'); "
            "print(len(newskit.split_sentences(art.text)))")
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    assert run_python(code, **env).strip() == "2"


def test_public_api_names_resolve():
    for name in ("load", "load_corpus", "clean", "split_sentences", "Article", "errors", "to_frame"):
        assert getattr(newskit, name) is not None
    with pytest.raises(AttributeError):
        newskit.no_such_name  # noqa: B018


def test_notebooks_are_committed_without_outputs():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "the notebooks folder is empty"
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        dirty = [i for i, c in enumerate(nb["cells"]) if c.get("outputs") or c.get("execution_count")]
        assert not dirty, f"{path.name}: cells {dirty} have outputs; run nbstripout {path}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in readme and "scripts/test.sh" in ci
    assert "scripts/demo.sh" in readme


def test_no_pickle_in_the_package():
    for path in (ROOT / "newskit").rglob("*"):
        assert path.suffix not in {".pkl", ".pickle", ".joblib"}, path
        if path.suffix == ".py":
            text = path.read_text(encoding="utf-8")
            assert "import pickle" not in text and "allow_pickle=True" not in text, path


def _type_checking_imports() -> dict[str, str]:
    """Name -> module of every import in newskit/__init__.py's ``if TYPE_CHECKING:`` block."""
    import ast

    tree = ast.parse((ROOT / "newskit" / "__init__.py").read_text(encoding="utf-8"))
    blocks = [n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", None) == "TYPE_CHECKING"]
    assert len(blocks) == 1, "newskit/__init__.py needs one `if TYPE_CHECKING:` block"
    names = {}
    for node in ast.walk(blocks[0]):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                name = alias.asname or alias.name
                names[name] = f"{node.module}.{alias.name}" if node.module == "newskit" else node.module
    return names


def test_type_checkers_see_every_public_name():
    """The TYPE_CHECKING block imports exactly the lazy API's names, each from its module."""
    seen = _type_checking_imports()
    assert seen == newskit._API, (sorted(set(newskit._API) - set(seen)), sorted(set(seen) - set(newskit._API)))
    assert sorted(newskit.__all__) == sorted(seen)
    for name, module in seen.items():  # and they are the very objects the lazy API gives
        import importlib

        if name in newskit._SUBMODULES:
            assert getattr(newskit, name) is importlib.import_module(module), name
        else:
            assert getattr(newskit, name) is getattr(importlib.import_module(module), name), name


def _environment_yml() -> tuple[set[str], list[str]]:
    """The conda packages of environment.yml (names only) and its pip lines."""
    conda, pip, in_pip = set(), [], False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        item = line.split("#")[0].strip()
        if not item.startswith("- "):
            continue
        value = item[2:].strip()
        if value == "pip:":
            in_pip = True
        elif in_pip and line.startswith("      "):
            pip.append(value)
        else:
            conda.add(value.split(">")[0].split("=")[0].split("[")[0].strip())
    return conda, pip


def test_environment_yml_takes_the_dependencies_from_conda_forge():
    """Every requirement of newskit (core and the extras but [bench]) from conda-forge; pip
    installs newskit only."""
    from importlib.metadata import requires

    conda, pip = _environment_yml()
    assert pip == ["-e ."], pip
    wanted = set()
    for req in requires("newskit") or []:
        name, _, marker = req.partition(";")
        extra = marker.split("extra ==")[-1].strip().strip("'\"") if "extra" in marker else None
        if extra in ("bench", "all"):
            continue
        wanted.add(name.split(">")[0].split("=")[0].split("[")[0].strip().lower())
    assert wanted - conda == set(), f"not in environment.yml: {sorted(wanted - conda)}"
