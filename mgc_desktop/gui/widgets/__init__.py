"""Charts drawn with QPainter in the palette's colours, so they follow light and dark themes."""

from mgc_desktop.gui.widgets.level_meter import LevelMeter
from mgc_desktop.gui.widgets.probability_bars import ProbabilityBars
from mgc_desktop.gui.widgets.spectrogram import SpectrogramView
from mgc_desktop.gui.widgets.timeline import GenreTimeline

__all__ = ["GenreTimeline", "LevelMeter", "ProbabilityBars", "SpectrogramView"]
