"""The transcript: the conversation shown as a rich-text document, streamed block by block.

``view`` (the widget: order of replies, streaming, rendering in steps, scrolling), ``document``
(the blocks of one exchange and the formats), ``markdown_render`` (an answer's Markdown, piece by
piece), ``markdown_stream`` (Qt-free: where a Markdown block ends; code copy links),
``thumbnails`` (a question's images), ``links`` (the ``qwenvl:`` links and the clipboard).
"""
