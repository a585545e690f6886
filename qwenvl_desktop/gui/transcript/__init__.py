"""The transcript: the conversation shown as a rich-text document, streamed block by block.

``view`` (the widget: order of replies, streaming, rendering in steps, scrolling), ``document``
(the blocks of one exchange and the formats), ``markdown_render`` (an answer's Markdown, piece by
piece, the block being written too), ``markdown_stream`` (Qt-free: where a Markdown block ends;
code copy links), ``code_blocks`` (code headers, highlighting, quotes), ``turn_style`` (line
length, question bands, the Thinking clock), ``thumbnails`` (a question's images), ``links``
(the ``qwenvl:`` links and the clipboard).
"""
