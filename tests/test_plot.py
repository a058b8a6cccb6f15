"""newskit.plot: every helper returns its Axes, handles empty data, and never shows a window."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import newskit  # noqa: E402
from newskit import plot  # noqa: E402
from newskit.samples import SAMPLES_DIR, load_sample  # noqa: E402

PLOTS = ["sources", "claims", "quantities", "timeline"]


@pytest.fixture(autouse=True)
def no_show(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a plot helper called plt.show()")

    monkeypatch.setattr(plt, "show", refuse)
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def data():
    return {
        "analysis": newskit.analyze(load_sample()),
        "corpus": newskit.analyze_corpus(SAMPLES_DIR, jobs=1, progress=False),
        "empty": newskit.analyze("Nothing."),
    }


@pytest.mark.parametrize("kind", PLOTS)
@pytest.mark.parametrize("which", ["analysis", "corpus", "empty"])
def test_returns_axes_with_a_title(data, kind, which):
    ax = getattr(plot, kind)(data[which])
    assert isinstance(ax, matplotlib.axes.Axes)
    assert ax.get_title()


@pytest.mark.parametrize("kind", PLOTS)
def test_draws_on_the_given_axes(data, kind):
    _, ax = plt.subplots()
    assert getattr(plot, kind)(data["corpus"], ax=ax) is ax


def test_sources_labels_show_shares(data):
    ax = plot.sources(data["corpus"], top=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 4 and labels[-1].startswith("other sources")


def test_dict_of_frames_is_accepted(data):
    ax = plot.quantities(data["analysis"].to_frames())
    assert "Quantities" in ax.get_title()


def test_wrong_input_is_a_type_error():
    with pytest.raises(TypeError, match="CorpusResult"):
        plot.claims([1, 2, 3])


def test_save_figures_writes_pngs_without_pyplot(tmp_path, data):
    paths = plot.save_figures(data["corpus"], tmp_path, kinds=("sources", "timeline"))
    assert [p.name for p in paths] == ["sources.png", "timeline.png"]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in paths)
    with pytest.raises(ValueError, match="unknown plots"):
        plot.save_figures(data["corpus"], tmp_path, kinds=("pie",))
