"""Every word the app shows, in Korean and English. No Qt here: the UI asks `tr(key, language)`.

Texts are written for children of about 5 to 10: short, kind, never blaming. Placeholders use
`str.format` names (`{n}`, `{folder}`). Star reasons and badge names come from the rules and badges
modules, so the words for them live next to the amounts they describe.
"""

from icanvas_desktop.rewards.badges import Badge
from icanvas_desktop.rewards.rules import RULE_TEXTS
from icanvas_desktop.words.colour_words import COLOUR_TEXTS
from icanvas_desktop.words.grown_ups import GROWN_UPS_TEXTS

LANGUAGES: tuple[str, ...] = ("ko", "en")
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"en": "iCanvas", "ko": "아이캔버스"},
    # themes
    "getting_ready": {"en": "Getting ready…", "ko": "준비하고 있어요…"},
    "no_themes_title": {"en": "No themes yet", "ko": "아직 테마가 없어요"},
    "no_themes_body": {
        "en": "Ask a grown-up to add a theme. You can already draw!",
        "ko": "어른에게 테마를 넣어 달라고 해 보세요. 그림은 지금도 그릴 수 있어요!",
    },
    "themes_skipped": {
        "en": "Some themes could not be opened.",
        "ko": "열리지 않는 테마가 있어요.",
    },
    "pick_theme": {"en": "Pick a theme", "ko": "테마를 골라요"},
    # drawing tools
    "pen": {"en": "Pen", "ko": "펜"},
    "eraser": {"en": "Eraser", "ko": "지우개"},
    # the eight crayons (drawing/strokes.py's Crayon), said in full for a screen reader and a hover
    "crayon_red": {"en": "Red crayon", "ko": "빨간색 크레용"},
    "crayon_orange": {"en": "Orange crayon", "ko": "주황색 크레용"},
    "crayon_yellow": {"en": "Yellow crayon", "ko": "노란색 크레용"},
    "crayon_green": {"en": "Green crayon", "ko": "초록색 크레용"},
    "crayon_blue": {"en": "Blue crayon", "ko": "파란색 크레용"},
    "crayon_purple": {"en": "Purple crayon", "ko": "보라색 크레용"},
    "crayon_pink": {"en": "Pink crayon", "ko": "분홍색 크레용"},
    "crayon_brown": {"en": "Brown crayon", "ko": "갈색 크레용"},
    "crayon_on": {
        "en": "Colour in with the crayon: your picture takes its colour there!",
        "ko": "크레용으로 칠한 곳은 그림에서도 그 색이 돼요!",
    },
    "size_small": {"en": "Thin", "ko": "가늘게"},
    "size_medium": {"en": "Medium", "ko": "보통"},
    "size_large": {"en": "Thick", "ko": "굵게"},
    "undo": {"en": "Undo", "ko": "되돌리기"},
    "redo": {"en": "Redo", "ko": "다시 하기"},
    "clear": {"en": "Clear", "ko": "싹 지우기"},
    # making the picture
    "make": {"en": "Make it!", "ko": "만들기!"},
    "live": {"en": "Live", "ko": "바로바로"},
    "live_on": {
        "en": "Live is on: your picture follows your pen!",
        "ko": "바로바로 켜짐: 그리는 대로 그림이 바로 따라와요!",
    },
    "live_off": {
        "en": "Live is off: tap Make it! when you are ready.",
        "ko": "바로바로 꺼짐: 다 그리면 만들기!를 눌러요.",
    },
    "live_tip": {
        "en": "Your picture changes by itself while you draw",
        "ko": "그리는 동안 그림이 저절로 바뀌어요",
    },
    # the neat look of the picture (generation/clean_look.py)
    "look_clean": {"en": "Neat", "ko": "깔끔하게"},
    "look_clean_on": {
        "en": "Neat: your own lines, with smooth colours inside.",
        "ko": "깔끔하게: 내가 그린 선은 그대로, 안은 매끈하게 칠해요.",
    },
    # the neat look's colours in a child's own materials (generation/material_looks.py)
    "look_crayon": {"en": "Crayon", "ko": "크레용처럼"},
    "look_watercolour": {"en": "Watercolour", "ko": "수채화처럼"},
    "look_crayon_on": {
        "en": "Crayon: your own lines, coloured in with wax crayons.",
        "ko": "크레용처럼: 내가 그린 선은 그대로, 안은 크레용으로 칠해요.",
    },
    "look_watercolour_on": {
        "en": "Watercolour: your own lines, with soft watercolour washes inside.",
        "ko": "수채화처럼: 내가 그린 선은 그대로, 안은 수채화 물감으로 칠해요.",
    },
    "sketch_title": {"en": "My drawing", "ko": "내 그림"},
    "result_title": {"en": "Magic picture", "ko": "마법 그림"},
    "result_placeholder": {
        "en": "Draw something, then press Make\u00a0it!",  # "Make it!" kept on one line
        "ko": "그림을 그리고 '만들기!'를 눌러 보세요",
    },
    "stage_waiting": {"en": "Just a moment…", "ko": "잠깐만요…"},
    "stage_loading": {"en": "Getting the paints ready…", "ko": "물감을 준비하고 있어요…"},
    "stage_drawing": {"en": "Painting your picture…", "ko": "그림을 그리고 있어요…"},
    "done": {"en": "Ta-da! Here is your picture.", "ko": "짜잔! 그림이 나왔어요."},
    "making_to_save": {
        "en": "Making the picture of your drawing first, then it goes in your gallery…",
        "ko": "지금 그림으로 먼저 만들고, 그다음 내 갤러리에 넣을게요…",
    },
    "other_drawing_undo": {
        "en": "Your other drawing is safe: tap Undo to get it back.",
        "ko": "그리던 그림은 그대로 있어요. 되돌리기를 누르면 돌아와요.",
    },
    "draw_first": {"en": "Draw something first!", "ko": "먼저 그림을 그려 보세요!"},
    "pick_theme_first": {"en": "Pick a theme first!", "ko": "먼저 테마를 골라 보세요!"},
    "failed_theme": {
        "en": "This theme isn't working right now. Try another one!",
        "ko": "이 테마가 지금은 잘 안 돼요. 다른 테마를 골라 보세요!",
    },
    "failed_memory": {
        "en": "The computer needs a little rest. Try again in a moment!",
        "ko": "컴퓨터가 조금 쉬어야 해요. 잠시 후에 다시 해 보세요!",
    },
    "failed_other": {
        "en": "Oops! That didn't work. Let's try again!",
        "ko": "앗! 잘 안 됐어요. 다시 해 볼까요?",
    },
    "challenge": {"en": "Challenge: {prompt}", "ko": "도전: {prompt}"},
    "challenge_on": {"en": "Challenge on!", "ko": "도전 중!"},
    "challenge_done": {"en": "Done already!", "ko": "벌써 성공했어요!"},
    "challenge_started": {
        "en": "{prompt}! Then save it for bonus stars.",
        "ko": "{prompt}! 다 그리고 저장하면 별을 더 받아요.",
    },
    "challenge_hint": {
        "en": "Saved! Next time tap the challenge first for bonus stars.",
        "ko": "저장했어요! 다음에는 도전을 먼저 누르면 별을 더 받아요.",
    },
    "challenge_tip": {
        "en": "Tap to try this challenge for bonus stars",
        "ko": "누르면 도전을 시작해요. 성공하면 별을 더 받아요",
    },
    # saving and stars
    "save": {"en": "Save to my gallery", "ko": "내 갤러리에 저장"},
    "new_drawing": {"en": "New drawing", "ko": "새 그림"},
    "nothing_to_save": {
        "en": "Press Make it! first, then save your picture.",
        "ko": "먼저 '만들기!'를 누른 다음 저장해 보세요.",
    },
    "saved": {"en": "Saved in your gallery!", "ko": "갤러리에 저장했어요!"},
    "saved_already": {"en": "This one is already in your gallery.", "ko": "이 그림은 벌써 갤러리에 있어요."},
    "save_failed": {
        "en": "Saving didn't work. Please try again.",
        "ko": "저장이 잘 안 됐어요. 다시 해 보세요.",
    },
    "stars_earned": {"en": "+{n} stars!", "ko": "별 {n}개를 받았어요!"},
    "star_earned": {"en": "+1 star!", "ko": "별 1개를 받았어요!"},
    "stars_total": {"en": "{n} stars", "ko": "별 {n}개"},
    "level": {"en": "Level {n}", "ko": "레벨 {n}"},
    "level_up": {"en": "Level up! You are level {n} now!", "ko": "레벨 업! 이제 레벨 {n}이에요!"},
    "new_badge": {"en": "New badge: {name}", "ko": "새 배지: {name}"},
    "no_badges": {"en": "Badges come with stars", "ko": "별을 모으면 배지를 받아요"},
    "badge_tip": {"en": "{name}: you earned it with {n} ★", "ko": "{name}: 별 {n}개를 모아서 받았어요"},
    "yay": {"en": "Yay!", "ko": "야호!"},
    # gallery
    "gallery": {"en": "My gallery", "ko": "내 갤러리"},
    "back_to_drawing": {"en": "Back to drawing", "ko": "그림 그리러 가기"},
    "gallery_empty": {
        "en": "Your gallery is empty. Save a picture to see it here!",
        "ko": "갤러리가 비어 있어요. 그림을 저장하면 여기에 보여요!",
    },
    "keep_drawing": {"en": "Keep drawing", "ko": "이어서 그리기"},
    "export_picture": {"en": "Save a copy", "ko": "복사본 저장"},
    "export_both": {"en": "Copy with sketch", "ko": "스케치랑 같이 저장"},
    # how big a copy is (gallery/export.ExportSize)
    "size_screen": {"en": "For the screen", "ko": "화면용"},
    "size_a4": {"en": "For paper (A4)", "ko": "종이용 (A4)"},
    "size_raw": {"en": "As it was made", "ko": "만든 그대로"},
    "exported": {"en": "Saved a copy in {folder}", "ko": "{folder}에 복사본을 저장했어요"},
    "export_failed": {"en": "Couldn't save the copy.", "ko": "복사본을 저장하지 못했어요."},
    "pictures_folder": {"en": "Pictures", "ko": "사진"},
    # printing (ui/print_button.py)
    "print": {"en": "Print", "ko": "인쇄"},
    "print_tip": {"en": "Print your picture on paper", "ko": "그림을 종이에 인쇄해요"},
    "print_picture": {"en": "The picture", "ko": "그림만"},
    "print_both": {"en": "With my drawing", "ko": "내 그림이랑 같이"},
    "print_nothing": {"en": "Make your picture first, then print it!", "ko": "먼저 그림을 만들고 인쇄해요!"},
    "printed": {"en": "Your picture is on its way to the printer!", "ko": "그림을 프린터로 보냈어요!"},
    "print_wait": {
        "en": "You printed a moment ago. You can print again in {n} min.",
        "ko": "방금 인쇄했어요. {n}분 뒤에 다시 인쇄할 수 있어요.",
    },
    "print_failed": {
        "en": "The printer didn't answer. Ask a grown-up to check it.",
        "ko": "프린터가 대답하지 않아요. 어른에게 확인해 달라고 해요.",
    },
    "delete": {"en": "Delete", "ko": "지우기"},
    "delete_question": {"en": "Delete this picture?", "ko": "이 그림을 지울까요?"},
    "delete_yes": {"en": "Yes, delete it", "ko": "네, 지울래요"},
    "delete_no": {"en": "No, keep it", "ko": "아니요, 둘래요"},
    "deleted": {"en": "The picture is gone. Your stars stay!", "ko": "그림을 지웠어요. 별은 그대로예요!"},
    "delete_failed": {
        "en": "The picture is still here: deleting didn't work. Try again!",
        "ko": "그림을 지우지 못해서 그대로 있어요. 다시 해 볼까요?",
    },
    "open_failed": {"en": "This picture can't be opened.", "ko": "이 그림은 열 수 없어요."},
    "back": {"en": "Back", "ko": "뒤로"},
    "stars_for_this": {"en": "{n} stars", "ko": "별 {n}개"},
    # profiles
    "welcome": {
        "en": "Welcome! Draw anything you like, and watch it turn into a picture.",
        "ko": "반가워요! 마음껏 그리면 멋진 그림으로 바뀌어요.",
    },
    "who_is_drawing": {"en": "Who is drawing today?", "ko": "오늘은 누가 그림을 그리나요?"},
    "new_profile": {"en": "I'm new!", "ko": "처음이에요!"},
    "your_name": {"en": "What's your name?", "ko": "이름이 뭐예요?"},
    "pick_avatar": {"en": "Pick a friend", "ko": "친구를 골라요"},
    "lets_draw": {"en": "Let's draw!", "ko": "그림 그리러 가요!"},
    "name_empty": {"en": "Type your name first.", "ko": "먼저 이름을 써 주세요."},
    "name_too_long": {
        "en": "That name is a bit long. Try a shorter one.",
        "ko": "이름이 조금 길어요. 더 짧게 써 볼까요?",
    },
    "name_bad_characters": {"en": "Use letters for your name.", "ko": "이름에는 글자를 써 주세요."},
    "name_taken": {
        "en": "That name is here already. Is it you? Tap your picture. Or tap I'm new! for another name.",
        "ko": "이미 있는 이름이에요. 내 이름이면 내 그림을 눌러요. "
              "아니면 '처음이에요!'를 눌러 다른 이름을 써 보세요.",
    },
    "profile_failed": {
        "en": "This can't open right now. Ask a grown-up for help.",
        "ko": "지금은 열 수 없어요. 어른에게 도와 달라고 해 보세요.",
    },
    "switch_child": {"en": "Change who is drawing", "ko": "다른 친구로 바꾸기"},
    "profile_repaired": {
        "en": "Your name card needed a little fix. Your pictures and stars are safe; "
              "a grown-up can check your name.",
        "ko": "이름 카드를 조금 고쳤어요. 그림과 별은 안전해요. 어른이 이름을 확인해 줄 수 있어요.",
    },
    "draft_repaired": {
        "en": "The drawing you left here could not be opened. The old file was kept for a grown-up.",
        "ko": "두고 간 그림을 열 수 없었어요. 예전 파일은 어른을 위해 남겨 두었어요.",
    },
    "child_settings_repaired": {
        "en": "Your choices needed a little fix, so the usual ones are back for now.",
        "ko": "내가 고른 설정을 조금 고쳐서, 지금은 기본 설정으로 돌아왔어요.",
    },
    "picture_lost": {
        "en": "This picture can't be opened, but your drawing is here. Make it again!",
        "ko": "이 그림은 열 수 없지만 내가 그린 건 여기 있어요. 다시 만들어 봐요!",
    },
    "profile_in_use": {
        "en": "You are already drawing in another window. Use that one!",
        "ko": "다른 창에서 벌써 그리고 있어요. 그 창을 써 주세요!",
    },
    "gallery_repaired": {
        "en": "Your gallery needed a little fix. Your pictures are safe, "
              "and the old file was kept for a grown-up.",
        "ko": "갤러리를 조금 고쳤어요. 그림은 안전하고, 예전 파일은 어른을 위해 남겨 두었어요.",
    },
    # settings
    "settings": {"en": "Settings", "ko": "설정"},
    "language": {"en": "Language", "ko": "언어"},
    "language_auto": {"en": "Like the computer", "ko": "컴퓨터 설정대로"},
    "sound": {"en": "Sound", "ko": "소리"},
    "sound_on": {"en": "On", "ko": "켜기"},
    "sound_off": {"en": "Off", "ko": "끄기"},
    "no_sound_player": {
        "en": "This computer has no way to play the sound.",
        "ko": "이 컴퓨터에서는 소리를 낼 수 없어요.",
    },
    "copies_go_to": {"en": "Copies of pictures go to {folder}", "ko": "복사본은 {folder}에 저장돼요"},
    "settings_problem": {
        "en": "For grown-ups: iCanvas could not use its settings file, so it uses the usual settings for "
              "now. {problem}",
        "ko": "어른께: 아이캔버스 설정 파일을 쓸 수 없어서 지금은 기본 설정으로 쓰고 있어요. {problem}",
    },
    "settings_not_saved": {
        "en": "Settings couldn't be kept for next time.",
        "ko": "설정을 다음에도 쓸 수 있게 저장하지 못했어요.",
    },
    # what an administrator (a teacher or parent) set for every account on this computer
    "locked_by_adult": {"en": "Your teacher or parent set this", "ko": "선생님이나 부모님이 정해 두었어요"},
    "admin_problem": {
        "en": "For grown-ups: iCanvas found a problem in this computer's administrator settings file and "
              "uses safe settings until it is fixed (see docs/school_labs.md). {problem}",
        "ko": "어른께: 이 컴퓨터의 아이캔버스 관리자 설정 파일에 문제가 있어서, 고칠 때까지 안전한 설정으로 "
              "쓰고 있어요(docs/school_labs.md 참고). {problem}",
    },
    # about
    "about": {"en": "About", "ko": "만든 사람들"},
    "about_version": {"en": "iCanvas version {version}", "ko": "아이캔버스 버전 {version}"},
    "about_intro": {
        "en": "iCanvas turns drawings into pictures on this computer. It is built with these, "
              "and thanks everyone who shared them.",
        "ko": "아이캔버스는 이 컴퓨터 안에서 그림을 멋진 그림으로 바꿔요. 아래의 것들로 만들었어요. "
              "나누어 준 모든 분께 고마워요.",
    },
    "about_app_parts": {"en": "Letters and pictures in the app", "ko": "앱의 글꼴과 그림"},
    "about_themes": {"en": "Themes", "ko": "테마"},
    "about_no_themes": {"en": "No themes are installed yet.", "ko": "아직 설치된 테마가 없어요."},
    "about_source": {"en": "Source: {source}", "ko": "출처: {source}"},
    "about_license": {"en": "License: {license}", "ko": "라이선스: {license}"},
    "about_theme_data": {
        "en": "Pictures it learned from: {source}",
        "ko": "배운 그림: {source}",
    },
    "credit_font": {"en": "Font", "ko": "글꼴"},
    "credit_icons": {"en": "Icons and friends", "ko": "아이콘과 친구 그림"},
    "credit_own_art": {"en": "Arrows, eraser and lock", "ko": "화살표, 지우개, 자물쇠 그림"},
    "credit_recogniser": {"en": "Things the app recognises, and their colours",
                          "ko": "앱이 알아보는 그림과 그 색"},
    "credit_recogniser_sets": {"en": "More drawings the app learned to recognise things from",
                               "ko": "앱이 그림을 알아보려고 더 배운 그림"},
    "credit_colourer": {"en": "Pictures the app learned which colours fit from",
                        "ko": "앱이 어울리는 색을 배운 그림"},
    # adding a theme by dropping its .zip on the window
    "theme_added": {"en": "A new theme is here: {name}!", "ko": "새 테마가 왔어요: {name}!"},
    "theme_adding": {"en": "Adding the new theme…", "ko": "새 테마를 넣고 있어요…"},
    "theme_not_added": {
        "en": "This theme could not be added. For grown-ups: {reason}",
        "ko": "이 테마는 넣을 수 없어요. 어른께: {reason}",
    },
    "themes_locked": {
        "en": "Your teacher or parent chooses the themes on this computer, so new ones can't be added here.",
        "ko": "이 컴퓨터의 테마는 선생님이나 부모님이 정해요. 그래서 여기서 새 테마를 넣을 수 없어요.",
    },
}

