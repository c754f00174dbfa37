"""Looks a child knows from their own materials, painted from the same region colours as the neat look:
crayon and watercolour.

Each takes the flat picture (every region in its colour, the paper white or crayoned, no ink yet) and the
regions' labels, and gives the picture in that material; the child's lines go on top afterwards, as in the
neat look. Procedural and deterministic: the texture's randomness is seeded from the drawing, so the same
drawing always looks the same, and sizes are fractions of the picture's width, so a bigger picture has the
same texture at a finer grain. NumPy and Pillow, a few milliseconds at 256².
"""

import zlib

import numpy as np
from PIL import Image, ImageChops, ImageFilter

# The sizes below are in pixels of a 256-px picture.
REFERENCE = 256
# Crayon: strokes this far apart, laid along each region's longer axis, as a child colours a shape in.
STROKE_SPACING = 4.0
# How much of the colour the wax leaves: on average, where the stroke is, and along the outline (children
# press harder there, and go over it twice).
WAX = 0.86
WAX_STROKE = 0.2
WAX_RIM = 0.15
# The paper's tooth, which the wax skips in dashes this long along its strokes, and how deep it bites.
STREAK = 3.0
TOOTH_DEPTH = 0.4
# The grain of the paper under watercolour.
TOOTH = 1.0
# Watercolour: the pigment's strength in the wash, its blooms (σ of the slow variation, and how strong),
# and how much more of it pools along a region's rim, within about RIM pixels of it.
WASH = 0.78
BLOOM = 14.0
BLOOM_DEPTH = 0.12
POOL = 0.5
RIM = 2.0
DARKEST = 1.35
# Pigment settling in the paper's grain, and how soft the wet edges are (σ).
GRANULATION = 0.16
WET = 1.0


def seed_of(ink: np.ndarray) -> int:
    """A seed from the drawing (its ink, (H, W) uint8), the same every time the same drawing is painted."""
    return zlib.crc32(np.ascontiguousarray(ink).data)


def crayon(flat: Image.Image, labels: np.ndarray, seed: int) -> Image.Image:
    """`flat` coloured in with wax crayons: strokes along each region's longer axis, denser along its
    outline, with the paper's white tooth showing through the wax in streaks along them."""
    height, width = labels.shape
    scale = width / REFERENCE
    rng = np.random.default_rng(seed)
    y, x = np.arange(height, dtype=np.float32)[:, None], np.arange(width, dtype=np.float32)[None, :]
    angle = _long_axes(labels, rng)
    cos, sin = np.cos(angle)[labels], np.sin(angle)[labels]
    # A region's strokes are parallel lines along its longer axis, a little wavy, some pressed harder.
    across = (y * cos - x * sin) / (STROKE_SPACING * scale)
    across += 0.25 * _smooth_noise(rng, labels.shape, 16 * scale)
    stroke = np.sin(2 * np.pi * across) * (0.6 + 0.4 * _smooth_noise(rng, labels.shape, 6 * scale))
    # The wax skips the paper's tooth in dashes along the stroke: noise looked up in the stroke's own
    # frame, a few pixels long and a fraction of a stroke wide.
    along = (x * cos + y * sin) / (STREAK * scale)
    table = rng.standard_normal((64, 64)).astype(np.float32)
    streak = table[(across * 3).astype(np.int32) & 63, along.astype(np.int32) & 63]
    wax = WAX + WAX_STROKE * stroke + WAX_RIM * _rim(labels, 2.5 * scale)
    wax -= TOOTH_DEPTH * np.maximum(streak - 0.7, 0) * (1.2 - stroke)
    return _lay(flat, np.clip(wax, 0.0, 1.0))


