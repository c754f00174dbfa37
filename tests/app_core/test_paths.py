import platformdirs

from icanvas_desktop.files.paths import DATA_DIR_ENV, user_data_dir


def test_environment_variable_overrides_the_data_root(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    assert user_data_dir() == tmp_path / "elsewhere"


def test_default_is_the_platform_user_data_folder(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV)
    assert user_data_dir() == platformdirs.user_data_path("iCanvas", "iCanvas")
