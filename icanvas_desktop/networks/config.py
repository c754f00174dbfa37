"""Generator architectures by name: a theme manifest names one and its settings, our code builds it."""

from dataclasses import asdict, dataclass, field
from typing import Any

# Each architecture's accepted settings with their defaults; a manifest may not name any other.
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "resnet": {"ngf": 64, "n_blocks": 9},
    "unet": {"ngf": 64, "depth": 8, "max_mult": 8, "dropout": 0.5, "upsample": "transpose", "hints": False},
}
# Crayons reach a generator as four channels after the sketch's one (generation/sketch_input.py).
HINT_CHANNELS = 4
# Settings that name a choice rather than a number. `upsample` is how the U-Net's decoder doubles its maps:
# today's transposed convolutions (what every manifest from before it means), or nearest resize + 3x3
# convolution, or a 3x3 convolution to four times the channels rearranged into pixels (pixel shuffle, ICNR
# initialised); the last two cannot make the transposed convolution's checkerboard. `hints` adds the four
# crayon channels of generation/sketch_input.py to the sketch.
SETTING_CHOICES: dict[str, tuple[Any, ...]] = {
    "upsample": ("transpose", "resize", "shuffle"), "hints": (False, True),
}

# Every setting's accepted range: wide enough for any network worth training, narrow enough that the
# cost below can be worked out before anything is built.
SETTING_RANGES: dict[str, tuple[int | float, int | float]] = {
    "ngf": (1, 256), "n_blocks": (1, 64), "depth": (1, 10), "max_mult": (1, 32), "dropout": (0.0, 0.9),
}
MAX_IMAGE_SIZE = 512
# A theme comes from anyone, and a child picking it makes the app build what its manifest says. The seed's
# ResNet-9 at 256 px has 11.4 M parameters and does 49 G multiply-adds a picture; these allow about four
# seeds (pix2pix's unet_256, 54.4 M parameters, still fits) and refuse what would take gigabytes.
MAX_PARAMETERS = 60_000_000
MAX_MULTIPLY_ADDS = 200_000_000_000

# Named starting points for the trainer's --generator option.
PRESETS: dict[str, tuple[str, dict[str, Any]]] = {
    "seed": ("resnet", {"ngf": 64, "n_blocks": 9}),
    "unet256": ("unet", {"ngf": 64, "depth": 8}),
    "compact": ("unet", {"ngf": 16, "depth": 7, "max_mult": 8, "dropout": 0.0}),
    # Generator v2: the compact U-Net with a decoder that leaves no checkerboard, and crayons.
    "compact2": ("unet", {"ngf": 16, "depth": 7, "max_mult": 8, "dropout": 0.0, "upsample": "resize",
                          "hints": True}),
}


@dataclass(frozen=True)
class GeneratorConfig:
    architecture: str
    image_size: int
    settings: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.architecture not in ARCHITECTURES:
            raise ValueError(f"unknown architecture {self.architecture!r}; "
                             f"known: {', '.join(ARCHITECTURES)}")
        unknown = set(self.settings) - set(ARCHITECTURES[self.architecture])
        if unknown:
            raise ValueError(f"{self.architecture} has no setting(s) {', '.join(sorted(unknown))}")
        if (not isinstance(self.image_size, int) or isinstance(self.image_size, bool) or self.image_size < 16
                or self.image_size % 4 or self.image_size > MAX_IMAGE_SIZE):
            raise ValueError(f"image size must be a multiple of 4 from 16 to {MAX_IMAGE_SIZE}, "
                             f"got {self.image_size}")
        settings = self.full_settings()
        for name, value in settings.items():
            if name in SETTING_CHOICES:
                # bool is an int and 0 == False: compare types too, so `"hints": 0` is refused, not read
                # as False.
                if not any(value == c and type(value) is type(c) for c in SETTING_CHOICES[name]):
                    raise ValueError(f"{self.architecture} {name} must be one of "
                                     f"{', '.join(map(repr, SETTING_CHOICES[name]))}, got {value!r}")
                continue
            low, high = SETTING_RANGES[name]
            kind = float if isinstance(low, float) else int
            if isinstance(value, bool) or not isinstance(value, kind | int) or not low <= value <= high:
                wording = "a number" if kind is float else "a whole number"
                raise ValueError(f"{self.architecture} {name} must be {wording}"
                                 f" from {low} to {high}, got {value!r}")
        if self.architecture == "unet" and self.image_size % 2 ** settings["depth"]:
            raise ValueError(f"a U-Net of depth {settings['depth']} needs an image size divisible by "
                             f"{2 ** settings['depth']}, got {self.image_size}")
        parameters, multiply_adds = self.cost()
        if parameters > MAX_PARAMETERS or multiply_adds > MAX_MULTIPLY_ADDS:
            raise ValueError(f"this {self.architecture} at {self.image_size} px would have "
                             f"{parameters / 1e6:.1f} M parameters and do {multiply_adds / 1e9:.0f} G "
                             f"multiply-adds a picture; at most "
                             f"{MAX_PARAMETERS / 1e6:.0f} M and {MAX_MULTIPLY_ADDS / 1e9:.0f} G are allowed")

    def cost(self) -> tuple[int, int]:
        """(parameters, multiply-adds for one picture) from the settings, without building anything."""
        settings = self.full_settings()
        if self.architecture == "resnet":
            return _resnet_cost(self.image_size, settings["ngf"], settings["n_blocks"])
        return _unet_cost(self.image_size, settings["ngf"], settings["depth"], settings["max_mult"],
                          settings["upsample"], self.input_channels)

    @property
    def input_channels(self) -> int:
        """The sketch's one channel, and the crayons' four where the generator takes them."""
        return 1 + (HINT_CHANNELS if self.full_settings().get("hints") else 0)

    @classmethod
    def from_preset(cls, name: str, image_size: int, **overrides) -> "GeneratorConfig":
        if name in PRESETS:
            arch, settings = PRESETS[name]
        elif name in ARCHITECTURES:
            arch, settings = name, {}
        else:
            raise ValueError(f"unknown generator {name!r}; "
                             f"choose from {', '.join([*PRESETS, *ARCHITECTURES])}")
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


