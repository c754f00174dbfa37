"""The looks a picture is made in, and the one rule that turns a look setting into a look.

Below every folder that speaks of looks (settings, themes, gallery, generation, the drawing screen), so
that all of them use this one type: a look is a `Look`, never a bare string, and "the theme's own" is a
setting (`THEMES_OWN`, as the settings files spell it) that `resolve_look` turns into the theme's `Look`
before anything is asked for.
"""

from enum import StrEnum


class Look(StrEnum):
    # In the order the look switch shows them.
    CLEAN = "clean"  # the child's own lines over flat colour per region (generation/clean_look.py)
    PAINTED = "painted"  # the generator's picture as it comes
    # The clean look's colours in a child's materials (generation/material_looks.py).
    CRAYON = "crayon"
    WATERCOLOUR = "watercolour"


# The look setting that follows each theme's manifest; the others are the looks themselves.
THEMES_OWN = "theme"
LOOK_SETTINGS: tuple[str, ...] = (THEMES_OWN, *Look)


def resolve_look(setting: str, themes_own: Look) -> Look:
    """The look pictures are made in for a look `setting` (one of LOOK_SETTINGS) in a theme whose own look
    is `themes_own`."""
    return themes_own if setting == THEMES_OWN else Look(setting)
