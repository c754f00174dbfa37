"""pix2pix objective with the LSGAN adversarial term, written in keras.ops."""

from keras import ops


def discriminator_loss(real_scores, fake_scores):
    # Halved, as the pix2pix authors do, so D learns more slowly than G learns from it.
    return 0.5 * (ops.mean(ops.square(real_scores - 1.0)) + ops.mean(ops.square(fake_scores)))


def generator_adversarial_loss(fake_scores):
    return ops.mean(ops.square(fake_scores - 1.0))


def l1_loss(real_pictures, fake_pictures):
    return ops.mean(ops.abs(real_pictures - fake_pictures))


def generator_objective(fake_scores, real_pictures, fake_pictures, taught_pictures, l1_weight: float,
                        distill_weight: float):
    """G's total loss and its parts; `taught_pictures` is the teacher's picture of each sketch, or None."""
    adversarial = generator_adversarial_loss(fake_scores)
    l1 = l1_loss(real_pictures, fake_pictures)
    total = adversarial + l1_weight * l1
    if taught_pictures is not None:
        total = total + distill_weight * l1_loss(ops.cast(taught_pictures, fake_pictures.dtype), fake_pictures)
    return total, {"g_adv": adversarial, "g_l1": l1}
