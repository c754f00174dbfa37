"""The drawing model: strokes in normalised canvas coordinates, with undo and redo.

Coordinates are fractions of a square canvas (0..1, x to the right, y down) and widths are
fractions of its side, so the drawing looks the same at any window size and renders at any
resolution. Nothing here knows about Qt: the canvas widget turns its events into `Point`s.
"""

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

DRAWING_FORMAT = "icanvas-drawing"
# Version 2 added crayon strokes. A drawing without any is still written as version 1, so that an app from
# before the crayons reads it too.
DRAWING_VERSION = 2
_PLAIN_VERSION = 1

# Coordinates are kept to 1e-5 of the canvas side (a tenth of a pixel at 10,000 px), pressure to 1e-3,
# so a drawing's JSON stays small and reads back equal to what was written.
_COORD_DIGITS = 5
_PRESSURE_DIGITS = 3


class Tool(StrEnum):
    PEN = "pen"
    ERASER = "eraser"
    CRAYON = "crayon"  # a colour hint, not ink: the sketch leaves it out (drawing/rasterize.py)


class Crayon(StrEnum):
    """The eight big crayons, in the order the tool column shows them."""

    RED = "red"
    ORANGE = "orange"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PURPLE = "purple"
    PINK = "pink"
    BROWN = "brown"


# Colours a child names at a glance, far apart from each other and from the ink, so that a region's crayon
# is never mistaken for its neighbour's.
CRAYON_COLOURS: dict[Crayon, tuple[int, int, int]] = {
    Crayon.RED: (229, 43, 43),
    Crayon.ORANGE: (255, 140, 26),
    Crayon.YELLOW: (255, 214, 0),
    Crayon.GREEN: (46, 170, 60),
    Crayon.BLUE: (30, 110, 230),
    Crayon.PURPLE: (140, 60, 190),
    Crayon.PINK: (255, 120, 190),
    Crayon.BROWN: (140, 85, 40),
}


class PenSize(StrEnum):
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


# Full-pressure line width of each size, as a fraction of the canvas side (2.6, 5.1, 10.2 px at 256).
PEN_WIDTHS: dict[PenSize, float] = {PenSize.SMALL: 0.01, PenSize.MEDIUM: 0.02, PenSize.LARGE: 0.04}
# The eraser is wider than the pen of the same size: rubbing out with a thin line is frustrating.
ERASER_WIDTH_FACTOR = 2.0
# Crayons colour in rather than draw: at the medium size a stroke is 5% of the sheet wide.
CRAYON_WIDTH_FACTOR = 2.5
# A feather-light touch of a tablet pen still draws this fraction of the full width.
MIN_PRESSURE_WIDTH = 0.3


class InputSource(StrEnum):
    MOUSE = "mouse"
    TABLET = "tablet"
    TOUCH = "touch"


def input_pressure(source: InputSource, reported: float | None = None) -> float:
    """The pressure to store for a point: a tablet's reported pressure, full pressure for mouse and touch.

    Touch screens often report 0 or nonsense; a child's finger draws at the chosen size.
    """
    if source is InputSource.TABLET and reported is not None:
        return reported
    return 1.0


class DrawingFormatError(ValueError):
    """Stroke JSON that is not a drawing this version can read."""


@dataclass(frozen=True)
class Point:
    """A sampled position (fractions of the canvas side) and pen pressure (0..1, clamped)."""

    x: float
    y: float
    pressure: float = 1.0

    def __post_init__(self):
        values = (float(self.x), float(self.y), float(self.pressure))
        if not all(math.isfinite(v) for v in values):
            raise ValueError(f"point coordinates and pressure must be finite numbers, got {values}")
        object.__setattr__(self, "x", round(values[0], _COORD_DIGITS))
        object.__setattr__(self, "y", round(values[1], _COORD_DIGITS))
        object.__setattr__(self, "pressure", round(min(max(values[2], 0.0), 1.0), _PRESSURE_DIGITS))

    @classmethod
    def from_canvas(cls, x_px: float, y_px: float, side_px: float, pressure: float = 1.0) -> "Point":
        """A point from widget pixels, where the square canvas is `side_px` wide with its corner at (0, 0)."""
        if side_px <= 0:
            raise ValueError(f"canvas side must be positive, got {side_px}")
        return cls(x_px / side_px, y_px / side_px, pressure)


@dataclass(frozen=True)
class Stroke:
    """One press-move-release of the pen, the eraser or a crayon (`crayon` says which; only a crayon stroke
    has one). A single point draws a dot."""

    tool: Tool
    size: PenSize
    points: tuple[Point, ...]
    crayon: Crayon | None = None

    def __post_init__(self):
        object.__setattr__(self, "tool", Tool(self.tool))
        object.__setattr__(self, "size", PenSize(self.size))
        object.__setattr__(self, "points", tuple(self.points))
        if self.crayon is not None:
            object.__setattr__(self, "crayon", Crayon(self.crayon))
        if (self.crayon is None) == (self.tool is Tool.CRAYON):
            raise ValueError("a crayon stroke needs its crayon, and only a crayon stroke has one")
        if not self.points:
            raise ValueError("a stroke needs at least one point")
        if not all(isinstance(p, Point) for p in self.points):
            raise TypeError("stroke points must be Point objects")

    @property
    def width(self) -> float:
        """Line width at full pressure, as a fraction of the canvas side."""
        factor = {Tool.ERASER: ERASER_WIDTH_FACTOR, Tool.CRAYON: CRAYON_WIDTH_FACTOR}.get(self.tool, 1.0)
        return PEN_WIDTHS[self.size] * factor

    def width_at(self, pressure: float) -> float:
        """Line width at `pressure` (0..1), as a fraction of the canvas side; the canvas preview uses it
        too."""
        pressure = min(max(pressure, 0.0), 1.0)
        return self.width * (MIN_PRESSURE_WIDTH + (1.0 - MIN_PRESSURE_WIDTH) * pressure)


