"""Exchanges and attachments for the conversation tests, built without Pillow or Qt."""

from __future__ import annotations

from qwenvl_desktop.core.images import Attachment


def link(url: str, tokens: int = 1280) -> Attachment:
    """An image link (the service downloads it): what a URL attachment looks like."""
    return Attachment(
        source=url,
        kind="url",
        original_size=None,
        original_format=None,
        mime=None,
        url=url,
        sent_size=None,
        scale=None,
        estimated_tokens=tokens,
        max_pixels=1_003_520,
        upload_bytes=0,
    )