def _resnet_cost(size: int, ngf: int, n_blocks: int, in_ch: int = 1, out_ch: int = 3) -> tuple[int, int]:
    # (kernel, in, out, output pixels, bias) of each convolution, as networks/resnet.py lays them out;
    # a transposed convolution's work is counted per input pixel, as networks/macs.py explains.
    quarter = (size // 4) ** 2
    convs = [(7, in_ch, ngf, size**2, False), (3, ngf, 2 * ngf, (size // 2) ** 2, False),
             (3, 2 * ngf, 4 * ngf, quarter, False)]
    convs += [(3, 4 * ngf, 4 * ngf, quarter, False)] * (2 * n_blocks)
    convs += [(3, 4 * ngf, 2 * ngf, quarter, False), (3, 2 * ngf, ngf, (size // 2) ** 2, False),
              (7, ngf, out_ch, size**2, True)]
    norms = ngf + 2 * ngf + 4 * ngf + 2 * n_blocks * 4 * ngf + 2 * ngf + ngf
    return _sum_cost(convs, norms)


def _unet_cost(size: int, ngf: int, depth: int, max_mult: int, upsample: str = "transpose", in_ch: int = 1,
               out_ch: int = 3) -> tuple[int, int]:
    widths = [ngf * min(2**i, max_mult) for i in range(depth)]
    convs = [(4, ([in_ch] + widths)[i], w, (size >> (i + 1)) ** 2, i in (0, depth - 1))
             for i, w in enumerate(widths)]
    norms = sum(widths[1:-1])

    def up(inputs: int, outputs: int, input_pixels: int, bias: bool):
        # A transposed convolution works per input pixel (networks/macs.py); resize + conv per output
        # pixel; pixel shuffle per input pixel but for four times the outputs.
        if upsample == "transpose":
            return (4, inputs, outputs, input_pixels, bias)
        if upsample == "resize":
            return (3, inputs, outputs, 4 * input_pixels, bias)
        return (3, inputs, 4 * outputs, input_pixels, bias)

    for i in reversed(range(depth - 1)):
        # Below the innermost level, up and skip concatenated.
        inputs = widths[i + 1] * (1 if i == depth - 2 else 2)
        convs.append(up(inputs, widths[i], (size >> (i + 2)) ** 2, False))
        norms += widths[i]
    convs.append(up(widths[0] * (2 if depth > 1 else 1), out_ch, (size >> 1) ** 2, True))
    return _sum_cost(convs, norms)


def _sum_cost(convs: list[tuple[int, int, int, int, bool]], norm_channels: int) -> tuple[int, int]:
    parameters = sum(k * k * cin * cout + (cout if bias else 0) for k, cin, cout, _, bias in convs)
    multiply_adds = sum(k * k * cin * cout * pixels for k, cin, cout, pixels, _ in convs)
    return parameters + 2 * norm_channels, multiply_adds  # each instance norm learns a scale and an offset


def build_generator(config: GeneratorConfig):
    if config.architecture == "resnet":
        from icanvas_desktop.networks.resnet import resnet_generator

        return resnet_generator(config.image_size, **config.full_settings())
    from icanvas_desktop.networks.unet import unet_generator

    settings = config.full_settings()
    hints = settings.pop("hints")
    return unet_generator(config.image_size, **settings, in_channels=config.input_channels if hints else 1)
