"""The typed table of settings: name, meaning, environment variable and how a value is checked.

One table drives every layer. A TOML file gives typed values (``history = false``); an
environment variable or a ``--set NAME=VALUE`` flag gives text (``QWENVL_DESKTOP_HISTORY=off``).
Each parser accepts both and either returns the value :class:`~.values.Settings` stores or raises
:class:`InvalidValue` with a sentence that says what would be accepted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.i18n import language_from_tag, translatable, translate
from qwenvl_desktop.core.protocol.proxy import mask_proxy_urls_in
from qwenvl_desktop.core.protocol.regions import REGION_IDS

__all__ = [
    "ENV_PREFIX",
    "SPECS",
    "InvalidValue",
    "ParseContext",
    "SettingSpec",
    "env_var_for",
    "to_toml_value",
]

ENV_PREFIX = "QWENVL_DESKTOP_"

PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
MAX_TIMEOUT = 3600.0


class InvalidValue(ValueError):
    """A value a setting cannot take; ``str()`` says what is accepted instead."""


def _invalid(sentence: str, *values: object) -> InvalidValue:
    """An :class:`InvalidValue` saying ``sentence`` (translated: whole sentences, as word order
    differs between languages) with ``%1``, ``%2``… replaced by ``values`` in one pass (a value
    that itself contains ``%2`` stays as it is)."""
    return InvalidValue(
        re.sub(
            r"%([1-9])",
            lambda found: (
                str(values[int(found[1]) - 1]) if int(found[1]) <= len(values) else found[0]
            ),
            sentence,
        )
    )


def _expected(what: str, got: str) -> InvalidValue:
    """The sentence "expected WHAT, got GOT": ``what`` a translated noun phrase, ``got`` a
    value as written (``repr``) or :func:`_type_name`."""
    return _invalid(translate("Settings", "expected %1, got %2"), what, got)


@dataclass(frozen=True, slots=True)
class ParseContext:
    #: the value is text to interpret (environment variable, ``--set``), not a typed TOML value
    from_text: bool = False
    #: relative paths in a configuration file are relative to the file's folder
    base_dir: Path | None = None


Parser = Callable[[Any, ParseContext], Any]


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    help: str
    parse: Parser
    #: a TOML example for documentation and messages
    example: str


def env_var_for(name: str) -> str:
    return ENV_PREFIX + name.upper()


# -- parsers -------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _expected(translate("Settings", "a string"), _type_name(value))
    return value.strip()


def _type_name(value: Any) -> str:
    """What a value is, in the interface language ("a boolean"); another Python type by name."""
    names = {
        bool: translatable("Settings", "a boolean"),
        int: translatable("Settings", "a number"),
        float: translatable("Settings", "a number"),
        list: translatable("Settings", "an array"),
        dict: translatable("Settings", "a table"),
        str: translatable("Settings", "a string"),
    }
    name = names.get(type(value))
    return type(value).__name__ if name is None else translate("Settings", name)


def _region(value: Any, ctx: ParseContext) -> str:
    text = _text(value).lower()
    if text not in REGION_IDS:
        raise _invalid(
            translate(
                "Settings",
                "unknown region %1; choose one of %2 (a custom endpoint is set with base_url)",
            ),
            repr(text),
            ", ".join(REGION_IDS),
        )
    return text


_BASE_URL_SCHEMES = ("http", "https")

#: for each kind of URL: the schemes it may use, and its sentences (whole, as a translator needs
#: them: "must start with", "has no host name", "has an invalid port"; %1 the URL as written)
_URL_KINDS: Mapping[str, tuple[tuple[str, ...], tuple[str, str, str]]] = {
    "base": (
        _BASE_URL_SCHEMES,
        (
            translatable("Settings", "base URL %1 must start with http:// or https://"),
            translatable("Settings", "base URL %1 has no host name"),
            translatable("Settings", "base URL %1 has an invalid port"),
        ),
    ),
    "proxy": (
        PROXY_SCHEMES,
        (
            translatable(
                "Settings",
                "proxy URL %1 must start with http:// or https:// or socks5:// or socks5h://",
            ),
            translatable("Settings", "proxy URL %1 has no host name"),
            translatable("Settings", "proxy URL %1 has an invalid port"),
        ),
    ),
}


def _url(text: str, kind: str) -> str:
    from urllib.parse import urlsplit  # here: only a configured URL is checked (start-up)

    schemes, (wrong_scheme, no_host, bad_port) = _URL_KINDS[kind]
    parts = urlsplit(text)
    shown = repr(mask_proxy_urls_in(text))  # a proxy URL's password never reaches a warning
    if parts.scheme.lower() not in schemes:
        raise _invalid(translate("Settings", wrong_scheme), shown)
    if not parts.hostname:
        raise _invalid(translate("Settings", no_host), shown)
    try:
        parts.port  # noqa: B018  (raises ValueError for a malformed port)
    except ValueError:
        raise _invalid(translate("Settings", bad_port), shown) from None
    return text


def _base_url(value: Any, ctx: ParseContext) -> str | None:
    text = _text(value)
    if text.lower() in ("", "none"):
        return None
    if any(c.isspace() for c in text):
        raise _invalid(translate("Settings", "base URL %1 contains spaces"), repr(text))
    return _url(text, "base").rstrip("/")


def _model(value: Any, ctx: ParseContext) -> str:
    text = _text(value)
    if not text or any(c.isspace() for c in text):
        raise _invalid(
            translate("Settings", "model name %1 must be one word, e.g. qwen3-vl-plus"), repr(text)
        )
    return text


def _models(value: Any, ctx: ParseContext) -> tuple[str, ...]:
    if ctx.from_text and isinstance(value, str):
        items: list[Any] = [item for item in value.split(",") if item.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise _expected(translate("Settings", "an array of model names"), _type_name(value))
    names = [_model(item, ctx) for item in items]
    return tuple(dict.fromkeys(names))


def _proxy(value: Any, ctx: ParseContext) -> str | None:
    text = _text(value)
    if text.lower() in ("", "none"):
        return None
    return _url(text, "proxy")


def _ca_bundle(value: Any, ctx: ParseContext) -> str:
    text = _text(value)
    if text.lower() in ("system", "certifi"):
        return text.lower()
    if not text:
        raise _invalid(
            translate("Settings", 'expected "system", "certifi" or the path of a PEM CA bundle')
        )
    path = Path(text).expanduser()
    if not path.is_absolute() and ctx.base_dir is not None:
        path = ctx.base_dir / path
    if not path.is_file():
        raise _invalid(
            translate(
                "Settings",
                'CA bundle %1 does not exist; give a PEM file, or "system" for the operating '
                "system's trust store",
            ),
            repr(str(path)),
        )
    import ssl  # here: only a configured CA bundle needs it (~10 ms to import)

    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError, ValueError) as exc:
        raise _invalid(
            translate("Settings", "CA bundle %1 cannot be loaded as PEM certificates: %2"),
            repr(str(path)),
            exc,
        ) from None
    return str(path.resolve())


def _timeout(value: Any, ctx: ParseContext) -> float:
    if isinstance(value, bool):
        raise _expected(translate("Settings", "a number of seconds"), _type_name(value))
    if ctx.from_text and isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise _expected(
                translate("Settings", "a number of seconds"), repr(value.strip())
            ) from None
    if not isinstance(value, int | float):
        raise _expected(translate("Settings", "a number of seconds"), _type_name(value))
    seconds = float(value)
    if not math.isfinite(seconds) or not 0 < seconds <= MAX_TIMEOUT:
        raise _invalid(
            translate("Settings", "a timeout must be more than 0 and at most %1 seconds"),
            f"{MAX_TIMEOUT:g}",
        )
    return seconds


def _detail(value: Any, ctx: ParseContext) -> str:
    text = _text(value).lower()
    if text not in ("standard", "high", "economy"):
        raise _invalid(
            translate("Settings", 'image detail %1: choose "standard", "high" or "economy"'),
            repr(text),
        )
    return text


_TRUE = ("true", "on", "yes", "1")
_FALSE = ("false", "off", "no", "0")


def _bool(value: Any, ctx: ParseContext) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise _invalid(translate("Settings", "expected true or false (or on/off)"))


def _tristate(value: Any, ctx: ParseContext) -> bool | None:
    if isinstance(value, str) and value.strip().lower() in ("auto", "default"):
        return None
    try:
        return _bool(value, ctx)
    except InvalidValue:
        raise _invalid(
            translate("Settings", 'expected true, false or "auto" (the model\'s own default)')
        ) from None


def _language(value: Any, ctx: ParseContext) -> str | None:
    """One of the shipped interface languages (``ja-JP``, ``zh-Hans`` are taken as ``ja``,
    ``zh_CN``: core/i18n.py), or None for "system"."""
    text = _text(value)
    if text.lower() in ("", "system"):
        return None
    language = language_from_tag(text) if text not in ("C", "POSIX") else None
    if language is None:
        raise _invalid(
            translate(
                "Settings",
                'language %1: choose "en", "ja", "zh_CN" or "system" (the system\'s language)',
            ),
            repr(text),
        )
    return language


_THEMES = ("system", "light", "dark")


def _theme(value: Any, ctx: ParseContext) -> str:
    text = _text(value).lower()
    if text not in _THEMES:
        raise _invalid(
            translate("Settings", 'theme %1: choose "system", "light" or "dark"'), repr(text)
        )
    return text


MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 48


def _number(value: Any, ctx: ParseContext, what: str) -> float | None:
    """A number from TOML or text; None for "default" (the model's or the system's own)."""
    if isinstance(value, bool):
        raise _expected(what, _type_name(value))
    if isinstance(value, str) and (ctx.from_text or value.strip().lower() in _DEFAULTS):
        text = value.strip().lower()
        if text in _DEFAULTS:
            return None
        try:
            value = float(text)
        except ValueError:
            raise _expected(what, repr(value.strip())) from None
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise _expected(what, _type_name(value))
    return float(value)


#: words that mean "not set: the system's (font) or the model's (sampling) own default"
_DEFAULTS = ("", "default", "system", "auto", "none")


def _whole(value: float, sentence: str) -> int:
    """``value`` as an int; else :class:`InvalidValue` saying ``sentence`` (translated, "… must
    be a whole number, got %1")."""
    if value != int(value):
        raise _invalid(sentence, f"{value:g}")
    return int(value)


def _font_size(value: Any, ctx: ParseContext) -> int | None:
    number = _number(value, ctx, translate("Settings", "a font size in points"))
    if number is None:
        return None
    size = _whole(number, translate("Settings", "the font size must be a whole number, got %1"))
    if not MIN_FONT_SIZE <= size <= MAX_FONT_SIZE:
        raise _invalid(
            translate(
                "Settings", 'font size %1: give %2 to %3 points, or "system" for the system font'
            ),
            size,
            MIN_FONT_SIZE,
            MAX_FONT_SIZE,
        )
    return size


def _send_with(value: Any, ctx: ParseContext) -> str:
    text = _text(value).lower().replace("+", "_").replace("-", "_")
    text = {"return": "enter", "ctrl_return": "ctrl_enter", "cmd_enter": "ctrl_enter"}.get(
        text, text
    )
    if text not in ("enter", "ctrl_enter"):
        raise _invalid(
            translate(
                "Settings",
                'send_with %1: choose "enter" (Shift+Enter for a new line) or "ctrl_enter"',
            ),
            repr(text),
        )
    return text


MAX_SYSTEM_PROMPT = 20_000


def _system_prompt(value: Any, ctx: ParseContext) -> str | None:
    if not isinstance(value, str):
        raise _expected(translate("Settings", "a string"), _type_name(value))
    text = value.strip()
    if not text:
        return None
    if len(text) > MAX_SYSTEM_PROMPT:
        raise _invalid(
            translate("Settings", "the system prompt has %1 characters; at most %2"),
            f"{len(text):,}",
            f"{MAX_SYSTEM_PROMPT:,}",
        )
    return text


MAX_TEMPERATURE = 2.0


def _temperature(value: Any, ctx: ParseContext) -> float | None:
    number = _number(value, ctx, translate("Settings", "a temperature"))
    if number is not None and not 0 <= number < MAX_TEMPERATURE:
        raise _invalid(
            translate(
                "Settings",
                "temperature %1: give 0 or more and less than 2 (lower is steadier), "
                'or "default" for the model\'s own',
            ),
            f"{number:g}",
        )
    return number


def _top_p(value: Any, ctx: ParseContext) -> float | None:
    number = _number(value, ctx, translate("Settings", "a top_p"))
    if number is not None and not 0 < number <= 1:
        raise _invalid(
            translate(
                "Settings",
                'top_p %1: give more than 0 and at most 1, or "default" for the model\'s own',
            ),
            f"{number:g}",
        )
    return number


MAX_OUTPUT_TOKENS = 1_000_000


def _max_tokens(value: Any, ctx: ParseContext) -> int | None:
    number = _number(value, ctx, translate("Settings", "a number of tokens"))
    if number is None:
        return None
    tokens = _whole(number, translate("Settings", "max_tokens must be a whole number, got %1"))
    if not 1 <= tokens <= MAX_OUTPUT_TOKENS:
        raise _invalid(
            translate(
                "Settings",
                'max_tokens %1: give 1 to %2 tokens, or "default" for the model\'s own limit',
            ),
            tokens,
            f"{MAX_OUTPUT_TOKENS:,}",
        )
    return tokens


def _region_urls(value: Any, ctx: ParseContext) -> tuple[tuple[str, str], ...]:
    table: Mapping[str, Any]
    if ctx.from_text and isinstance(value, str):
        table = {}
        for item in (i.strip() for i in value.split(",")):
            if not item:
                continue
            region, sep, url = item.partition("=")
            if not sep:
                raise _expected(
                    translate("Settings", "REGION=URL pairs separated by commas"), repr(item)
                )
            table = {**table, region.strip(): url.strip()}
    elif isinstance(value, Mapping):
        table = value
    else:
        raise _expected(translate("Settings", "a table of region = URL"), _type_name(value))
    pairs = []
    for region, url in table.items():
        checked = _region(region, ctx)
        target = _base_url(url, ctx)
        if target is None:
            raise _invalid(translate("Settings", "region %1: an empty URL"), checked)
        pairs.append((checked, target))
    return tuple(sorted(pairs))


def _model_aliases(value: Any, ctx: ParseContext) -> tuple[tuple[str, str], ...]:
    """``[models."gw-vision"] like = "qwen3-vl-plus"`` (files) or ``gw-vision=qwen3-vl-plus,…``
    (environment, ``--set``): names a gateway gives models, and the catalog model each is."""
    table: dict[str, Any] = {}
    if ctx.from_text and isinstance(value, str):
        for item in (i.strip() for i in value.split(",")):
            alias, sep, like = item.partition("=")
            if item and not sep:
                raise _expected(
                    translate("Settings", "ALIAS=MODEL pairs separated by commas"), repr(item)
                )
            if item:
                table[alias.strip()] = {"like": like.strip()}
    elif isinstance(value, Mapping):
        table = dict(value)
    else:
        raise _expected(
            translate("Settings", "a table of [models.NAME] like = MODEL"), _type_name(value)
        )
    from qwenvl_desktop.core.protocol.catalog import load_catalog

    catalog = load_catalog()
    pairs = []
    for alias, entry in table.items():
        name = _model(alias, ctx)
        base = entry.get("like") if isinstance(entry, Mapping) else None
        if not isinstance(base, str) or base not in catalog.models:
            raise _invalid(
                translate(
                    "Settings",
                    "model %1: like = must name a model of the built-in catalog "
                    "(see `qwenvl-desktop models`), got %2",
                ),
                repr(name),
                repr(base),
            )
        if name in catalog.models:
            raise _invalid(
                translate("Settings", "model %1 is in the built-in catalog already"), repr(name)
            )
        pairs.append((name, base))
    return tuple(sorted(pairs))


SPECS: dict[str, SettingSpec] = {
    spec.name: spec
    for spec in (
        SettingSpec("region", "Service region: intl, us, cn or hk", _region, 'region = "intl"'),
        SettingSpec(
            "base_url",
            "A custom OpenAI-compatible base URL; replaces the region's endpoint",
            _base_url,
            'base_url = "https://gateway.example/compatible-mode/v1"',
        ),
        SettingSpec("model", "The model used by default", _model, 'model = "qwen3-vl-plus"'),
        SettingSpec(
            "allowed_models",
            "Only these models may be chosen (empty: all)",
            _models,
            'allowed_models = ["qwen3-vl-plus", "qwen3-vl-flash"]',
        ),
        SettingSpec(
            "proxy",
            "Proxy for every request: http://, https://, socks5:// or socks5h:// URL",
            _proxy,
            'proxy = "socks5h://127.0.0.1:1080"',
        ),
        SettingSpec(
            "ca_bundle",
            '"system" (OS trust store), "certifi", or the path of a PEM CA bundle',
            _ca_bundle,
            'ca_bundle = "/etc/ssl/certs/company-ca.pem"',
        ),
        SettingSpec("connect_timeout", "Seconds to connect", _timeout, "connect_timeout = 10"),
        SettingSpec(
            "read_timeout", "Seconds to wait for a whole answer", _timeout, "read_timeout = 310"
        ),
        SettingSpec(
            "stream_read_timeout",
            "Longest silence in a streamed answer, in seconds",
            _timeout,
            "stream_read_timeout = 120",
        ),
        SettingSpec(
            "image_detail",
            '"standard", "high" or "economy" image detail',
            _detail,
            'image_detail = "high"',
        ),
        SettingSpec(
            "thinking",
            'Thinking by default: true, false or "auto" (the model\'s default)',
            _tristate,
            "thinking = false",
        ),
        SettingSpec(
            "language",
            'Interface language: "en", "ja", "zh_CN" or "system"',
            _language,
            'language = "zh_CN"',
        ),
        SettingSpec("history", "Keep a conversation history on disk", _bool, "history = false"),
        SettingSpec(
            "theme",
            '"system" (follow the desktop\'s light or dark), "light" or "dark"',
            _theme,
            'theme = "dark"',
        ),
        SettingSpec(
            "font_size",
            'Point size of the transcript and the question box, or "system"',
            _font_size,
            "font_size = 12",
        ),
        SettingSpec(
            "send_with",
            '"enter" (Shift+Enter: new line) or "ctrl_enter" sends the question',
            _send_with,
            'send_with = "enter"',
        ),
        SettingSpec(
            "system_prompt",
            "A system prompt sent with every new question (empty: none)",
            _system_prompt,
            'system_prompt = "Answer briefly."',
        ),
        SettingSpec(
            "temperature",
            'Sampling temperature, 0 to under 2, or "default" (the model\'s)',
            _temperature,
            "temperature = 0.3",
        ),
        SettingSpec(
            "top_p",
            'Nucleus sampling, more than 0 up to 1, or "default" (the model\'s)',
            _top_p,
            "top_p = 0.8",
        ),
        SettingSpec(
            "max_tokens",
            'Most tokens in an answer, or "default" (the model\'s limit)',
            _max_tokens,
            "max_tokens = 2048",
        ),
        SettingSpec(
            "region_urls",
            "Replace the built-in endpoint of a region (for a gateway in front of it)",
            _region_urls,
            '[region_urls]\ncn = "https://gateway.example/cn/compatible-mode/v1"',
        ),
        SettingSpec(
            "models",
            "Model names a gateway uses, each behaving like a model of the catalog",
            _model_aliases,
            '[models."gw-vision"]\nlike = "qwen3-vl-plus"',
        ),
    )
}


def to_toml_value(value: Any) -> str:
    """A Python settings value written as a TOML value (inline tables for mappings)."""
    if value is None:
        raise ValueError("TOML has no null; leave the key out")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in ('"', "\\"):
                out.append("\\" + ch)
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, Mapping):
        items = ", ".join(f"{_toml_key(k)} = {to_toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    if isinstance(value, list | tuple | frozenset):
        items_seq = sorted(value) if isinstance(value, frozenset) else value
        return "[" + ", ".join(to_toml_value(v) for v in items_seq) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else to_toml_value(key)
