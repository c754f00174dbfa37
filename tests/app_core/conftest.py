import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data root; nothing touches the real user folder."""
    root = tmp_path / "data"
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(root))
    return root
