"""The figures the reports add up (``reports.selectors.activity``)."""

from reports.selectors.activity import FIGURE_NAMES, Figures


def test_merging_figures_adds_every_one_of_them():
    # Figures.merge is spelled out for speed: a figure added to the class must be added there too.
    total = Figures()
    total.merge(Figures(*range(1, len(FIGURE_NAMES) + 1)))
    total.merge(Figures(*range(1, len(FIGURE_NAMES) + 1)))
    assert [getattr(total, name) for name in FIGURE_NAMES] == [2 * n for n in range(1, len(FIGURE_NAMES) + 1)]
