"""pix2pix objective with the LSGAN adversarial term, and pix2pixHD's feature matching, in keras.ops.

A discriminator's output (networks/patchgan.py) is its scores, or one list per scale of block features
followed by the scale's scores; every term is averaged over the scales.
"""

from keras import ops


def _scales(outputs) -> list[tuple[list, object]]:
    """(features, scores) per scale."""
    if not isinstance(outputs, (list, tuple)):
        return [([], outputs)]
    return [(list(scale[:-1]), scale[-1]) for scale in outputs]


def _mean(values):
    return sum(values) / len(values)


def discriminator_loss(real_outputs, fake_outputs):
    # Halved, as the pix2pix authors do, so D learns more slowly than G learns from it.
    return _mean([0.5 * (ops.mean(ops.square(real - 1.0)) + ops.mean(ops.square(fake)))
                  for (_, real), (_, fake) in zip(_scales(real_outputs), _scales(fake_outputs))])


def generator_adversarial_loss(fake_outputs):
    return _mean([ops.mean(ops.square(scores - 1.0)) for _, scores in _scales(fake_outputs)])


def feature_matching_loss(real_outputs, fake_outputs):
    """Mean L1 between D's features of the real and the generated picture, over blocks and scales."""
    return _mean([_mean([ops.mean(ops.abs(ops.stop_gradient(r) - f)) for r, f in zip(real, fake)])
                  for (real, _), (fake, _) in zip(_scales(real_outputs), _scales(fake_outputs))])


def l1_loss(real_pictures, fake_pictures):
    return ops.mean(ops.abs(real_pictures - fake_pictures))


def generator_objective(fake_outputs, real_pictures, fake_pictures, taught_pictures, l1_weight: float,
                        distill_weight: float, real_outputs=None, feature_weight: float = 0.0):
    """G's total loss and its parts; `taught_pictures` is the teacher's picture of each sketch, or None;
    `real_outputs` is D's output on the real picture where feature matching is on."""
    adversarial = generator_adversarial_loss(fake_outputs)
    l1 = l1_loss(real_pictures, fake_pictures)
    total = adversarial + l1_weight * l1
    parts = {"g_adv": adversarial, "g_l1": l1}
    if taught_pictures is not None:
        taught = ops.cast(taught_pictures, fake_pictures.dtype)
        total = total + distill_weight * l1_loss(taught, fake_pictures)
    if real_outputs is not None and feature_weight:
        parts["g_fm"] = feature_matching_loss(real_outputs, fake_outputs)
        total = total + feature_weight * parts["g_fm"]
    return total, parts
