"""The transcript: the conversation shown as a rich-text document, streamed block by block."""
