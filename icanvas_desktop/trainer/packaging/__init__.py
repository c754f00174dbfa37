"""A run's chosen generator made into a theme package the app loads: `icanvas-train export` and
`add-tflite`.

`export` writes the package (manifest, Keras weights, preview, and a zip for --import-theme); `tflite`
gives it the LiteRT model the packaged app runs, checked against the Keras weights it came from.
(The app's own PyInstaller packaging is the repository's packaging/ folder, not this.)
"""
