import pytest

from tests.reports import dataset


@pytest.fixture
def data():
    """The hand-built data set of ``tests/reports/dataset.py``."""
    return dataset.build()
