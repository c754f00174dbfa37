"""The UI's one background helper: work off the UI thread, answers on it, in order."""

import threading

import pytest

from icanvas_desktop.ui.background import Background


@pytest.fixture
def background():
    worker = Background()
    yield worker
    worker.close()


def test_work_runs_off_the_ui_thread_and_its_answer_comes_back_on_it(qtbot, background):
    ran_on, answered_on = [], []

    def op():
        ran_on.append(threading.current_thread())
        return 42

    with qtbot.waitCallback() as done:
        background.run(op,
                       on_done=lambda value: (answered_on.append(threading.current_thread()), done(value)))
    done.assert_called_with(42)
    assert ran_on[0] is not threading.main_thread() and answered_on == [threading.main_thread()]


def test_work_runs_in_the_order_asked_and_a_failure_goes_to_its_own_callback(qtbot, background):
    order, errors = [], []
    release = threading.Event()
    background.run(lambda: release.wait(5))  # everything below waits behind this
    for n in range(5):
        background.run(lambda n=n: order.append(n))
    background.run(lambda: 1 / 0, on_error=errors.append)
    release.set()
    assert not background.idle
    qtbot.waitUntil(lambda: background.idle, timeout=5000)
    assert order == [0, 1, 2, 3, 4] and isinstance(errors[0], ZeroDivisionError)


def test_wait_lets_the_work_finish_and_close_refuses_more(background):
    done = []
    background.run(lambda: done.append(True))
    background.wait()
    assert done == [True]
    background.close()
    background.close()
    with pytest.raises(RuntimeError, match="closed"):
        background.run(lambda: None)
