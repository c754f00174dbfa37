"""The words of the picture's colour choice: "Is it a ...?" and the dice (ui/guess_bar.py). The things' own
names come with the recogniser (resources/recogniser/recogniser.json), in both languages."""

COLOUR_TEXTS: dict[str, dict[str, str]] = {
    "guess_tip": {
        "en": "Is it this? Tap it and the picture gets its colours.",
        "ko": "이거예요? 누르면 그림이 이 색으로 칠해져요.",
    },
    "guess_scene_tip": {
        "en": "Is it this? Tap it and the ringed thing gets its colours. Tap another thing in the picture "
              "to ask about that one.",
        "ko": "이거예요? 누르면 동그라미 친 것만 이 색으로 칠해져요. "
              "그림에서 다른 것을 누르면 그것을 물어봐요.",
    },
    # Short: at 980 px the bubble beside three guesses shows about three short lines.
    "done_scene": {"en": "Tap a thing to name it!", "ko": "하나를 눌러 이름을 골라요!"},
    "guess_none": {"en": "None", "ko": "아니야"},
    "guess_none_tip": {
        "en": "None of these: the theme picks the colours.",
        "ko": "다 아니에요: 테마가 색을 골라요.",
    },
    "dice": {"en": "New colours", "ko": "다른 색"},
    "dice_tip": {
        "en": "Roll the dice: the same picture in other colours that fit.",
        "ko": "주사위를 굴려요: 같은 그림을 어울리는 다른 색으로 칠해요.",
    },
}
