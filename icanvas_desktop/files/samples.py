"""The sample sketches shipped with the app, for checks that need a real human drawing."""

from PIL import Image

from icanvas_desktop.files.resources import resources_dir


def sample_sketches() -> list[Image.Image]:
    paths = sorted((resources_dir() / "samples").glob("*.png"))
    if not paths:
        raise FileNotFoundError(f"no sample sketches in {resources_dir() / 'samples'}: "
                                "the installation is incomplete")
    sketches = []
    for path in paths:
        with Image.open(path) as image:
            sketches.append(image.copy())
    return sketches
