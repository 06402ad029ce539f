"""Augmentation on log-mel crops, in the dB domain the model sees.

Speed change happens earlier, on audio (cached speed-changed copies, see cache.py). Here:
gain, noise added in the power domain, random band limiting (so that 16 kHz copies with an
empty top band are no shortcut), SpecAugment time/frequency masks, and mixup in the power
domain with mixed labels.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class AugmentConfig:
    """Probabilities and ranges of each augmentation."""

    gain_db: float = 6.0
    p_noise: float = 0.3
    noise_snr_db: tuple[float, float] = (10.0, 40.0)
    p_bandlimit: float = 0.25
    bandlimit_keep: tuple[float, float] = (0.75, 0.97)
    time_masks: int = 2
    time_mask_max: int = 25
    freq_masks: int = 2
    freq_mask_max: int = 12
    p_mixup: float = 0.5
    mixup_alpha: float = 0.4


def augment_batch(
    x: torch.Tensor, y: torch.Tensor, cfg: AugmentConfig, gen: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """x: (B, F, T) dB log-mel, y: (B, C) one-hot/soft labels -> augmented copies."""
    b, f, t = x.shape
    x = x.clone()

    def rand(*shape: int) -> torch.Tensor:
        return torch.rand(*shape, generator=gen)

    if cfg.gain_db > 0:
        x = x + (rand(b, 1, 1) * 2 - 1) * cfg.gain_db
    # Noise in the power domain: white-ish noise at a random SNR w.r.t. the crop's mean power.
    if cfg.p_noise > 0:
        power = torch.pow(10.0, x / 10)
        mean_db = 10 * torch.log10(power.mean(dim=(1, 2), keepdim=True) + 1e-12)
        lo, hi = cfg.noise_snr_db
        snr = lo + rand(b, 1, 1) * (hi - lo)
        tilt = torch.linspace(0, 1, f).view(1, f, 1) * (rand(b, 1, 1) * -12)  # pink-ish
        noise_db = mean_db - snr + tilt + torch.randn(b, f, t, generator=gen)
        use = (rand(b, 1, 1) < cfg.p_noise).float()
        noisy = 10 * torch.log10(power + torch.pow(10.0, noise_db / 10))
        x = use * noisy + (1 - use) * x
    # Band limiting: drop everything above a random mel band (as a band-limited source would).
    if cfg.p_bandlimit > 0:
        floor = x.amin(dim=(1, 2), keepdim=True)
        lo, hi = cfg.bandlimit_keep
        cut = (lo + rand(b) * (hi - lo)) * f
        bands = torch.arange(f).view(1, f, 1)
        mask = (bands >= cut.view(b, 1, 1)) & (rand(b, 1, 1) < cfg.p_bandlimit)
        x = torch.where(mask, floor, x)
    # SpecAugment: masked regions take the crop's mean level.
    fill = x.mean(dim=(1, 2), keepdim=True)
    for _ in range(cfg.time_masks):
        w = (rand(b) * cfg.time_mask_max).long()
        s = (rand(b) * (t - w)).long()
        idx = torch.arange(t).view(1, 1, t)
        m = (idx >= s.view(b, 1, 1)) & (idx < (s + w).view(b, 1, 1))
        x = torch.where(m, fill, x)
    for _ in range(cfg.freq_masks):
        w = (rand(b) * cfg.freq_mask_max).long()
        s = (rand(b) * (f - w)).long()
        idx = torch.arange(f).view(1, f, 1)
        m = (idx >= s.view(b, 1, 1)) & (idx < (s + w).view(b, 1, 1))
        x = torch.where(m, fill, x)
    # Mixup in the power domain, both crops first brought to the same mean level.
    if cfg.p_mixup > 0 and b > 1:
        perm = torch.randperm(b, generator=gen)
        lam = torch.distributions.Beta(cfg.mixup_alpha, cfg.mixup_alpha).sample((b,))
        lam = torch.maximum(lam, 1 - lam)  # the first crop stays dominant
        use = rand(b) < cfg.p_mixup
        lam = torch.where(use, lam, torch.ones_like(lam))
        level = x.mean(dim=(1, 2), keepdim=True)
        xn = x - level
        p1, p2 = torch.pow(10.0, xn / 10), torch.pow(10.0, xn[perm] / 10)
        lv = lam.view(b, 1, 1)
        x = 10 * torch.log10(lv * p1 + (1 - lv) * p2 + 1e-10) + level
        y = lam.view(b, 1) * y + (1 - lam.view(b, 1)) * y[perm]
    return x, y
