"""Live classification of what the microphone hears. Qt-free: the GUI and the CLI both use it.

`stream` owns the PortAudio input stream and its lock-free ring buffer; `listener` classifies the
last few seconds at a steady rate with the same front end and model as the file classifier.
"""

from mgc_desktop.live.stream import CaptureStream, InputDevice, LiveError, list_input_devices

__all__ = ["CaptureStream", "InputDevice", "LiveError", "list_input_devices"]