@dataclass(frozen=True)
class _Added:
    stroke: Stroke


@dataclass(frozen=True)
class _Cleared:
    strokes: tuple[Stroke, ...]


@dataclass(frozen=True)
class _Replaced:
    before: tuple[Stroke, ...]
    after: tuple[Stroke, ...]


class ChoiceStep(Protocol):
    """A choice the child made that is not strokes (the colours of the picture: profiles/drawing_model.py),
    kept in the drawing's history so that Undo and Redo take it back and bring it again in turn with the
    strokes. It is made when it is recorded; `undo` and `redo` make the choice before it, and it, again."""

    def undo(self) -> None: ...

    def redo(self) -> None: ...


_Step = _Added | _Cleared | _Replaced | ChoiceStep


class Drawing:
    """The strokes on the canvas, oldest first, with an undo history of adds, clears and the child's other
    choices (`record`).

    Clearing, and replacing every stroke (a drawing reopened from the gallery), are one undoable step
    each; a new step after an undo drops what could have been redone.
    A drawing read from JSON, or copied from another's strokes, starts with an empty history.
    """

    def __init__(self, strokes: Iterable[Stroke] = ()):
        self._strokes: list[Stroke] = list(strokes)
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []

    @property
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(self._strokes)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def is_empty(self) -> bool:
        """True when no pen stroke is on the canvas (eraser and crayon strokes alone leave the sketch
        blank)."""
        return not any(s.tool is Tool.PEN for s in self._strokes)

    @property
    def has_crayon(self) -> bool:
        """Whether any crayon stroke is on the canvas, i.e. the generator has colour hints to follow."""
        return any(s.tool is Tool.CRAYON for s in self._strokes)

    def add(self, stroke: Stroke) -> None:
        self._do(_Added(stroke))

    def clear(self) -> bool:
        """Remove every stroke as one undoable step; False (and no history entry) when already blank."""
        if not self._strokes:
            return False
        self._do(_Cleared(tuple(self._strokes)))
        return True

    def replace(self, strokes: Iterable[Stroke]) -> None:
        """Put other strokes on the canvas as one undoable step, so what was there comes back with Undo."""
        self._do(_Replaced(tuple(self._strokes), tuple(strokes)))

    def record(self, choice: ChoiceStep) -> None:
        """Keep a choice just made as the next step of the history; the strokes stay as they are."""
        self._keep(choice)

    def undo(self) -> bool:
        if not self._undo:
            return False
        step = self._undo.pop()
        self._redo.append(step)  # first: a choice undone tells the screen, which lights up Redo from here
        if isinstance(step, _Added):
            self._strokes.pop()
        elif isinstance(step, _Replaced):
            self._strokes = list(step.before)
        elif isinstance(step, _Cleared):
            self._strokes = list(step.strokes)
        else:
            step.undo()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        step = self._redo.pop()
        self._undo.append(step)
        self._apply(step)
        return True

    def _do(self, step: _Step) -> None:
        self._apply(step)
        self._keep(step)

    def _keep(self, step: _Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def _apply(self, step: _Step) -> None:
        if isinstance(step, _Added):
            self._strokes.append(step.stroke)
        elif isinstance(step, _Replaced):
            self._strokes = list(step.after)
        elif isinstance(step, _Cleared):
            self._strokes = []
        else:
            step.redo()

    def __len__(self) -> int:
        return len(self._strokes)

    def __eq__(self, other: object) -> bool:
        """Drawings are equal when their strokes are; the undo history does not count."""
        return isinstance(other, Drawing) and self._strokes == other._strokes

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"Drawing({len(self._strokes)} strokes)"

    def to_json(self) -> str:
        data = {
            "format": DRAWING_FORMAT,
            "version": DRAWING_VERSION if self.has_crayon else _PLAIN_VERSION,
            "strokes": [_stroke_to_dict(s) for s in self._strokes],
        }
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> "Drawing":
        """Read what `to_json` wrote; raises DrawingFormatError for anything else."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as e:
            raise DrawingFormatError(f"not JSON: {e}") from e
        if not isinstance(data, dict) or data.get("format") != DRAWING_FORMAT:
            raise DrawingFormatError("not an iCanvas drawing")
        if data.get("version") not in (_PLAIN_VERSION, DRAWING_VERSION):
            raise DrawingFormatError(f"unsupported drawing version {data.get('version')!r}")
        try:
            return cls(_stroke_from_dict(s) for s in data["strokes"])
        except (KeyError, TypeError, ValueError) as e:
            raise DrawingFormatError(f"malformed stroke: {e}") from e


def _stroke_to_dict(stroke: Stroke) -> dict[str, Any]:
    data = {"tool": stroke.tool.value, "size": stroke.size.value,
            "points": [[p.x, p.y, p.pressure] for p in stroke.points]}
    if stroke.crayon is not None:
        data["crayon"] = stroke.crayon.value
    return data


def _stroke_from_dict(data: dict[str, Any]) -> Stroke:
    crayon = data.get("crayon")
    return Stroke(Tool(data["tool"]), PenSize(data["size"]), tuple(Point(*xyp) for xyp in data["points"]),
                  None if crayon is None else Crayon(crayon))
