import numpy as np
import pytest

from icanvas_desktop.trainer.data.colours import main_colour


@pytest.mark.parametrize(("rgb", "family"), [
    ((230, 40, 40), "red"), ((250, 140, 20), "orange"), ((250, 220, 40), "yellow"), ((60, 180, 70), "green"),
    ((40, 90, 220), "blue"), ((150, 60, 200), "purple"), ((150, 150, 150), "grey"), ((230, 30, 60), "red"),
    ((255, 105, 180), "pink"), ((139, 69, 19), "brown"),
])
def test_a_pictures_main_colour_is_the_family_covering_most_of_it_less_outline_and_paper(rgb, family):
    picture = np.full((40, 40, 3), 255, np.uint8)
    picture[5:35, 5:35] = (25, 25, 25)  # an outline, not a colour
    picture[8:32, 8:32] = rgb
    if family != "grey":
        # A smaller patch of another colour.
        picture[8:14, 8:32] = (60, 180, 70) if family != "green" else (40, 90, 220)
    assert main_colour(picture) == family
    assert main_colour(np.full((40, 40, 3), 255, np.uint8)) == "grey"
