"""Qwen-VL Desktop: ask Alibaba Cloud Qwen vision-language models about images.

Importing the package loads nothing else: the command line must start without Qt, and every
layer (``core``, ``services``, ``platform``, ``gui``, ``cli``) imports only what it uses.
"""

__all__ = ["APP_ID", "__version__"]

__version__ = "0.1.0"

#: The one spelling of the app's name where it names things: folders (configuration, data), the
#: keyring service, QSettings, the single-instance socket, the HTTP User-Agent, the theme icon.
APP_ID = "qwenvl-desktop"