# Names the language buttons show in their own language, whatever the UI language is.
TEXTS.update(GROWN_UPS_TEXTS)
TEXTS.update(COLOUR_TEXTS)

LANGUAGE_NAMES: dict[str, str] = {"ko": "한국어", "en": "English"}

AVATAR_NAMES: dict[str, dict[str, str]] = {
    "cat": {"en": "Cat", "ko": "고양이"},
    "dog": {"en": "Dog", "ko": "강아지"},
    "rabbit": {"en": "Rabbit", "ko": "토끼"},
    "bear": {"en": "Bear", "ko": "곰"},
    "panda": {"en": "Panda", "ko": "판다"},
    "fox": {"en": "Fox", "ko": "여우"},
    "lion": {"en": "Lion", "ko": "사자"},
    "penguin": {"en": "Penguin", "ko": "펭귄"},
    "dinosaur": {"en": "Dinosaur", "ko": "공룡"},
    "unicorn": {"en": "Unicorn", "ko": "유니콘"},
    "rocket": {"en": "Rocket", "ko": "로켓"},
    "star": {"en": "Star", "ko": "별"},
    "flower": {"en": "Flower", "ko": "꽃"},
    "rainbow": {"en": "Rainbow", "ko": "무지개"},
    "car": {"en": "Car", "ko": "자동차"},
    "robot": {"en": "Robot", "ko": "로봇"},
}


def _pick(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts[DEFAULT_LANGUAGE]


def tr(key: str, language: str, **values: object) -> str:
    """The text for `key` in `language` (English when a language lacks it), with `values` filled in."""
    text = _pick(TEXTS[key], language)
    return text.format(**values) if values else text


def rule_text(reason: str, language: str) -> str:
    """Why stars were (or were not) given: an AwardReason or NoStars value."""
    return _pick(RULE_TEXTS[reason], language)


def badge_name(badge: Badge, language: str) -> str:
    return _pick(badge.names, language)


def avatar_name(avatar: str, language: str) -> str:
    return _pick(AVATAR_NAMES.get(avatar, {DEFAULT_LANGUAGE: avatar}), language)


def language_for_locale(locale_name: str) -> str:
    """"ko_KR" → "ko"; every other locale gets English."""
    return "ko" if locale_name.lower().startswith("ko") else DEFAULT_LANGUAGE


def resolve_language(setting: str, system_locale_name: str) -> str:
    """The language to show: the setting, or the system's when the setting is "auto"."""
    return setting if setting in LANGUAGES else language_for_locale(system_locale_name)
