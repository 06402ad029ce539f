"""Other programs' ways into the app's model (the beets plugin `mgcgenre`): thin layers over the
same core that `mgc-desktop classify` and `tag` use, beside `cli/` and `gui/`."""
