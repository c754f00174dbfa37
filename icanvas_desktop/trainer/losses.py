"""pix2pix objective with the LSGAN adversarial term, written in keras.ops."""

from keras import ops


def discriminator_loss(real_scores, fake_scores):
    # Halved, as the pix2pix authors do, so D learns more slowly than G learns from it.
    return 0.5 * (ops.mean(ops.square(real_scores - 1.0)) + ops.mean(ops.square(fake_scores)))


def generator_adversarial_loss(fake_scores):
    return ops.mean(ops.square(fake_scores - 1.0))


def l1_loss(real_pictures, fake_pictures):
    return ops.mean(ops.abs(real_pictures - fake_pictures))
