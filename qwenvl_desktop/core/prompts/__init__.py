"""The quick-prompt library: the editable one-click questions beside the image pane."""
