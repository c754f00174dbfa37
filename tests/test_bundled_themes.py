from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.generation import load_generator
from icanvas_desktop.resources import bundled_models_dir
from icanvas_desktop.themes.discovery import discover_themes

DRAWINGS = Path(__file__).parent / "data" / "drawings"
THEMES, PROBLEMS = discover_themes([bundled_models_dir()])


def test_every_bundled_theme_loads():
    assert not PROBLEMS
    assert THEMES, "models/ ships at least one theme"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_turns_human_drawings_into_colourful_pictures(theme):
    assert theme.folder.name == theme.id
    assert len(theme.prompts) >= 3 and theme.name("ko") != theme.name("en")
    assert theme.weights_path.stat().st_size <= 30 * 1024 * 1024
    generator = load_generator(theme)
    drawings = sorted((DRAWINGS / theme.id).glob("*.png"))
    assert drawings, f"tests/data/drawings/{theme.id}/ holds human line drawings"
    for path in drawings:
        picture = np.asarray(generator.generate(Image.open(path)).convert("HSV"), np.float32)
        assert picture.shape == (theme.input_size, theme.input_size, 3)
        assert picture[..., 2].std() > 10, f"{path.name}: not blank"
        assert (picture[..., 1] > 60).mean() > 0.05, f"{path.name}: colourful"
