"""`icanvas-train`: prepare pictures, train a pix2pix generator, evaluate checkpoints, export a theme."""
