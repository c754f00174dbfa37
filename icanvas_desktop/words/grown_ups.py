"""The grown-ups' corner's words, in English and Korean (joined into i18n.TEXTS)."""

GROWN_UPS_TEXTS: dict[str, dict[str, str]] = {
    "grown_ups": {"en": "For grown-ups", "ko": "어른용"},
    "hold_for_grown_ups": {"en": "Grown-ups: hold for 2 seconds", "ko": "어른: 2초 동안 누르세요"},
    "keep_holding": {"en": "Keep holding…", "ko": "계속 누르고 있어요…"},
    "children_heading": {"en": "Children", "ko": "아이들"},
    "rename": {"en": "Rename", "ko": "이름 바꾸기"},
    "remove_child": {"en": "Remove", "ko": "지우기"},
    "renamed": {"en": "Now called {name}.", "ko": "이제 이름은 {name}이에요."},
    "remove_ask": {
        "en": "Remove {name}? {name}'s {drawings} drawings and stars go to \"Removed children\" below, "
              "where you can bring them back.",
        "ko": "{name}을(를) 지울까요? 그림 {drawings}개와 별은 아래 '지운 아이들'로 옮겨지고, 거기서 다시 "
              "데려올 수 있어요.",
    },
    "remove_ask_again": {
        "en": "Are you sure? {name} disappears from the children's screen now.",
        "ko": "정말 지울까요? {name}은(는) 지금 아이들 화면에서 사라져요.",
    },
    "yes_remove": {"en": "Yes, remove", "ko": "네, 지워요"},
    "keep_child": {"en": "No, keep", "ko": "아니요, 둘래요"},
    "removed_heading": {"en": "Removed children", "ko": "지운 아이들"},
    "removed_none": {"en": "Nobody has been removed.", "ko": "지운 아이가 없어요."},
    "removed_on": {
        "en": "{name}, removed {date}, {drawings} drawings",
        "ko": "{name}, {date}에 지움, 그림 {drawings}개",
    },
    "bring_back": {"en": "Bring back", "ko": "다시 데려오기"},
    "brought_back": {"en": "{name} is back.", "ko": "{name}이(가) 돌아왔어요."},
    "lab_heading": {"en": "This computer (administrator)", "ko": "이 컴퓨터 전체 (관리자)"},
    "lab_read_only": {
        "en": "Only the computer's administrator can change these. Start iCanvas as administrator, or put "
              "the file {path} in place (docs/school_labs.md).",
        "ko": "이 설정은 컴퓨터 관리자만 바꿀 수 있어요. 관리자 권한으로 iCanvas를 열거나 {path} 파일을 "
              "두세요(docs/school_labs.md).",
    },
    "lock": {"en": "Lock", "ko": "잠그기"},
    "lab_saved": {
        "en": "Saved for every account on this computer.",
        "ko": "이 컴퓨터의 모든 계정에 저장했어요.",
    },
    "lab_not_saved": {"en": "Not saved: {why}", "ko": "저장하지 못했어요: {why}"},
    "save_lab": {"en": "Save for this computer", "ko": "이 컴퓨터에 저장"},
    "setting_kiosk": {
        "en": "Kiosk: full screen, and only a grown-up can leave the app.",
        "ko": "키오스크: 전체 화면이고, 어른만 앱을 나갈 수 있어요.",
    },
    "setting_live_mode": {
        "en": "Live: the picture follows the pen while the child draws.",
        "ko": "바로바로: 아이가 그리는 동안 그림이 펜을 따라 바뀌어요.",
    },
    "setting_sound": {"en": "Sound: a chime when stars are earned.", "ko": "소리: 별을 받으면 소리가 나요."},
    "setting_children_may_delete": {
        "en": "Children may delete pictures from their gallery.",
        "ko": "아이들이 갤러리에서 그림을 지울 수 있어요.",
    },
    "setting_look": {"en": "The look pictures are made in:", "ko": "그림을 만드는 모양:"},
    "setting_printing": {"en": "Printing: children may print their pictures.",
                         "ko": "인쇄: 아이들이 그림을 인쇄할 수 있어요."},
    "setting_print_dialog": {
        "en": "Show the print dialog (off: the computer's default printer, with no questions).",
        "ko": "인쇄 창 보이기 (끄면 묻지 않고 컴퓨터의 기본 프린터로 인쇄해요).",
    },
    "setting_print_delay_s": {"en": "Each child waits between prints:",
                              "ko": "아이마다 인쇄 사이에 기다리는 시간:"},
    "seconds_suffix": {"en": " seconds", "ko": "초"},
    "setting_paper_size": {"en": "Paper:", "ko": "종이:"},
    "paper_system": {"en": "as the printer is set up", "ko": "프린터에 정해진 대로"},
    "paper_a4": {"en": "A4", "ko": "A4"},
    "paper_letter": {"en": "Letter", "ko": "레터"},
    "setting_allowed_themes": {
        "en": "Themes children may pick (none ticked: all of them):",
        "ko": "아이들이 고를 수 있는 테마 (아무것도 고르지 않으면 모두):",
    },
    "setting_pinned_themes": {
        "en": "Pinned: a copy a user installs cannot replace these themes.",
        "ko": "고정: 사용자가 설치한 복사본이 이 테마를 바꿀 수 없어요.",
    },
    "look_theme": {"en": "each theme's own", "ko": "테마마다 정해진 대로"},
}
