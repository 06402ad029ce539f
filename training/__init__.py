"""Training module: turns labelled music into the ONNX genre model the app ships.

Imports the app's audio front end (`mgc_desktop.audio.features`) and window logic
(`mgc_desktop.model.windows`) so that features and evaluation are exactly the app's; never the GUI.
"""
