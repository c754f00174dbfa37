"""Keras 3 networks: the generators and the PatchGAN discriminator.

This package's `__init__` and `config` stay free of Keras so that reading a theme manifest is cheap;
`build_generator` and the network modules import Keras (and with it TensorFlow) when called.
"""

from icanvas_desktop.networks.config import ARCHITECTURES, PRESETS, GeneratorConfig, build_generator

__all__ = ["ARCHITECTURES", "PRESETS", "GeneratorConfig", "build_generator"]