def watercolour(flat: Image.Image, labels: np.ndarray, seed: int) -> Image.Image:
    """`flat` painted in watercolour: a translucent wash with slow blooms, pigment pooled along each region's
    rim, settled in the paper's grain, its edges soft."""
    scale = labels.shape[1] / REFERENCE
    rng = np.random.default_rng(seed)
    # Soft-clipped: a bloom lightens or darkens the wash, never leaves a hole in it.
    bloom = np.tanh(_smooth_noise(rng, labels.shape, BLOOM * scale))
    grain = _smooth_noise(rng, labels.shape, TOOTH * scale)
    pigment = WASH + BLOOM_DEPTH * bloom + POOL * _rim(labels, RIM * scale)
    pigment *= 1.0 + GRANULATION * grain
    # Pooled pigment is darker than the colour itself.
    washed = _lay(flat, np.clip(pigment, 0.0, DARKEST))
    # Wet edges: the wash runs a little, softly, where two colours meet (one box blur: a third of a
    # Gaussian's time, and as soft at this radius).
    return washed.filter(ImageFilter.BoxBlur(WET * scale))


def _lay(flat: Image.Image, amount: np.ndarray) -> Image.Image:
    """The paper (white) with `amount` (H, W) of `flat`'s colour laid on it: 1 is the colour itself, more a
    second layer over the first (glazed: the colour multiplied by itself)."""
    def mask(share: np.ndarray) -> Image.Image:
        return Image.fromarray(np.clip(share * 255 + 0.5, 0, 255).astype(np.uint8), "L")

    # Pillow's compositing: a third of the time of the same sums in NumPy floats.
    laid = Image.composite(flat, Image.new("RGB", flat.size, (255, 255, 255)), mask(amount))
    if amount.max() > 1:
        laid = Image.composite(ImageChops.multiply(laid, flat), laid, mask(amount - 1))
    return laid


def _smooth_noise(rng: np.random.Generator, shape: tuple[int, int], scale: float) -> np.ndarray:
    """Value noise with features about `scale` pixels across, scaled to about unit spread: (H, W) float32.
    Drawn on a grid `scale` apart and enlarged smoothly (Pillow's bicubic), much faster than blurring."""
    step = max(1.0, scale)
    small = (int(shape[0] / step) + 2, int(shape[1] / step) + 2)
    noise = Image.fromarray(rng.standard_normal(small, dtype=np.float32), "F")
    big = (round(small[1] * step), round(small[0] * step))
    smooth = np.asarray(noise.resize(big, Image.Resampling.BICUBIC))[: shape[0], : shape[1]]
    # The spread of every fourth pixel each way is near enough, in a sixteenth of the time.
    return smooth / max(float(smooth[::4, ::4].std()), 1e-6)


def _rim(labels: np.ndarray, width: float) -> np.ndarray:
    """(H, W) float32: 1 at the edge of every region (where the label changes), falling to 0 about `width`
    pixels inside it."""
    edge = np.zeros(labels.shape, bool)
    edge[1:] |= labels[1:] != labels[:-1]
    edge[:-1] |= labels[:-1] != labels[1:]
    edge[:, 1:] |= labels[:, 1:] != labels[:, :-1]
    edge[:, :-1] |= labels[:, :-1] != labels[:, 1:]
    edge |= labels == 0
    spread = Image.fromarray(edge.view(np.uint8) * np.uint8(255), "L").filter(ImageFilter.GaussianBlur(width))
    return np.minimum(np.asarray(spread, np.float32) * (2.5 / 255), 1.0)


def _long_axes(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each region's longer axis (radians, (count + 1,) float32), from its pixels' second moments; a round
    region, which has none, gets one at random."""
    count = int(labels.max()) + 1
    # Every other pixel each way is plenty for a region's axis, in a quarter of the time.
    y, x = np.nonzero(labels[::2, ::2])
    y, x = 2 * y, 2 * x
    which = labels[y, x]
    n = np.maximum(np.bincount(which, minlength=count), 1)
    mx, my = np.bincount(which, x, count) / n, np.bincount(which, y, count) / n
    dx, dy = x - mx[which], y - my[which]
    xx, yy, xy = (np.bincount(which, v, count) / n for v in (dx * dx, dy * dy, dx * dy))
    angle = 0.5 * np.arctan2(2 * xy, xx - yy)
    round_ = np.hypot(xx - yy, 2 * xy) < 0.1 * (xx + yy)
    angle[round_] = rng.uniform(0, np.pi, count)[round_]
    return angle.astype(np.float32)


# Each look's painting, by its name (generation/clean_look.Look's values).
BY_LOOK = {"crayon": crayon, "watercolour": watercolour}
