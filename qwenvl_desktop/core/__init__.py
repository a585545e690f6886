"""The Qt-free core: protocol, images, conversation, history, settings, keys, quick prompts.

Nothing below this folder imports PySide6 or qasync (``tests/test_layers.py`` checks it), so all
of it runs and is tested with plain pytest, and the command line uses it without loading Qt.
"""
