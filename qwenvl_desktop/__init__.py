"""Qwen-VL Desktop: ask Alibaba Cloud Qwen vision-language models about images."""

__version__ = "0.1.0"
