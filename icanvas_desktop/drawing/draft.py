"""What is on a child's drawing screen, kept on disk so that nothing drawn is lost.

The drawing screen writes a child's draft a moment after every change, when the child changes and
when the app closes; opening the child again puts it back, after a crash or a power cut too. The
file is written atomically, so it holds either the previous draft or the new one, never half.

    drafts = DraftFile(profile.folder / DRAFT_NAME)
    drafts.save(Draft(drawing, "animals", picture))
    drafts.load()        # the Draft, or None when there is none or it cannot be read
"""

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.strokes import Drawing, DrawingFormatError
from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.regular import read_regular_text
from icanvas_desktop.files.set_aside import set_aside
from icanvas_desktop.look import Look

log = logging.getLogger(__name__)

DRAFT_NAME = "draft.json"
_FORMAT = "icanvas-draft"
_VERSION = 1


@dataclass(frozen=True)
class Draft:
    drawing: Drawing
    theme_id: str | None = None  # the theme the child had chosen
    picture: Picture | None = None  # the picture beside the drawing, if any

    @property
    def is_empty(self) -> bool:
        return len(self.drawing) == 0 and self.picture is None


class DraftFile:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.problem: str | None = None  # set by `load` when the draft could not be read: for the grown-up

    def save(self, draft: Draft) -> None:
        """Keep `draft` (an empty one removes the file: nothing to bring back)."""
        if draft.is_empty:
            self.path.unlink(missing_ok=True)
            return
        data = {"format": _FORMAT, "version": _VERSION, "drawing": json.loads(draft.drawing.to_json()),
                "theme_id": draft.theme_id, "picture": None}
        if draft.picture is not None:
            p = draft.picture
            data["picture"] = {"drawing": json.loads(p.drawing.to_json()), "theme_id": p.theme_id,
                               "sketch_png": _text(p.sketch_png), "picture_png": _text(p.picture_png),
                               "look": p.look}
        atomic_write_text(self.path, json.dumps(data, separators=(",", ":")))

    def load(self) -> Draft | None:
        """The kept draft, or None. A file that cannot be read is set aside (kept, never deleted)."""
        self.problem = None
        try:
            text = read_regular_text(self.path)
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as e:
            return self._unreadable(e)
        try:
            return _draft(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError, binascii.Error) as e:
            return self._unreadable(e)

    def _unreadable(self, error: Exception) -> None:
        try:
            kept = set_aside(self.path, "unreadable")
        except OSError as e:
            self.problem = f"the draft {self.path} cannot be read ({error}) nor moved aside ({e})"
        else:
            self.problem = f"the draft {self.path} could not be read ({error}); it is kept as {kept}"
        log.warning("%s", self.problem)


def _text(png: bytes) -> str:
    return base64.b64encode(png).decode("ascii")


def _drawing(data: object) -> Drawing:
    return Drawing.from_json(json.dumps(data))


def _draft(data: dict) -> Draft:
    if data.get("format") != _FORMAT or data.get("version") != _VERSION:
        raise DrawingFormatError("not an iCanvas draft of this version")
    picture = None
    if data["picture"] is not None:
        p = data["picture"]
        look = p.get("look")  # absent from drafts kept before the looks
        picture = Picture(_drawing(p["drawing"]), base64.b64decode(p["sketch_png"], validate=True),
                          base64.b64decode(p["picture_png"], validate=True), str(p["theme_id"]),
                          Look(look) if isinstance(look, str) and look in tuple(Look) else None)
    theme_id = data["theme_id"]
    return Draft(_drawing(data["drawing"]), theme_id if isinstance(theme_id, str) else None, picture)
