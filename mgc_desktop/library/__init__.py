"""The music library: walking folders, the SQLite index of tracks and predictions, albums."""
