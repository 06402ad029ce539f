"""Dialogs: preview before writing, settings, about (the model card), history of batches."""

from mgc_desktop.gui.dialogs.about import AboutDialog
from mgc_desktop.gui.dialogs.history import HistoryDialog
from mgc_desktop.gui.dialogs.preview import PreviewDialog
from mgc_desktop.gui.dialogs.settings import SettingsDialog

__all__ = ["AboutDialog", "HistoryDialog", "PreviewDialog", "SettingsDialog"]
