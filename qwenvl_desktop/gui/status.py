"""The status bar: endpoint and key, model, streaming state, tokens per second."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

if TYPE_CHECKING:  # the key service comes after the window's first frame
    from qwenvl_desktop.services.keys import KeyState

__all__ = ["StatusPanel"]


class StatusPanel:
    """Labels in a :class:`QStatusBar`; transient notices use ``showMessage``."""

    def __init__(self, bar: QStatusBar, parent: QWidget | None = None) -> None:
        self.bar = bar
        self.state = QLabel("Ready", parent)
        self.state.setObjectName("streamState")
        self.rate = QLabel("", parent)
        self.rate.setObjectName("tokenRate")
        self.model = QLabel("", parent)
        self.model.setObjectName("statusModel")
        self.endpoint = QLabel("", parent)
        self.endpoint.setObjectName("statusEndpoint")
        # The endpoint (a long URL) gives way when the window is narrow; its tooltip has it all.
        self.endpoint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.endpoint.setMinimumWidth(80)
        # The endpoint is a normal widget: a notice (showMessage) takes its place for a few
        # seconds. Were every label permanent, the notices would have no room and never show.
        bar.addWidget(self.endpoint, 1)
        # QStatusBar hides its normal widgets under a message only once it is on screen; a
        # notice given while the window is still being built was drawn over the endpoint.
        bar.messageChanged.connect(lambda text: self.endpoint.setVisible(not text))
        for label in (self.state, self.rate, self.model):
            bar.addPermanentWidget(label)

    def set_endpoint(self, base_url: str, key: KeyState | None) -> None:
        """The endpoint and what is known of its key (None: the key service has not started)."""
        if key is None or key.present is None:
            key_text = "key: looking…"
        elif key.present:
            key_text = f"key {key.masked} ({key.source})"
        else:
            key_text = "no key"
        self.endpoint.setText(f"{base_url or '(no endpoint)'}  ·  {key_text}")
        self.endpoint.setToolTip(f"Requests go to {base_url}/chat/completions\nKey: {key_text}")

    def set_model(self, model: str) -> None:
        self.model.setText(model)

    def set_state(self, text: str) -> None:
        self.state.setText(text)

    def set_rate(self, tokens_per_second: float | None) -> None:
        self.rate.setText(f"{tokens_per_second:,.0f} tok/s" if tokens_per_second else "")

    def notice(self, text: str, timeout_ms: int = 6000) -> None:
        self.bar.showMessage(text, timeout_ms)
