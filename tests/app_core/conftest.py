import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data root; nothing touches the real user folder."""
    root = tmp_path / "data"
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(root))
    return root


@pytest.fixture
def run_with_timeout():
    """Call a function in a thread and fail, rather than hang the suite, when it does not return in time
    (reading a FIFO put in place of a data file would wait forever)."""
    import threading

    def run(function, *args, timeout: float = 20.0):
        result: dict = {}

        def call():
            try:
                result["value"] = function(*args)
            except BaseException as e:  # noqa: BLE001  (handed to the test below)
                result["error"] = e

        thread = threading.Thread(target=call, daemon=True)
        thread.start()
        thread.join(timeout)
        assert not thread.is_alive(), f"{function} did not return within {timeout} s: it hangs"
        if "error" in result:
            raise result["error"]
        return result["value"]

    return run
