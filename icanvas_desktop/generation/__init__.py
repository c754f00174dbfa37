"""Sketch → picture: the one path the app, the evaluator and the tests share."""

from icanvas_desktop.generation.clean_look import apply_look
from icanvas_desktop.generation.pipeline import Generator, load_generator
from icanvas_desktop.generation.sketch_input import picture_from_array, sketch_to_array

__all__ = ["Generator", "apply_look", "load_generator", "picture_from_array", "sketch_to_array"]
