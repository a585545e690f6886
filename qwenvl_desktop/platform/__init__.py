"""Operating-system glue: clipboard, screen capture handlers, one running app per user.

Each concern is a folder of handlers tried in order, each able to say why it cannot run here.
Nothing here imports ``services`` or ``gui``.
"""
