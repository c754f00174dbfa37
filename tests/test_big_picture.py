"""The clean look at any size: lines drawn afresh at the size asked for, colour meeting them exactly."""

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation.big_picture import (
    ScalablePicture,
    big_picture,
    enlarged_flat,
    filled_labels,
)
from icanvas_desktop.generation.clean_look import INK, find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import hints_to_array, sketch_to_array

WORK = 256
PAPER = (255, 255, 255)


def ring(cx: float, cy: float, r: float, size: PenSize = PenSize.MEDIUM, pressure: float = 1.0) -> Stroke:
    points = [Point(cx + r * math.cos(t), cy + r * math.sin(t), pressure)
              for t in np.linspace(0, 2 * math.pi, 90)]
    return Stroke(Tool.PEN, size, tuple(points))


def face() -> Drawing:
    """A face: a head, two eyes (one drawn with a feather-light touch), a smile, a red crayon cheek."""
    return Drawing([
        ring(0.5, 0.5, 0.3), ring(0.4, 0.42, 0.06, PenSize.SMALL), ring(0.6, 0.42, 0.06, PenSize.SMALL, 0.2),
        Stroke(Tool.PEN, PenSize.LARGE, (Point(0.35, 0.62), Point(0.5, 0.7), Point(0.65, 0.62))),
        Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.3, 0.5), Point(0.32, 0.55)), Crayon.RED),
    ])


def generated(size: int = WORK) -> Image.Image:
    """A stand-in for a generator's picture: colour that changes across the sheet."""
    yy, xx = np.mgrid[0:size, 0:size]
    return Image.fromarray(np.stack([xx, 64 + yy // 2, 255 - xx], -1).astype(np.uint8), "RGB")


def todays(drawing: Drawing) -> Image.Image:
    """The clean look as the generator makes it, at its working size."""
    regions = find_regions(sketch_to_array(render_sketch(drawing, WORK), WORK)[..., 0])
    return paint_regions(regions, generated(), hints=hints_to_array(render_hints(drawing, WORK), WORK))


def edge_runs(line: np.ndarray, colours: list[tuple[int, int, int]], tolerance: int = 24) -> list[int]:
    """Lengths of the runs of pixels in `line` ((N, 3)) that are neither ink nor one of `colours`, between
    ink and a colour: the width of the ink-to-colour edges along it."""
    known = [np.abs(line.astype(int) - c).max(-1) <= tolerance for c in [INK, *colours]]
    kind = np.full(len(line), -1)
    for k, mask in enumerate(known):
        kind[mask & (kind < 0)] = k
    # Segments of one kind, then each step from ink to a colour (or back) with the unknown run between.
    changes = np.flatnonzero(np.diff(kind)) + 1
    starts = np.concatenate(([0], changes))
    kinds = kind[starts]
    lengths = np.diff(np.concatenate((starts, [len(line)])))
    runs = []
    for i in range(len(kinds) - 1):
        if kinds[i] < 0:
            continue
        between, j = 0, i + 1
        if kinds[j] < 0:
            between, j = lengths[j], j + 1
        if j < len(kinds) and kinds[j] >= 0 and 0 in (kinds[i], kinds[j]) and kinds[i] != kinds[j]:
            runs.append(int(between))
    return runs


def test_at_the_working_size_it_is_todays_clean_look_pixel_for_pixel():
    drawing = face()
    today = todays(drawing)
    assert np.array_equal(np.asarray(big_picture(drawing, today, WORK)), np.asarray(today))


def test_the_big_picture_shrunk_to_the_working_size_is_todays_within_a_little():
    drawing = face()
    today = np.asarray(todays(drawing), np.float32)
    big = big_picture(drawing, Image.fromarray(today.astype(np.uint8)), 2048)
    shrunk = np.asarray(big.resize((WORK, WORK), Image.Resampling.BOX), np.float32)
    difference = np.abs(shrunk - today)
    assert difference.mean() < 2.0  # levels of 255; the lines are a little thinner, the colours the same
    assert np.percentile(difference, 95) < 8


def test_the_ink_meets_the_colour_within_two_pixels_at_2048():
    drawing = face()
    today = todays(drawing)
    big = np.asarray(big_picture(drawing, today, 2048))
    colours = [tuple(int(c) for c in today.getpixel(p)) for p in ((128, 128), (102, 107), (153, 107), (5, 5))]
    centre = 1024
    runs = []
    for line in (big[centre], big[:, centre], big[round(0.42 * 2048)], big[:, round(0.4 * 2048)]):
        runs += edge_runs(line, colours)
    assert len(runs) >= 12, "every crossing of a line counts"
    assert max(runs) <= 2, runs


def test_no_paper_between_the_fill_and_the_line_and_no_colour_outside_it():
    drawing = Drawing([ring(0.5, 0.5, 0.3, PenSize.SMALL, 0.3)])  # the thinnest line a child draws
    today = todays(drawing)
    fill = today.getpixel((128, 128))
    assert fill != PAPER
    big = np.asarray(big_picture(drawing, today, 2048)).astype(int)
    yy, xx = np.mgrid[0:2048, 0:2048]
    radius = np.hypot(xx + 0.5 - 1024, yy + 0.5 - 1024) / 2048
    half_line = drawing.strokes[0].width_at(0.3) / 2
    just_inside = (radius > 0.3 - half_line - 0.004) & (radius < 0.3 - half_line - 0.001)
    just_outside = (radius > 0.3 + half_line + 0.001) & (radius < 0.3 + half_line + 0.004)
    assert (np.abs(big[just_inside] - fill).max(-1) <= 2).mean() > 0.99, "the fill reaches the line"
    assert (np.abs(big[just_outside] - PAPER).max(-1) <= 2).mean() > 0.99, "no colour outside the line"


def test_a_crayoned_sheet_keeps_its_crayon_everywhere_around_the_drawing():
    drawing = Drawing([ring(0.5, 0.5, 0.2),
                       Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.05, 0.1), Point(0.2, 0.1)), Crayon.BLUE)])
    today = todays(drawing)
    big = big_picture(drawing, today, 1024)
    assert big.getpixel((10, 10)) == today.getpixel((2, 2)) != PAPER


