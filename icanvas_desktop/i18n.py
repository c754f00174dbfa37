"""UI text in Korean and English; Korean children are the first audience."""

TEXTS = {
    "title": {"en": "iCanvas", "ko": "아이캔버스"},
    "make": {"en": "Make it!", "ko": "만들기!"},
    "pen": {"en": "Pen", "ko": "펜"},
    "eraser": {"en": "Eraser", "ko": "지우개"},
    "small": {"en": "Thin", "ko": "가늘게"},
    "medium": {"en": "Medium", "ko": "보통"},
    "large": {"en": "Thick", "ko": "굵게"},
    "undo": {"en": "Undo", "ko": "되돌리기"},
    "redo": {"en": "Redo", "ko": "다시하기"},
    "clear": {"en": "Clear", "ko": "모두 지우기"},
    "live": {"en": "Live", "ko": "바로바로"},
    "getting_ready": {"en": "Getting ready…", "ko": "준비하고 있어요…"},
    "working": {"en": "Making your picture…", "ko": "그림을 만들고 있어요…"},
    "done": {"en": "Ta-da!", "ko": "짜잔!"},
    "no_themes": {"en": "No themes yet: ask a grown-up to add one.", "ko": "아직 테마가 없어요. 어른에게 부탁해 보세요."},
    "draw_first": {"en": "Draw something first!", "ko": "먼저 그림을 그려 보세요!"},
    "failed_theme": {"en": "This theme is not working right now. Try another one!",
                     "ko": "이 테마가 지금은 안 돼요. 다른 테마를 골라 보세요!"},
    "failed_memory": {"en": "The computer is too busy. Try again in a moment!",
                      "ko": "컴퓨터가 너무 바빠요. 잠시 후에 다시 해 보세요!"},
    "failed_other": {"en": "Oops, that did not work. Try again!", "ko": "앗, 잘 안 됐어요. 다시 해 보세요!"},
}


def language_for(locale_name: str) -> str:
    return "ko" if locale_name.lower().startswith("ko") else "en"


def tr(key: str, language: str) -> str:
    return TEXTS[key].get(language, TEXTS[key]["en"])
