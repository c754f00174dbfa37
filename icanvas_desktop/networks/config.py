"""Generator architectures by name: a theme manifest names one and its settings, our code builds it."""

from dataclasses import asdict, dataclass, field
from typing import Any

# Each architecture's accepted settings with their defaults; a manifest may not name any other.
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "resnet": {"ngf": 64, "n_blocks": 9},
    "unet": {"ngf": 64, "depth": 8, "max_mult": 8, "dropout": 0.5},
}

# Named starting points for the trainer's --generator option.
PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "seed": ("resnet", {"ngf": 64, "n_blocks": 9}),
    "unet256": ("unet", {"ngf": 64, "depth": 8}),
    "compact": ("unet", {"ngf": 16, "depth": 7, "max_mult": 8, "dropout": 0.0}),
}


@dataclass(frozen=True)
class GeneratorConfig:
    architecture: str
    image_size: int
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.architecture not in ARCHITECTURES:
            raise ValueError(f"unknown architecture {self.architecture!r}; known: {', '.join(ARCHITECTURES)}")
        unknown = set(self.settings) - set(ARCHITECTURES[self.architecture])
        if unknown:
            raise ValueError(f"{self.architecture} has no setting(s) {', '.join(sorted(unknown))}")
        if not isinstance(self.image_size, int) or self.image_size < 16 or self.image_size % 4:
            raise ValueError(f"image size must be a multiple of 4 and at least 16, got {self.image_size}")

    @classmethod
    def from_preset(cls, name: str, image_size: int, **overrides) -> "GeneratorConfig":
        if name in PRESETS:
            arch, settings = PRESETS[name]
        elif name in ARCHITECTURES:
            arch, settings = name, {}
        else:
            raise ValueError(f"unknown generator {name!r}; choose from {', '.join([*PRESETS, *ARCHITECTURES])}")
        return cls(arch, image_size, {**ARCHITECTURES[arch], **settings, **overrides})

    def full_settings(self) -> dict[str, Any]:
        return {**ARCHITECTURES[self.architecture], **self.settings}

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.architecture, "image_size": self.image_size, "settings": self.full_settings()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GeneratorConfig":
        return cls(data["name"], int(data["image_size"]), dict(data.get("settings", {})))

    def __hash__(self):
        return hash(repr(asdict(self)))


def build_generator(config: GeneratorConfig):
    if config.architecture == "resnet":
        from icanvas_desktop.networks.resnet import resnet_generator

        return resnet_generator(config.image_size, **config.full_settings())
    from icanvas_desktop.networks.unet import unet_generator

    return unet_generator(config.image_size, **config.full_settings())
