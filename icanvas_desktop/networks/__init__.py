"""Keras 3 networks: generators and the PatchGAN discriminator.

Importing this package imports Keras (and with it TensorFlow); UI code reaches it only
through the generation runtime, which imports it lazily.
"""

from icanvas_desktop.networks.config import ARCHITECTURES, GeneratorConfig, build_generator
from icanvas_desktop.networks.patchgan import patchgan_discriminator

__all__ = ["ARCHITECTURES", "GeneratorConfig", "build_generator", "patchgan_discriminator"]
