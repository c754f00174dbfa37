"""What the child said a scene's things are: "Is it a ...?" asked of one thing of the picture at a time.

A scene's things are found afresh in every picture (generation/scene.py) and change as the child draws on,
so a name is kept with a place, not a number: the middle of the thing's box when the child named it, as a
share of the sheet's width and height. It names the thing in the next picture whose box holds that place
with its middle nearest to it (boxes of things side by side may overlap), so a sun named before its rays
were drawn stays the sun.

The names are the colour choice itself (drawing/picture.Picture.thing), written as text ("at:0.250,0.310=sun;
0.700,0.650=" names a sun, and keeps another thing in the theme's colours), so that drafts, the gallery and
Undo keep them as they keep a single thing's name.
"""

import re
from dataclasses import dataclass

PREFIX = "at:"
# More names than a scene has things (generation/scene.MOST_PARTS) are old ones: the child renamed things
# that moved. The newest are kept.
MOST = 8
_NAME = re.compile(r"(0\.\d{3}|1\.000),(0\.\d{3}|1\.000)=([a-z0-9_]{0,40})")


@dataclass(frozen=True)
class Name:
    x: float  # the place, as a share of the sheet's width
    y: float  # and of its height
    thing: str | None  # a recogniser thing's id, or None: "none of these", the theme's colours


def is_names(choice: str | None) -> bool:
    """Whether a colour choice is a scene's names (and not GUESSED, one thing's id or None)."""
    return isinstance(choice, str) and choice.startswith(PREFIX)


def names_of(choice: str | None) -> tuple[Name, ...]:
    """The names in a colour choice, oldest first; () when it is not a scene's names. Raises ValueError for
    text that starts as names but is not (a damaged draft): drawing/picture.colour_choice reads it as the
    usual colouring."""
    if not is_names(choice):
        return ()
    body = choice[len(PREFIX):]
    names = []
    for entry in body.split(";") if body else ():
        match = _NAME.fullmatch(entry)
        if match is None:
            raise ValueError(f"{entry!r} is not a place and a thing's name")
        names.append(Name(float(match[1]), float(match[2]), match[3] or None))
    if len(names) > MOST:
        raise ValueError(f"{len(names)} names, at most {MOST}")
    return tuple(names)


def with_name(choice: str | None, box: tuple[float, float, float, float], thing: str | None) -> str:
    """`choice` with the thing in `box` (left, top, right, bottom as shares of the sheet) named `thing`
    (None: "none of these"): any name already in the box gives way to it. From any other choice (GUESSED,
    one thing's name for the whole drawing) the names start afresh."""
    left, top, right, bottom = box
    kept = [n for n in names_of(choice) if not (left <= n.x <= right and top <= n.y <= bottom)]
    kept.append(Name(_share((left + right) / 2), _share((top + bottom) / 2), thing))
    return PREFIX + ";".join(f"{n.x:.3f},{n.y:.3f}={n.thing or ''}" for n in kept[-MOST:])


def name_in(names: tuple[Name, ...], box: tuple[float, float, float, float],
            boxes: list[tuple[float, float, float, float]]) -> Name | None:
    """The newest of `names` that names the thing in `box`, of a scene whose things' boxes are `boxes`
    (`box` among them): `thing_at` its place. None when the child has not named it."""
    for name in reversed(names):
        if thing_at(boxes, (name.x, name.y)) == box:
            return name
    return None


def thing_at(boxes: list[tuple[float, float, float, float]], place: tuple[float, float]
             ) -> tuple[float, float, float, float] | None:
    """Of the boxes holding `place`, the one whose middle is nearest to it; None when none holds it."""
    x, y = place
    holding = [b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]]
    return min(holding, key=lambda b: ((b[0] + b[2]) / 2 - x) ** 2 + ((b[1] + b[3]) / 2 - y) ** 2,
               default=None)


def _share(value: float) -> float:
    return min(1.0, max(0.0, value))
