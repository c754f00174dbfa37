"""Image quality figures that need no downloaded network."""

import numpy as np


def l1(real: np.ndarray, fake: np.ndarray) -> float:
    """Mean absolute difference of uint8 pictures, as a fraction of the full range (0 = identical)."""
    return float(np.mean(np.abs(real.astype(np.float32) - fake.astype(np.float32))) / 255.0)


def psnr(real: np.ndarray, fake: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB, averaged over pictures (batch axis first)."""
    diff = (real.astype(np.float64) - fake.astype(np.float64)) / 255.0
    mse = np.mean(diff.reshape(len(diff), -1) ** 2, axis=1)
    return float(np.mean(10 * np.log10(1.0 / np.maximum(mse, 1e-10))))


def sliced_wasserstein(
    real: np.ndarray,
    fake: np.ndarray,
    patch: int = 7,
    patches_per_image: int = 128,
    directions: int = 256,
    levels: int = 3,
    seed: int = 0,
) -> float:
    """Sliced Wasserstein distance between the 7x7 colour-patch distributions of two picture sets.

    After Karras et al. (progressive GANs), on a Gaussian pyramid. Both sets are standardised with the
    real set's channel statistics, so a colour shift still counts. Returned x1000; lower is closer.
    """
    rng = np.random.default_rng(seed)
    distances = []
    a, b = real.astype(np.float32) / 255.0, fake.astype(np.float32) / 255.0
    for _ in range(levels):
        if a.shape[1] < patch * 2:
            break
        da, db = _patches(a, patch, patches_per_image, rng), _patches(b, patch, patches_per_image, rng)
        mean = da.reshape(len(da), -1, 3).mean(axis=(0, 1))
        std = da.reshape(len(da), -1, 3).std(axis=(0, 1)) + 1e-6
        da = ((da.reshape(len(da), -1, 3) - mean) / std).reshape(len(da), -1)
        db = ((db.reshape(len(db), -1, 3) - mean) / std).reshape(len(db), -1)
        n = min(len(da), len(db))
        da, db = da[rng.permutation(len(da))[:n]], db[rng.permutation(len(db))[:n]]
        dirs = rng.standard_normal((da.shape[1], directions)).astype(np.float32)
        dirs /= np.linalg.norm(dirs, axis=0, keepdims=True)
        pa, pb = np.sort(da @ dirs, axis=0), np.sort(db @ dirs, axis=0)
        distances.append(float(np.mean(np.abs(pa - pb))))
        a, b = _half(a), _half(b)
    return 1000.0 * float(np.mean(distances))


def _patches(images: np.ndarray, patch: int, per_image: int, rng) -> np.ndarray:
    n, h, w, _ = images.shape
    ys = rng.integers(0, h - patch + 1, (n, per_image))
    xs = rng.integers(0, w - patch + 1, (n, per_image))
    offsets = np.arange(patch)
    rows = ys[..., None, None] + offsets[:, None]
    cols = xs[..., None, None] + offsets[None, :]
    picked = images[np.arange(n)[:, None, None, None], rows, cols]  # (n, per_image, patch, patch, 3)
    return picked.reshape(n * per_image, -1)


def _half(images: np.ndarray) -> np.ndarray:
    """2x2 box-filter downsampling: the next level of the pyramid."""
    n, h, w, c = images.shape
    images = images[:, : h // 2 * 2, : w // 2 * 2]
    return images.reshape(n, h // 2, 2, w // 2, 2, c).mean(axis=(2, 4))
