import json

from factories import creation_files, scribble

from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.strokes import Drawing


def test_a_draft_with_its_picture_reads_back_equal(tmp_path):
    drawing = scribble(1)
    sketch, picture = creation_files(drawing)
    draft = Draft(scribble(2), "animals", Picture(drawing, sketch, picture, "food"))
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(draft)
    assert drafts.load() == draft
    drafts.save(Draft(scribble(3)))
    assert drafts.load() == Draft(scribble(3))
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]  # no temporary files left


def test_an_empty_sheet_leaves_no_draft(tmp_path):
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(Draft(scribble(1)))
    drafts.save(Draft(Drawing()))
    assert not drafts.path.exists() and drafts.load() is None


def test_a_draft_that_cannot_be_read_is_kept_aside_and_the_sheet_starts_blank(tmp_path):
    nested = {"format": "icanvas-draft", "version": 1, "drawing": None, "theme_id": None, "picture": None}
    for text in ("{not json", "[" * 100_000, json.dumps(nested), json.dumps({**nested, "picture": {"x": 1}})):
        drafts = DraftFile(tmp_path / "draft.json")
        drafts.path.write_text(text)
        assert drafts.load() is None
        assert not drafts.path.exists()
    assert len(list(tmp_path.glob("draft.json.unreadable-*"))) == 4