def test_a_scan_is_enlarged_smoothly_and_its_ink_made_crisp():
    scan = Image.new("L", (1200, 900), 255)
    ImageDraw.Draw(scan).ellipse((300, 150, 900, 750), outline=0, width=14)
    work = sketch_to_array(scan, WORK)[..., 0]
    regions = find_regions(work)
    today = paint_regions(regions, generated())
    big = big_picture(scan, today, 2048)
    shrunk = np.asarray(big.resize((WORK, WORK), Image.Resampling.BOX), np.float32)
    assert np.abs(shrunk - np.asarray(today, np.float32)).mean() < 2.0
    fill = tuple(int(c) for c in today.getpixel((128, 128)))
    runs = edge_runs(np.asarray(big)[1024], [fill, PAPER])
    assert len(runs) == 4 and max(runs) <= 2, runs


def test_every_line_pixel_goes_to_an_area_beside_it():
    drawing = face()
    regions = find_regions(sketch_to_array(render_sketch(drawing, WORK), WORK)[..., 0])
    filled = filled_labels(regions)
    assert np.array_equal(filled[regions.labels > 0], regions.labels[regions.labels > 0])
    line = (regions.labels == 0) & (regions.ink == 255)
    assert (filled[line] > 0).any() and (filled[line] == 0).any()
    assert set(np.unique(filled)) == set(np.unique(regions.labels))


@pytest.mark.parametrize("size", [300, 1024])
def test_a_scalable_picture_gives_each_size_and_keeps_its_own(size):
    drawing = face()
    today = todays(drawing)
    scalable = ScalablePicture(drawing, today)
    first = scalable.at(WORK)
    assert scalable.at(size).size == (size, size)
    assert np.array_equal(np.asarray(scalable.at(WORK)), np.asarray(first))


def test_from_the_generators_picture_every_colour_is_exact_even_in_a_sliver_under_ink():
    hair = [Stroke(Tool.PEN, PenSize.SMALL, (Point(0.3 + 0.012 * k, 0.1), Point(0.3 + 0.012 * k, 0.3)))
            for k in range(12)]  # strokes so close that the paper between them is all soft edge
    crayon = Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.5, 0.6), Point(0.55, 0.62)), Crayon.GREEN)
    drawing = Drawing([ring(0.5, 0.6, 0.25), *hair, crayon])
    today = todays(drawing)
    scalable = ScalablePicture.from_generated(drawing, generated(), render_hints(drawing, WORK))
    assert np.array_equal(np.asarray(scalable.at(WORK)), np.asarray(today))
    assert scalable.at(1024).getpixel((512, 614)) == today.getpixel((128, 154))  # the crayon's green


def test_where_two_colours_meet_without_a_line_the_boundary_is_smooth_not_stepped():
    yy, xx = np.mgrid[0:WORK, 0:WORK]
    labels = (yy * 3 > xx + 200).astype(np.int32)  # a slanted edge, as a crayon's or a closed gap's
    colours = np.array([[255, 255, 255], [200, 40, 40]], np.uint8)
    big = np.asarray(enlarged_flat(labels, colours, 2048))[..., 1] < 128
    edge_rows = big.argmax(axis=0)[200:1800]  # the first coloured row of each column
    steps = np.abs(np.diff(edge_rows))
    assert steps.max() <= 2, "a slope of one in three climbs a pixel or two a column"
    nearest = Image.fromarray(labels.astype(np.uint8)).resize((2048, 2048), Image.Resampling.NEAREST)
    nearest = np.asarray(nearest)
    assert np.abs(np.diff(nearest.argmax(axis=0)[200:1800])).max() == 8, "the steps it replaces"
