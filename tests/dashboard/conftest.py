import pytest


@pytest.fixture(scope="session")
def events(sample):
    return sample.sample_events()


@pytest.fixture(scope="session")
def dataset(events):
    from dashboard.data import Dataset

    return Dataset.build(0, events)
