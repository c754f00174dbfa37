import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.trainer.data.images import (
    ImageProblem,
    LoadedPicture,
    find_pictures,
    find_unsupported,
    load_picture,
    picture_from_image,
    split_aligned,
)


def _noise_rgb(height: int = 48, width: int = 64, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)


def _save(img: Image.Image, path: Path, fmt: str | None = None, **options) -> Path:
    img.save(path, fmt, **options)
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bytes(width: int, height: int, bit_depth: int, colour_type: int, rows: bytes = b"") -> bytes:
    """A PNG written by hand, for what Pillow cannot write (16-bit RGB) or refuses to (absurd sizes)."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def _problem(path: Path) -> str:
    with pytest.raises(ImageProblem) as caught:
        load_picture(path)
    assert caught.value.path == path
    return str(caught.value)


# Finding pictures


def test_find_pictures_is_recursive_sorted_case_insensitive_and_skips_hidden(tmp_path):
    for name in ["b.png", "a.JPG", "sub/c.jpeg", "sub/deeper/d.WebP", ".hidden.png", ".thumbs/e.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("hi")
    (tmp_path / "sub" / "anim.gif").write_bytes(b"GIF89a")

    found = [path.relative_to(tmp_path).as_posix() for path in find_pictures(tmp_path)]
    unsupported = [path.relative_to(tmp_path).as_posix() for path in find_unsupported(tmp_path)]

    assert found == ["a.JPG", "b.png", "sub/c.jpeg", "sub/deeper/d.WebP"]
    assert unsupported == ["notes.txt", "sub/anim.gif"]


def test_missing_folder_says_so(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(
        ImageProblem, match="does not exist; pass the folder that holds your pictures"
    ) as caught:
        find_pictures(missing)
    assert caught.value.path == missing


def test_a_file_instead_of_a_folder_says_so(tmp_path):
    file = tmp_path / "a.png"
    file.write_bytes(b"x")
    with pytest.raises(ImageProblem, match="is a file, not a folder"):
        find_pictures(file)


def test_empty_folder_says_it_is_empty(tmp_path):
    with pytest.raises(
        ImageProblem, match=r"No pictures found in .*: put PNG, JPEG or WebP files in it \(it is empty\)"
    ):
        find_pictures(tmp_path)


def test_folder_of_other_files_names_one_of_them(tmp_path):
    (tmp_path / "a.gif").write_bytes(b"GIF89a")
    (tmp_path / "b.bmp").write_bytes(b"BM")
    with pytest.raises(ImageProblem, match=r"\(found 2 other files, e\.g\. a\.gif\)"):
        find_pictures(tmp_path)


# Damaged and unsupported files


@pytest.mark.parametrize(("fmt", "suffix"), [("PNG", ".png"), ("JPEG", ".jpg"), ("WEBP", ".webp")])
def test_truncated_file_is_reported_as_damaged(tmp_path, fmt, suffix):
    whole = io.BytesIO()
    Image.fromarray(_noise_rgb()).save(whole, fmt)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])

    message = _problem(path)

    assert "is damaged or incomplete (" in message
    assert message.endswith("re-save or re-download it")
    assert str(path) in message


def test_png_missing_only_its_end_is_reported_as_damaged(tmp_path):
    # The pixels are all there, so Pillow's load() alone would accept it.
    whole = io.BytesIO()
    Image.fromarray(_noise_rgb()).save(whole, "PNG")
    path = tmp_path / "no_end.png"
    path.write_bytes(whole.getvalue()[:-12])

    assert "is damaged or incomplete" in _problem(path)


def test_gif_renamed_to_png_is_named_as_gif(tmp_path):
    path = _save(Image.new("RGB", (8, 8), "red"), tmp_path / "really_a_gif.png", "GIF")
    message = _problem(path)
    assert f"{path} is a GIF file; only PNG, JPEG and WebP are supported: convert it" in message


def test_bmp_renamed_to_jpg_is_named_as_bmp(tmp_path):
    path = _save(Image.new("RGB", (8, 8), "red"), tmp_path / "really_a_bmp.jpg", "BMP")
    assert "is a BMP file" in _problem(path)


def test_text_file_named_jpg_is_not_a_picture(tmp_path):
    path = tmp_path / "letter.jpg"
    path.write_text("Dear grandma, ...")
    message = _problem(path)
    assert f"{path} is not a picture" in message


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert "is empty (0 bytes)" in _problem(path)


def test_png_with_zero_width_is_damaged(tmp_path):
    path = tmp_path / "zero.png"
    path.write_bytes(_png_bytes(0, 4, 8, 0))
    assert "is damaged or incomplete" in _problem(path)


def test_too_wide_picture_is_refused_before_decoding(tmp_path):
    path = _save(Image.new("L", (9000, 2)), tmp_path / "strip.png")
    assert "is too large (9000x2 px): resize it to at most 8192 px a side" in _problem(path)


def test_absurd_header_is_refused_without_allocating(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_bytes(100_000, 100_000, 8, 0))
    assert "too large" in _problem(path)


# Conversions


def test_grayscale_becomes_equal_rgb_without_alpha(tmp_path):
    grey = np.arange(64, dtype=np.uint8).reshape(8, 8) * 4
    picture = load_picture(_save(Image.fromarray(grey), tmp_path / "grey.png"))
    assert picture.rgb.shape == (8, 8, 3) and picture.rgb.dtype == np.uint8
    assert all(np.array_equal(picture.rgb[..., c], grey) for c in range(3))
    assert picture.alpha is None


def test_bilevel_becomes_black_and_white(tmp_path):
    img = Image.new("1", (4, 2), 0)
    img.putpixel((1, 0), 1)
    picture = load_picture(_save(img, tmp_path / "bits.png"))
    assert picture.rgb[0, 1].tolist() == [255, 255, 255]
    assert picture.rgb[0, 0].tolist() == [0, 0, 0]


def test_grey_with_alpha_is_composited_on_white_and_keeps_alpha(tmp_path):
    la = np.zeros((4, 4, 2), np.uint8)  # black
    la[..., 1] = [[0, 64, 128, 255]] * 4
    picture = load_picture(_save(Image.fromarray(la, "LA"), tmp_path / "la.png"))
    assert picture.rgb[0, :, 0].tolist() == [255, 191, 127, 0]
    assert picture.alpha is not None and picture.alpha[0].tolist() == [0, 64, 128, 255]


def test_rgba_is_composited_on_white_and_keeps_alpha(tmp_path):
    rgba = np.zeros((2, 2, 4), np.uint8)
    rgba[..., :3] = (200, 100, 0)
    rgba[..., 3] = [[255, 0], [51, 255]]
    picture = load_picture(_save(Image.fromarray(rgba, "RGBA"), tmp_path / "rgba.png"))
    assert picture.rgb[0, 0].tolist() == [200, 100, 0]
    assert picture.rgb[0, 1].tolist() == [255, 255, 255]
    assert picture.rgb[1, 0].tolist() == [244, 224, 204]  # 20 % of the colour over white
    assert np.array_equal(picture.alpha, rgba[..., 3])


def test_opaque_rgba_has_no_alpha(tmp_path):
    picture = load_picture(_save(Image.new("RGBA", (4, 4), (1, 2, 3, 255)), tmp_path / "opaque.png"))
    assert picture.alpha is None


def test_palette_transparency_becomes_alpha(tmp_path):
    img = Image.new("P", (3, 1), 0)
    img.putpalette([255, 0, 0, 0, 0, 255])
    img.putpixel((1, 0), 1)
    picture = load_picture(_save(img, tmp_path / "pal.png", transparency=0))
    assert picture.rgb[0].tolist() == [[255, 255, 255], [0, 0, 255], [255, 255, 255]]
    assert picture.alpha[0].tolist() == [0, 255, 0]


def test_palette_without_transparency_has_no_alpha(tmp_path):
    img = Image.new("P", (2, 1), 1)
    img.putpalette([255, 0, 0, 0, 0, 255])
    picture = load_picture(_save(img, tmp_path / "pal.png"))
    assert picture.rgb[0, 0].tolist() == [0, 0, 255]
    assert picture.alpha is None


def test_cmyk_jpeg_is_converted_with_a_note(tmp_path):
    rgb = np.zeros((16, 16, 3), np.uint8)
    rgb[:, :8] = (200, 30, 30)
    rgb[:, 8:] = (30, 30, 200)
    path = _save(Image.fromarray(rgb).convert("CMYK"), tmp_path / "print.jpg", quality=95)
    picture = load_picture(path)
    assert np.abs(picture.rgb.astype(int) - rgb).mean() < 12
    assert any("was CMYK; converted to RGB" in note and "save it as RGB" in note for note in picture.notes)


def test_16_bit_grayscale_scales_its_full_range(tmp_path):
    wide = np.array([[0, 257, 32768, 65535]], np.uint16)
    picture = load_picture(_save(Image.fromarray(wide), tmp_path / "g16.png"))
    assert picture.rgb[0, :, 0].tolist() == [0, 1, 128, 255]
    assert any("16-bit" in note for note in picture.notes)


def test_16_bit_rgb_png_keeps_its_colours(tmp_path):
    pixels = np.array([[[65535, 32768, 0], [0, 65535, 4096]]], dtype=">u2")
    rows = b"\x00" + pixels.tobytes()
    path = tmp_path / "rgb16.png"
    path.write_bytes(_png_bytes(2, 1, 16, 2, rows))
    picture = load_picture(path)
    assert picture.rgb[0].tolist() == [[255, 128, 0], [0, 255, 16]]
    assert any("16 bits per channel" in note for note in picture.notes)


def test_32_bit_and_float_grayscale_are_scaled_to_8_bits():
    wide = picture_from_image(Image.fromarray(np.array([[-1000, 0, 1000]], np.int32), "I"))
    unit = picture_from_image(Image.fromarray(np.array([[0.0, 0.5, 1.0]], np.float32), "F"))
    assert wide.rgb[0, :, 0].tolist() == [0, 128, 255]
    assert unit.rgb[0, :, 0].tolist() == [0, 128, 255]
    assert wide.notes and unit.notes


def test_exif_orientation_is_applied(tmp_path):
    rgb = np.zeros((20, 40, 3), np.uint8)
    rgb[:, :20] = (255, 0, 0)
    rgb[:, 20:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to view
    picture = load_picture(_save(Image.fromarray(rgb), tmp_path / "phone.png", exif=exif))
    assert picture.rgb.shape == (40, 20, 3)
    assert picture.rgb[5, 10].tolist() == [255, 0, 0] and picture.rgb[35, 10].tolist() == [0, 0, 255]
    assert any("EXIF orientation" in note for note in picture.notes)


def test_webp_with_transparency(tmp_path):
    rgba = np.zeros((8, 8, 4), np.uint8)
    rgba[..., 1] = 255
    rgba[2:6, 2:6, 3] = 255
    picture = load_picture(_save(Image.fromarray(rgba, "RGBA"), tmp_path / "leaf.webp", lossless=True))
    assert picture.alpha is not None and (picture.alpha > 127).sum() == 16
    assert picture.rgb[0, 0].tolist() == [255, 255, 255] and picture.rgb[3, 3].tolist() == [0, 255, 0]


# Aligned A|B pairs


def _pair(sketch: np.ndarray, picture: np.ndarray) -> Image.Image:
    return Image.fromarray(np.concatenate([np.dstack([sketch] * 3), picture], axis=1))


def test_split_aligned_returns_sketch_in_unit_range_and_the_picture_half(tmp_path):
    sketch = np.full((32, 32), 255, np.uint8)
    sketch[10, 4:28] = 0
    picture = _noise_rgb(32, 32)
    path = _save(_pair(sketch, picture), tmp_path / "pair.png")

    lines, right = split_aligned(path)

    assert lines.dtype == np.float32 and lines.shape == (32, 32)
    assert lines[0, 0] == pytest.approx(1.0) and lines[10, 10] == pytest.approx(0.0)
    assert isinstance(right, LoadedPicture) and np.array_equal(right.rgb, picture)
    assert right.alpha is None


def test_split_aligned_inverts_white_lines_on_black(tmp_path):
    sketch = np.zeros((32, 32), np.uint8)
    sketch[10, 4:28] = 255
    lines, right = split_aligned(_save(_pair(sketch, _noise_rgb(32, 32)), tmp_path / "hed.png"))
    assert lines[0, 0] == pytest.approx(1.0) and lines[10, 10] == pytest.approx(0.0)
    assert any("inverted" in note for note in right.notes)


def test_split_aligned_refuses_an_odd_width(tmp_path):
    path = _save(Image.new("RGB", (513, 256), "white"), tmp_path / "odd.png")
    with pytest.raises(ImageProblem, match="is 513 px wide, an odd number") as caught:
        split_aligned(path)
    assert "crop one column" in str(caught.value)


def test_split_aligned_refuses_halves_far_from_square(tmp_path):
    path = _save(Image.new("RGB", (1200, 100), "white"), tmp_path / "banner.png")
    with pytest.raises(ImageProblem, match="600x100 px"):
        split_aligned(path)


def test_split_aligned_keeps_only_the_picture_halfs_transparency(tmp_path):
    rgba = np.full((16, 32, 4), 255, np.uint8)
    rgba[:4, :4, 3] = 0  # transparent corner in the sketch half only
    _, right = split_aligned(_save(Image.fromarray(rgba, "RGBA"), tmp_path / "pair.png"))
    assert right.alpha is None


# Memory


def test_a_large_picture_is_decoded_reduced_when_asked(tmp_path):
    import tracemalloc

    path = _save(Image.fromarray(np.tile(_noise_rgb(64, 64), (32, 32, 1))), tmp_path / "big.png")  # 2048 px
    tracemalloc.start()
    try:
        picture = load_picture(path, max_side=256)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert picture.rgb.shape == (256, 256, 3)
    # At full size the compositing alone would hold 2048 x 2048 x 3 floats, 48 MiB.
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MiB"
    assert load_picture(path).rgb.shape == (2048, 2048, 3)


def test_reducing_averages_colours_not_palette_indices(tmp_path):
    stripes = Image.new("P", (1024, 1024))
    stripes.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    stripes.putdata([x % 2 for _ in range(1024) for x in range(1024)])  # red and blue columns
    picture = load_picture(_save(stripes, tmp_path / "stripes.png"), max_side=128)
    assert picture.rgb.shape == (128, 128, 3)
    assert np.abs(picture.rgb.astype(int) - [128, 0, 128]).max() <= 1


def test_a_webp_too_large_to_read_in_a_gigabyte_is_named(tmp_path, monkeypatch):
    from icanvas_desktop.trainer.data import images

    monkeypatch.setattr(images, "MAX_WEBP_PIXELS", 50 * 50)  # stands in for 6000 x 6000 px
    path = _save(Image.fromarray(_noise_rgb(60, 60)), tmp_path / "big.webp")
    assert "save it as PNG or JPEG" in _problem(path)


def test_workers_are_bounded_by_free_memory_as_well_as_cores(monkeypatch):
    from icanvas_desktop.trainer.data import workers as pool

    monkeypatch.setattr(pool.os, "cpu_count", lambda: 16)
    for free, workers in ((int(2.5 * 2**30), 2), (2**28, 1), (64 * 2**30, 16), (None, 16)):
        monkeypatch.setattr(pool, "_available_memory", lambda free=free: free)
        assert pool.default_workers() == workers


def test_a_large_aligned_pair_is_reduced_half_by_half(tmp_path):
    import tracemalloc

    pair = Image.new("RGB", (2048, 1024), (200, 30, 30))
    pair.paste((255, 255, 255), (0, 0, 1024, 1024))
    pair.paste((0, 0, 0), (1016, 0, 1024, 1024))  # a line at the sketch's right edge, beside the picture
    path = _save(pair, tmp_path / "pair.png")
    tracemalloc.start()
    try:
        sketch, picture = split_aligned(path, max_side=128)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sketch.shape == (128, 128) and picture.rgb.shape == (128, 128, 3)
    assert (picture.rgb == (200, 30, 30)).all(), "no sketch pixel is averaged into the picture"
    assert sketch[:, -1].max() == 0 and sketch[:, 0].min() == 1
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MiB"
    _save(Image.new("RGB", (2049, 1024), "white"), tmp_path / "odd.png")
    with pytest.raises(ImageProblem, match="is 2049 px wide"):
        split_aligned(tmp_path / "odd.png", max_side=128)
