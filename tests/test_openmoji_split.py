import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "scripts" / "themes" / "render_openmoji.py"
spec = importlib.util.spec_from_file_location("render_openmoji", SCRIPT)
render_openmoji = importlib.util.module_from_spec(spec)
spec.loader.exec_module(render_openmoji)


def test_every_variant_of_an_emoji_falls_on_the_same_side_of_the_split():
    base = render_openmoji.base_emoji
    # cook, man cook, woman cook; a man and a woman running facing right; a skin tone
    assert base("1F9D1-200D-1F373") == base("1F468-200D-1F373") == base("1F469-200D-1F373") == "1F373"
    assert base("1F3C3-200D-2642-FE0F-200D-27A1-FE0F") == base("1F3C3-200D-2640-FE0F") == "1F3C3"
    assert base("1F476-1F3FD") == base("1F476") and base("1F468") == "1F468" != base("1F469")
    held = [render_openmoji.is_held_out(f"1F{n:03X}", 0.2) for n in range(300, 700)]
    assert 0.12 < sum(held) / len(held) < 0.28
    assert render_openmoji.is_held_out("1F468-200D-1F373", 0.2) == render_openmoji.is_held_out("1F373", 0.2)
