import pytest
from trainer.synthetic import write_prepared

from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.export import export_theme
from icanvas_desktop.trainer.train import RunInfo, TrainOptions, start_run, train


@pytest.fixture(scope="session")
def themes_folder(tmp_path_factory):
    """A real theme package, made by the trainer's export from one short epoch."""
    root = tmp_path_factory.mktemp("ui-theme")
    data = write_prepared(root / "data", 5, size=32)
    options = TrainOptions(generator="unet", generator_settings={"ngf": 8, "depth": 3}, precision="float32",
                           epochs=1, batch_size=4)
    train(start_run(root / "run", data, options, 32), show_progress=False)
    export_theme(RunInfo.open(root / "run"), root / "themes", "shapes", {"en": "Shapes", "ko": "도형"},
                 "synthetic", "CC0-1.0", [])
    load_theme(root / "themes" / "shapes")
    return root / "themes"
