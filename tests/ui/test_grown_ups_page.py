"""The grown-ups' corner, driven as a parent would, checking the files it writes."""

import json
import os

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.settings.system import SystemSettings, load_system_settings
from icanvas_desktop.themes.discovery import discover_themes
from icanvas_desktop.ui.grown_ups_page import HOLD_MS, GrownUpsPage, HoldButton
from icanvas_desktop.words.i18n import tr


def _page(qtbot, tmp_path, system=None, language="en") -> GrownUpsPage:
    themes, _ = discover_themes([bundled_models_dir()])
    page = GrownUpsPage(ProfileStore(tmp_path / "data"), language, system or SystemSettings(), themes[:3],
                        tmp_path / "etc" / "system_settings.json")
    page.retranslate(language)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    return page


def test_the_corner_opens_only_after_a_two_second_hold(qtbot):
    button = HoldButton()
    qtbot.addWidget(button)
    button.show()
    opened = []
    button.held.connect(lambda: opened.append(True))
    QTest.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.wait(HOLD_MS // 2)
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton)  # a child's tap, or letting go too early
    qtbot.wait(HOLD_MS // 2 + 200)
    assert opened == [] and button.progress == 0
    QTest.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [True], timeout=HOLD_MS + 1500)
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton)


def test_a_child_is_renamed_and_profile_json_says_so(qtbot, tmp_path):
    page = _page(qtbot, tmp_path)
    mina = page.store.create("Mina", "cat")
    page.refresh()
    row = page.child_rows[mina.id]
    row.name_edit.setText("Mina Kim")
    row.rename_button.click()
    assert json.loads((mina.folder / "profile.json").read_text())["name"] == "Mina Kim"
    assert page.message.text == tr("renamed", "en", name="Mina Kim")
    page.store.create("Jun", "dog")
    page.refresh()
    page.child_rows[mina.id].name_edit.setText("jun")
    page.child_rows[mina.id].rename_button.click()
    assert page.message.text == tr("name_taken", "en")
    assert page.store.get(mina.id).name == "Mina Kim"


def test_removing_asks_twice_says_what_goes_and_can_be_undone(qtbot, tmp_path):
    page = _page(qtbot, tmp_path)
    mina = page.store.create("Mina", "cat")
    (mina.gallery_folder / "creations" / "c1").mkdir(parents=True)
    (mina.gallery_folder / "creations" / "c1" / "creation.json").write_text("{}")
    page.refresh()
    closing = []
    page.child_removing.connect(closing.append)
    row = page.child_rows[mina.id]
    row.remove_button.click()
    assert not row.question.isHidden() and "1" in row.question.text() and "Mina" in row.question.text()
    row.no.click()
    assert row.question.isHidden()
    row.remove_button.click()
    row.yes.click()
    assert [p.name for p in page.store.list()] == ["Mina"], "one yes is not enough"
    assert row.question.text() == tr("remove_ask_again", "en", name="Mina")
    row.yes.click()
    assert page.store.list() == [] and closing == [mina.id]
    [(removed, bring_back)] = page.removed_rows
    assert removed.profile.name == "Mina"
    bring_back.click()
    assert [p.name for p in page.store.list()] == ["Mina"]
    assert (page.store.get(mina.id).gallery_folder / "creations" / "c1" / "creation.json").is_file()


def test_lab_settings_are_written_in_the_documented_format(qtbot, tmp_path):
    page = _page(qtbot, tmp_path)
    assert page.writable and page.save_lab.isEnabled()
    page.switches["kiosk"].setChecked(True)
    page.locks["kiosk"].setChecked(True)
    page.switches["children_may_delete"].setChecked(False)
    first, second = list(page.allowed)[:2]
    page.allowed[first].setChecked(True)
    page.locks["allowed_themes"].setChecked(True)
    page.pinned[second].setChecked(True)
    changed = []
    page.system_changed.connect(changed.append)
    page.save_lab.click()
    path = tmp_path / "etc" / "system_settings.json"
    document = json.loads(path.read_text())
    assert document["settings"]["kiosk"] is True and document["settings"]["children_may_delete"] is False
    assert document["settings"]["allowed_themes"] == [first]
    assert document["locked"] == ["allowed_themes", "kiosk"] and document["pinned_themes"] == [second]
    assert changed == [load_system_settings(path)] and page.message.text == tr("lab_saved", "en")


def test_printing_is_set_and_locked_for_the_computer(qtbot, tmp_path):
    system = SystemSettings({"print_delay_s": 120, "paper_size": "letter"}, frozenset({"paper_size"}))
    page = _page(qtbot, tmp_path, system, language="ko")
    assert page.print_delay.value() == 120 and page.paper_choice.currentData() == "letter"
    assert page.locks["paper_size"].isChecked() and not page.locks["print_delay_s"].isChecked()
    assert page.switches["printing"].isChecked() and not page.switches["print_dialog"].isChecked()
    assert page.switches["printing"].text() == tr("setting_printing", "ko")
    assert page.paper_choice.itemText(1) == "A4"
    assert page.delay_label.text() == tr("setting_print_delay_s", "ko")
    page.switches["printing"].setChecked(False)
    page.locks["printing"].setChecked(True)
    page.switches["print_dialog"].setChecked(True)
    page.print_delay.setValue(300)
    page.locks["print_delay_s"].setChecked(True)
    page.paper_choice.setCurrentIndex(1)
    page.save_lab.click()
    saved = load_system_settings(tmp_path / "etc" / "system_settings.json")
    assert saved.problem is None
    assert {k: saved.values[k] for k in ("printing", "print_dialog", "print_delay_s", "paper_size")} == {
        "printing": False, "print_dialog": True, "print_delay_s": 300, "paper_size": "a4"}
    assert {"printing", "print_delay_s", "paper_size"} <= saved.locked and "print_dialog" not in saved.locked


def test_where_the_account_may_not_write_the_lab_settings_show_greyed_with_the_reason(qtbot, tmp_path,
                                                                                     monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    system = SystemSettings({"kiosk": True}, frozenset({"kiosk"}))
    page = _page(qtbot, tmp_path, system, language="ko")
    assert not page.writable and not page.save_lab.isEnabled() and not page.switches["kiosk"].isEnabled()
    assert page.switches["kiosk"].isChecked() and page.locks["kiosk"].isChecked()
    assert page.lab_note.isVisible() and "system_settings.json" in page.lab_note.text()
    assert page.lab_note.text().startswith(tr("lab_read_only", "ko", path="")[:10])
