"""iCanvas: children draw a sketch, a per-theme pix2pix generator turns it into a picture."""

__version__ = "0.1.0"
