"""The desktop UI: every PySide6 import of iCanvas lives in this package (and `icanvas_desktop/__main__.py`).

Widgets take their models in their constructors (the Qt-free core: `Drawing`, `ChildSession`, `Theme`,
`Settings`, the drawing screen's `DrawingModel`) and show them; generation runs on one worker thread
(`generation_worker`), every other slow thing on one background thread (`background`).
"""
