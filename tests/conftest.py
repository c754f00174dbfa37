import os
import shutil

import pytest

# Before anything imports Qt or TensorFlow.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(scope="session")
def themes_folder(tmp_path_factory):
    """A folder holding one real theme (`trainer.synthetic.THEME_ID`), trained once for the whole run."""
    # Imported here so that a run without this fixture does not pay for TensorFlow.
    from trainer.synthetic import export_tiny_theme

    return export_tiny_theme(tmp_path_factory.mktemp("theme"))


@pytest.fixture
def theme_copy(themes_folder, tmp_path):
    """A private copy of the theme folder, for tests that break it."""
    target = tmp_path / "themes"
    shutil.copytree(themes_folder, target)
    return target
