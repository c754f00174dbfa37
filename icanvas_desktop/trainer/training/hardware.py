"""Choosing the precision for training (the devices are the backend's: trainer/training/backends/)."""

import platform
from pathlib import Path


def cpu_has_bf16() -> bool:
    """bf16 matrix units (AVX512-BF16 or AMX) make mixed precision ~1.6x faster on a CPU; without them it
    is slower."""
    if platform.system() != "Linux":
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def choose_precision(requested: str, accelerator_bf16: bool | None, cpu_bf16_pays: bool = True) -> str:
    """Keras dtype policy name for "auto", "float32" or "bf16".

    `accelerator_bf16` is None when training runs on the CPU, else whether the accelerator has bf16 units;
    `cpu_bf16_pays` says whether the backend's CPU kernels use the CPU's bf16 units.
    """
    if requested == "float32":
        return "float32"
    if requested == "bf16":
        return "mixed_bfloat16"
    if accelerator_bf16 is not None:
        return "mixed_bfloat16" if accelerator_bf16 else "float32"
    return "mixed_bfloat16" if cpu_bf16_pays and cpu_has_bf16() else "float32"
