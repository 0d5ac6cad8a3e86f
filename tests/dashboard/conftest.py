import importlib.util
from pathlib import Path

import pytest


def load_sample():
    """tests/dashboard/sample.py by path: import mode is importlib, so it is not importable."""
    path = Path(__file__).resolve().parent / "sample.py"
    spec = importlib.util.spec_from_file_location("dashboard_test_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample():
    return load_sample()


@pytest.fixture(scope="session")
def events(sample):
    return sample.sample_events()


@pytest.fixture(scope="session")
def dataset(events):
    from dashboard.data import Dataset

    return Dataset.build(0, events)
