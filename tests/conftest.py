"""Fixtures shared by every test folder. Import mode is importlib, so helper modules under tests/
are loaded by path rather than imported."""

import importlib.util
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample():
    """tests/dashboard/sample.py: a small hand-made event set for the dashboard's tests."""
    return load_module(TESTS / "dashboard" / "sample.py", "dashboard_test_sample")
