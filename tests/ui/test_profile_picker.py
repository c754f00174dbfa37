"""The name screen: hints that follow what the child types, and a taken name that leads to its tile."""

from PySide6.QtTest import QTest

from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.ui.profile_picker import ProfilePicker
from icanvas_desktop.words.i18n import tr


def make_picker(qtbot, root) -> ProfilePicker:
    picker = ProfilePicker(ProfileStore(root), "en")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def test_the_empty_name_hint_goes_once_a_name_is_typed(qtbot, tmp_path):
    picker = make_picker(qtbot, tmp_path)
    picker.create_button.click()
    assert picker.message.text == tr("name_empty", "en")
    QTest.keyClicks(picker.name_edit, "M")
    assert picker.message.text == ""
    assert picker.creating and picker.name_edit.text() == "M"


def test_a_taken_name_shows_the_tiles_with_that_child_lit_up(qtbot, tmp_path):
    store = ProfileStore(tmp_path)
    store.create("Jun", "dog")
    store.create("Mina", "cat")
    picker = make_picker(qtbot, tmp_path)
    picker.highlight = store.list()[0].id
    picker.refresh()
    picker.new_button.click()
    QTest.keyClicks(picker.name_edit, " mina ")
    picker.create_button.click()
    assert not picker.creating and picker.pages.currentWidget().isVisible()
    assert picker.message.text == tr("name_taken", "en")
    assert {tile.text(): tile.property("last") for tile in picker.tiles} == {"Jun": False, "Mina": True}
    assert [p.name for p in store.list()] == ["Jun", "Mina"]  # nothing new was made
    with qtbot.waitSignal(picker.chosen) as chosen:
        next(t for t in picker.tiles if t.text() == "Mina").click()
    assert chosen.args[0].name == "Mina"


def test_the_first_screen_names_the_app_and_welcomes_in_the_childs_language(qtbot, tmp_path):
    picker = make_picker(qtbot, tmp_path)
    assert picker.app_name.isVisible() and picker.app_name.text() == "iCanvas"
    assert picker.welcome.isVisible() and picker.welcome.text() == tr("welcome", "en")
    picker.retranslate("ko")
    assert picker.welcome.text() == tr("welcome", "ko")


def test_a_name_problem_is_said_right_under_the_name_field(qtbot, tmp_path):
    picker = make_picker(qtbot, tmp_path)
    picker.create_button.click()
    bubble = picker.message
    assert bubble.isVisible()
    field = picker.name_edit.geometry()
    gap = bubble.mapTo(picker, bubble.rect().topLeft()).y() - picker.name_edit.mapTo(
        picker, picker.name_edit.rect().bottomLeft()).y()
    assert 0 <= gap <= 40, f"the hint is {gap} px below a field {field.height()} px high"


def test_a_name_grown_too_long_is_said_while_typing(qtbot, tmp_path):
    picker = make_picker(qtbot, tmp_path)
    QTest.keyClicks(picker.name_edit, "a" * 20)
    assert not picker.message.isVisible()
    QTest.keyClicks(picker.name_edit, "b")
    assert picker.message.isVisible() and picker.message.text == tr("name_too_long", "en")
    QTest.keyClick(picker.name_edit, "\b")
    assert not picker.message.isVisible()


def test_lets_draw_is_centred_when_there_is_no_back_button(qtbot, tmp_path):
    picker = make_picker(qtbot, tmp_path)  # no child yet: straight to the form, with no way back
    assert picker.creating and not picker.cancel_button.isVisible()
    button = picker.create_button
    centre = button.mapTo(picker, button.rect().center()).x()
    assert abs(centre - picker.width() / 2) <= 2
