"""Widgets. They show state and emit intent; the services do the work.

``main_window`` composes ``model_picker`` (region, model, thinking), ``transcript`` (the
conversation), ``image_pane`` (attachments), ``prompt_edit`` (the question), the dialogs and
``status``. Importing this package loads nothing; import the module you need.
"""
