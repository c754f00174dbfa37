"""Training a generator: `icanvas-train train`.

`train` holds the loop (pix2pix: a discriminator step, then a generator step) and what a run starts from
(a teacher, --init-from); the step itself is each Keras backend's own (`backends`, whose docstring is the
contract). `losses` is the objective, `checkpoint` what survives a kill, `hardware` the precision and
`scalars` the logs for TensorBoard. What a run folder holds is `trainer/run.py`'s.
"""
