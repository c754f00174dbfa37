"""How good a run's generators are: `icanvas-train evaluate`.

`evaluate` scores every checkpoint of a run on held-out pairs and on people's own drawings, picks the best
and writes evaluation/results.json (read back through `trainer/run.py`); `metrics` are the image figures
(L1, PSNR, sliced Wasserstein distance), `quality` what a child sees (grain, lines, colour). Training
uses `held_out_metrics` at the end of each epoch.
"""
