"""Audio input: decoding any music file to mono float32, and the one log-mel front end."""
