"""The pictures a theme learns from, and the pairs and batches made of them.

`prepare` (`icanvas-train prepare`) reads pictures (`images`), draws their sketches (`edges`, made to look
hand-drawn by `handdrawn`) and writes the prepared data set that `prepared` reads; `batches` deals its
pairs out to training, with crayon hints from `hints`. `sheets` lays pictures out for people to look at.
"""
