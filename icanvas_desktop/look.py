"""The looks a picture is made in, and the one rule that turns a look setting into a look.

Below every folder that speaks of looks (settings, themes, gallery, generation, the drawing screen), so
that all of them use this one type: a look is a `Look`, never a bare string, and "the theme's own" is a
setting (`THEMES_OWN`, as the settings files spell it) that `resolve_look` turns into the theme's `Look`
before anything is asked for.
"""

from enum import StrEnum


class Look(StrEnum):
    CLEAN = "clean"  # the child's own lines over flat colour per region (generation/clean_look.py)
    # The generator's picture as it comes: for judging themes (the trainer, `icanvas generate --look raw`),
    # not a child's choice: grainy, and deaf to crayons in most themes (issue 27).
    PAINTED = "painted"
    # The clean look's colours in a child's materials (generation/material_looks.py).
    CRAYON = "crayon"
    WATERCOLOUR = "watercolour"


# The looks a child may pick, in the order the look switch shows them: every one a rendering of the same
# region colours, crisp at any size and obedient to crayons.
CHILD_LOOKS: tuple[Look, ...] = (Look.CLEAN, Look.CRAYON, Look.WATERCOLOUR)
# The look setting that follows each theme's manifest; the others are the looks themselves.
THEMES_OWN = "theme"
LOOK_SETTINGS: tuple[str, ...] = (THEMES_OWN, *CHILD_LOOKS)
# Look settings saved by earlier versions, and what they read as now: "painted" was a child's choice.
RETIRED_LOOK_SETTINGS = {Look.PAINTED.value: Look.CLEAN.value}


def resolve_look(setting: str, themes_own: Look) -> Look:
    """The look pictures are made in for a look `setting` (one of LOOK_SETTINGS) in a theme whose own look
    is `themes_own`."""
    return themes_own if setting == THEMES_OWN else Look(setting)


def child_look(setting: str, themes_own: Look) -> Look:
    """The look a child's pictures are made in: as `resolve_look`, except that a theme whose own look is the
    raw picture (a manifest from before the clean look) gives the neat one."""
    look = resolve_look(RETIRED_LOOK_SETTINGS.get(setting, setting), themes_own)
    return Look.CLEAN if look is Look.PAINTED else look
