"""The Qt desktop app: a thin layer over the Qt-free core.

Widgets live on the GUI thread; everything slow (scanning, classifying, writing tags, decoding
for the spectrogram or playback) runs in workers that report back through signals or a queue
drained by a timer, so the event loop never stalls.
"""
