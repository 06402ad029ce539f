"""mgc-desktop: tag your own music by genre, locally, with a shipped CNN-LSTM model."""

__version__ = "0.1.0"
