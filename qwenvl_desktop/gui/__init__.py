"""Widgets. They show state and emit intent; the controller does the work.

``main_window`` composes ``model_picker`` (region, model, thinking), ``transcript_view`` (the
conversation), ``image_pane`` (attachments), ``prompt_edit`` (the question), ``key_dialog`` and
``status``. ``markdown_stream`` is the Qt-free splitter that lets answers render incrementally.
"""

from .main_window import MainWindow

__all__ = ["MainWindow"]
