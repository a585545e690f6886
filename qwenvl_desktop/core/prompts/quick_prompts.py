"""Quick prompts: the one-click questions beside the image pane, editable and saved. No Qt.

A screenshot is usually followed by one of a few questions — what is this, what does it say,
why did this fail, what does it mean in my language — so the window offers them as buttons. The
person can reword, add, remove and reorder them; they are kept as JSON in the user configuration
folder (``quick_prompts.json`` beside ``config.toml``), separate from the TOML settings because
they are edited from the window, a list at a time.

The document tasks (Extract text, Table, Formula, Document: :mod:`qwenvl_desktop.core.documents`)
ship as quick prompts with a ``task``: their answers get one-click results (Copy text, Copy CSV…).
A prompt marked ``ocr`` (the default "Extract text") is asked of the region's OCR model when it has
one (:func:`model_for_prompt`: for that question only, never on a custom endpoint): those models
read dense text better and cost less. ``{language}`` in a prompt is replaced by the saved target
language ("Translate to…"); :func:`translation_languages` lists the choices, the interface's
language first (a person reading the window in Japanese most likely wants Japanese).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.documents.tasks import (
    TASKS,
    DocumentTask,
    ModelChoice,
    model_for_task,
    task_named,
)
from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.settings.atomic_file import write_text_atomically

__all__ = [
    "DEFAULT_LANGUAGE",
    "DEFAULT_PROMPTS",
    "FILE_NAME",
    "LANGUAGE_PLACEHOLDER",
    "TRANSLATION_LANGUAGES",
    "QuickPrompt",
    "QuickPrompts",
    "QuickPromptsError",
    "default_path",
    "language_name",
    "model_for_prompt",
    "shown_words",
    "task_question",
    "translation_languages",
]

FILE_NAME = "quick_prompts.json"
LANGUAGE_PLACEHOLDER = "{language}"
DEFAULT_LANGUAGE = "English"
_APP_NAME = APP_ID
_FORMAT_VERSION = 1
_MAX_LABEL = 60
_MAX_TEXT = 4000


#: offered in the "Translate to…" drop-down; any other name can be typed with "Other…". The names
#: are saved and go into a question the person wrote as they are (the model reads English names
#: best); the window shows them, and the shipped questions say them, in the interface language
#: (:func:`language_name`).
TRANSLATION_LANGUAGES = (
    translatable("QuickPrompts", "English"),
    translatable("QuickPrompts", "Chinese (Simplified)"),
    translatable("QuickPrompts", "Chinese (Traditional)"),
    translatable("QuickPrompts", "Japanese"),
    translatable("QuickPrompts", "Korean"),
    translatable("QuickPrompts", "Spanish"),
    translatable("QuickPrompts", "French"),
    translatable("QuickPrompts", "German"),
    translatable("QuickPrompts", "Portuguese"),
    translatable("QuickPrompts", "Italian"),
    translatable("QuickPrompts", "Russian"),
    translatable("QuickPrompts", "Arabic"),
    translatable("QuickPrompts", "Hindi"),
    translatable("QuickPrompts", "Indonesian"),
    translatable("QuickPrompts", "Vietnamese"),
    translatable("QuickPrompts", "Thai"),
    translatable("QuickPrompts", "Turkish"),
)

#: a language tag's first part → its name in :data:`TRANSLATION_LANGUAGES` (Chinese apart)
_NAME_OF_LANGUAGE_CODE = {
    "en": "English",
    "ja": "Japanese",
    "ko": "Korean",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "ru": "Russian",
    "ar": "Arabic",
    "hi": "Hindi",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "th": "Thai",
    "tr": "Turkish",
}
_TRADITIONAL_CHINESE_PARTS = frozenset({"tw", "hk", "mo", "hant"})


def translation_languages(interface_language: str) -> tuple[str, ...]:
    """:data:`TRANSLATION_LANGUAGES` with the interface's language first, the rest in their
    order; unchanged for a language not in the list.

    ``interface_language`` is a language or locale tag: ``ja``, ``zh_CN``, ``zh-Hant``,
    ``de_DE.UTF-8``.
    """
    text = interface_language.strip().split(".", 1)[0].split("@", 1)[0]
    parts = [part.lower() for part in text.replace("-", "_").split("_") if part]
    if not parts:
        return TRANSLATION_LANGUAGES
    if parts[0] == "zh":
        traditional = _TRADITIONAL_CHINESE_PARTS.intersection(parts[1:])
        first = "Chinese (Traditional)" if traditional else "Chinese (Simplified)"
    else:
        name = _NAME_OF_LANGUAGE_CODE.get(parts[0])
        if name is None:
            return TRANSLATION_LANGUAGES
        first = name
    return (first, *(language for language in TRANSLATION_LANGUAGES if language != first))


def language_name(language: str) -> str:
    """A "Translate to…" language as the interface names it (``Japanese`` → ``日本語`` with
    Japanese active); a name the person typed stays as typed."""
    return translate("QuickPrompts", language) if language in TRANSLATION_LANGUAGES else language


#: The shipped prompts' labels and questions, for the catalog. A prompt keeps its English words in
#: the file and shows them in the interface language while they are the shipped ones; words the
#: person wrote stay as written. The document tasks' words are those of
#: :data:`~qwenvl_desktop.core.documents.tasks.TASKS` (a test holds the two equal); "qwenvl
#: markdown" and "qwenvl html" are the models' own instructions and are never translated.
_SHIPPED_WORDS = frozenset(
    {
        translatable("QuickPrompts", "Describe"),
        translatable("QuickPrompts", "Describe this image in detail."),
        translatable("QuickPrompts", "Extract text"),
        translatable(
            "QuickPrompts",
            "Extract all the text in this image. Keep its layout: lines, lists and tables "
            "(as Markdown tables).",
        ),
        translatable("QuickPrompts", "Explain this error"),
        translatable(
            "QuickPrompts",
            "This screenshot shows an error. Explain what went wrong, the most likely cause, "
            "and how to fix it.",
        ),
        translatable("QuickPrompts", "Translate to {language}"),
        translatable(
            "QuickPrompts",
            "Translate all the text in this image into {language}. Keep the layout, and note "
            "anything that cannot be translated.",
        ),
        translatable("QuickPrompts", "Table → Markdown/CSV"),
        translatable(
            "QuickPrompts",
            "Extract the table in this image as one Markdown table. Keep every row and column, "
            "leave empty cells empty, and answer with the table only.",
        ),
        translatable("QuickPrompts", "Formula → LaTeX"),
        translatable(
            "QuickPrompts",
            "Write the formula in this image in LaTeX. Answer with the LaTeX only, between $$ "
            "and $$.",
        ),
        translatable("QuickPrompts", "Document → Markdown"),
        translatable("QuickPrompts", "Document → HTML"),
        translatable("QuickPrompts", "New prompt"),
        translatable("QuickPrompts", "Describe this image."),
    }
)


def shown_words(words: str) -> str:
    """A prompt's label or question as the interface shows it: the shipped words translated
    (``{language}`` kept), the person's own words as written."""
    return translate("QuickPrompts", words) if words in _SHIPPED_WORDS else words


class QuickPromptsError(ValueError):
    """An edit that would make a prompt unusable (empty, too long, unknown id)."""


@dataclass(frozen=True, slots=True)
class QuickPrompt:
    """One button: its ``label``, the question it asks, whether it wants an OCR model, and the
    document task it asks for (``""``: none; see :mod:`qwenvl_desktop.core.documents`)."""

    id: str
    label: str
    text: str
    ocr: bool = False
    task: str = ""

    @property
    def document_task(self) -> DocumentTask | None:
        return task_named(self.task) if self.task else None

    @property
    def uses_language(self) -> bool:
        return LANGUAGE_PLACEHOLDER in self.text or LANGUAGE_PLACEHOLDER in self.label

    @property
    def shown_label(self) -> str:
        """The label in the interface language while it is the shipped one (``{language}`` kept)."""
        return shown_words(self.label)

    @property
    def shown_text(self) -> str:
        """The question in the interface language while it is the shipped one."""
        return shown_words(self.text)

    def render(self, language: str) -> str:
        """The question to send, with ``{language}`` filled in (other braces are left alone).

        A shipped question is asked in the interface language, naming the language in it too;
        the person's own question as written, with the saved name."""
        if self.text in _SHIPPED_WORDS:
            return self.shown_text.replace(LANGUAGE_PLACEHOLDER, language_name(language))
        return self.text.replace(LANGUAGE_PLACEHOLDER, language)

    def render_label(self, language: str) -> str:
        return self.shown_label.replace(LANGUAGE_PLACEHOLDER, language_name(language))


def _task_prompt(prompt_id: str, task_name: str) -> QuickPrompt:
    task = TASKS[task_name]
    return QuickPrompt(
        prompt_id, task.label, task.prompt, ocr=task.prefers_ocr_model, task=task.name
    )


#: the shipped prompts' ids of the document tasks (a file saved before tasks existed gets them)
_TASK_OF_ID = {
    "extract-text": "ocr",
    "table": "table",
    "formula": "formula",
    "document": "document",
    "document-html": "document-html",
}

DEFAULT_PROMPTS: tuple[QuickPrompt, ...] = (
    QuickPrompt("describe", "Describe", "Describe this image in detail."),
    _task_prompt("extract-text", "ocr"),
    QuickPrompt(
        "explain-error",
        "Explain this error",
        "This screenshot shows an error. Explain what went wrong, the most likely cause, "
        "and how to fix it.",
    ),
    QuickPrompt(
        "translate",
        "Translate to {language}",
        "Translate all the text in this image into {language}. Keep the layout, and note "
        "anything that cannot be translated.",
    ),
    _task_prompt("table", "table"),
    _task_prompt("formula", "formula"),
    _task_prompt("document", "document"),
    _task_prompt("document-html", "document-html"),
)


def default_path() -> Path:
    """``quick_prompts.json`` in the user configuration folder (platformdirs).

    Linux: ``~/.config/qwenvl-desktop/``; Windows: ``%APPDATA%\\qwenvl-desktop\\``; macOS:
    ``~/Library/Application Support/qwenvl-desktop/``.
    """
    folder = platformdirs.user_config_dir(_APP_NAME, appauthor=False, roaming=True)
    return Path(folder) / FILE_NAME


class QuickPrompts:
    """The editable, ordered list of quick prompts and the "Translate to…" language.

    Edits change memory only; :meth:`save` writes the file (atomically: a crash mid-write
    leaves the previous file). :meth:`load` never raises for a bad file: it falls back to the
    defaults, or skips bad entries, and says so in :attr:`notices`.
    """

    def __init__(
        self,
        prompts: Iterable[QuickPrompt] = DEFAULT_PROMPTS,
        *,
        language: str = DEFAULT_LANGUAGE,
        path: Path | None = None,
    ) -> None:
        self._prompts: list[QuickPrompt] = []
        for prompt in prompts:
            self._check(prompt, taken={p.id for p in self._prompts})
            self._prompts.append(prompt)
        self.language = _checked_language(language)
        self.path = path
        #: what :meth:`load` had to ignore or repair, as sentences for the user
        self.notices: list[str] = []

    # Reading -----------------------------------------------------------------------------------

    def __iter__(self) -> Iterator[QuickPrompt]:
        return iter(list(self._prompts))

    def __len__(self) -> int:
        return len(self._prompts)

    @property
    def prompts(self) -> tuple[QuickPrompt, ...]:
        return tuple(self._prompts)

    def asked_as(self) -> list[tuple[str, str]]:
        """``(question, task name)`` of the prompts with a task, as they are asked now (for
        :func:`~qwenvl_desktop.core.documents.task_for_question`)."""
        return [(p.render(self.language), p.task) for p in self._prompts if p.task]

    def find(self, name: str) -> QuickPrompt | None:
        """The prompt ``name`` means: its id or label, or a document task's name or alias
        (``ocr`` → Extract text); case-insensitive."""
        wanted = name.strip().lower()
        for prompt in self._prompts:
            if wanted in (prompt.id, prompt.label.lower(), prompt.shown_label.lower()):
                return prompt
        task = task_named(wanted)
        if task is None:
            return None
        return next((p for p in self._prompts if p.task == task.name), None)

    def get(self, prompt_id: str) -> QuickPrompt:
        for prompt in self._prompts:
            if prompt.id == prompt_id:
                return prompt
        raise QuickPromptsError(
            translate("QuickPrompts", "there is no quick prompt %1").replace("%1", repr(prompt_id))
        )

    # Editing -----------------------------------------------------------------------------------

    def add(self, label: str, text: str, *, ocr: bool = False, task: str = "") -> QuickPrompt:
        """Append a new prompt with an id made from its label."""
        prompt = QuickPrompt(self._new_id(label), label.strip(), text.strip(), ocr, task)
        self._check(prompt, taken={p.id for p in self._prompts})
        self._prompts.append(prompt)
        return prompt

    def update(
        self,
        prompt_id: str,
        *,
        label: str | None = None,
        text: str | None = None,
        ocr: bool | None = None,
    ) -> QuickPrompt:
        """Change some of a prompt's fields; the id (and the place in the list) stays."""
        index = self._index(prompt_id)
        old = self._prompts[index]
        new = replace(
            old,
            label=old.label if label is None else label.strip(),
            text=old.text if text is None else text.strip(),
            ocr=old.ocr if ocr is None else ocr,
        )
        self._check(new, taken=set())
        self._prompts[index] = new
        return new

    def remove(self, prompt_id: str) -> None:
        del self._prompts[self._index(prompt_id)]

    def move(self, prompt_id: str, index: int) -> None:
        """Put a prompt at ``index`` (clamped to the list)."""
        prompt = self._prompts.pop(self._index(prompt_id))
        self._prompts.insert(max(0, min(index, len(self._prompts))), prompt)

    def replace_with(self, prompts: Iterable[QuickPrompt], language: str) -> None:
        """Take a whole edited list at once (an editor's OK): all checked before any change."""
        checked = QuickPrompts(prompts, language=language)
        self._prompts = list(checked.prompts)
        self.language = checked.language

    def copy(self) -> QuickPrompts:
        """An independent copy to edit (an editor's Cancel just drops it)."""
        return QuickPrompts(self._prompts, language=self.language, path=self.path)

    def set_language(self, language: str) -> None:
        self.language = _checked_language(language)

    def reset(self) -> None:
        """Back to the shipped prompts and language (the file changes on :meth:`save`)."""
        self._prompts = list(DEFAULT_PROMPTS)
        self.language = DEFAULT_LANGUAGE

    # Files -------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _FORMAT_VERSION,
            "language": self.language,
            "prompts": [
                {"id": p.id, "label": p.label, "text": p.text, "ocr": p.ocr}
                | ({"task": p.task} if p.task else {})
                for p in self._prompts
            ],
        }

    @classmethod
    def from_json(cls, data: object, *, path: Path | None = None) -> QuickPrompts:
        """Build from parsed JSON, skipping (and noting) entries that cannot be used."""
        notices: list[str] = []
        if not isinstance(data, dict) or not isinstance(data.get("prompts"), list):
            result = cls(path=path)
            result.notices.append(
                translate(
                    "QuickPrompts", "%1: not a list of prompts; the default prompts are used."
                ).replace(
                    "%1", str(path) if path else translate("QuickPrompts", "The quick prompts")
                )
            )
            return result
        prompts: list[QuickPrompt] = []
        for number, entry in enumerate(data["prompts"], start=1):
            try:
                prompt = _prompt_from_json(entry, number)
                cls._check(prompt, taken={p.id for p in prompts})
            except QuickPromptsError as exc:
                notices.append(
                    translate("QuickPrompts", "quick prompt %1 was skipped: %2")
                    .replace("%1", str(number))
                    .replace("%2", str(exc))
                )
                continue
            prompts.append(prompt)
        language = data.get("language", DEFAULT_LANGUAGE)
        try:
            language = _checked_language(language)
        except QuickPromptsError as exc:
            notices.append(
                translate("QuickPrompts", "%1; %2 is used")
                .replace("%1", str(exc))
                .replace("%2", language_name(DEFAULT_LANGUAGE))
            )
            language = DEFAULT_LANGUAGE
        result = cls(prompts, language=language, path=path)
        result.notices.extend(notices)
        return result

    @classmethod
    def load(cls, path: Path | None = None) -> QuickPrompts:
        """Read ``path`` (default: :func:`default_path`); the defaults when it does not exist."""
        path = path or default_path()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path=path)
        except (OSError, UnicodeDecodeError) as exc:
            result = cls(path=path)
            result.notices.append(
                translate("QuickPrompts", "%1 could not be read (%2); the defaults are used.")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return result
        import json  # here: the window's first frame reads no file when there is none

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            result = cls(path=path)
            result.notices.append(
                translate(
                    "QuickPrompts",
                    "%1 is not valid JSON (line %2: %3); the defaults are used, and saving "
                    "will replace the file.",
                )
                .replace("%1", str(path))
                .replace("%2", str(exc.lineno))
                .replace("%3", exc.msg)
            )
            return result
        return cls.from_json(data, path=path)

    def save(self, path: Path | None = None) -> Path:
        """Write the prompts (to ``path``, else where they were loaded from, else the default)."""
        import json

        target = path or self.path or default_path()
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        write_text_atomically(target, text, prefix=".quick_prompts-")
        self.path = target
        return target

    # Helpers -----------------------------------------------------------------------------------

    def _index(self, prompt_id: str) -> int:
        for index, prompt in enumerate(self._prompts):
            if prompt.id == prompt_id:
                return index
        raise QuickPromptsError(
            translate("QuickPrompts", "there is no quick prompt %1").replace("%1", repr(prompt_id))
        )

    def _new_id(self, label: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "prompt"
        taken = {p.id for p in self._prompts}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    @staticmethod
    def _check(prompt: QuickPrompt, *, taken: set[str]) -> None:
        if not prompt.id:
            raise QuickPromptsError(translate("QuickPrompts", "a quick prompt needs an id"))
        if prompt.id in taken:
            raise QuickPromptsError(
                translate("QuickPrompts", "the id %1 is used twice").replace("%1", repr(prompt.id))
            )
        if not prompt.label.strip():
            raise QuickPromptsError(translate("QuickPrompts", "a quick prompt needs a label"))
        if not prompt.text.strip():
            raise QuickPromptsError(
                translate("QuickPrompts", "the quick prompt %1 has no text").replace(
                    "%1", repr(prompt.label)
                )
            )
        if len(prompt.label) > _MAX_LABEL:
            raise QuickPromptsError(
                translate("QuickPrompts", "a label is at most %1 characters").replace(
                    "%1", str(_MAX_LABEL)
                )
            )
        if len(prompt.text) > _MAX_TEXT:
            raise QuickPromptsError(
                translate("QuickPrompts", "a quick prompt is at most %1 characters").replace(
                    "%1", str(_MAX_TEXT)
                )
            )


def _prompt_from_json(entry: object, number: int) -> QuickPrompt:
    if not isinstance(entry, dict):
        raise QuickPromptsError("it is not an object with a label and a text")
    label, text, ocr = entry.get("label"), entry.get("text"), entry.get("ocr", False)
    if not isinstance(label, str) or not isinstance(text, str):
        raise QuickPromptsError("its label and text must be strings")
    if not isinstance(ocr, bool):
        raise QuickPromptsError("'ocr' must be true or false")
    prompt_id = entry.get("id")
    if not isinstance(prompt_id, str) or not prompt_id.strip():
        prompt_id = f"prompt-{number}"
    prompt_id = prompt_id.strip()
    task = entry.get("task", _TASK_OF_ID.get(prompt_id, ""))
    if not isinstance(task, str) or (task and task_named(task) is None):
        raise QuickPromptsError(f"'task' must be one of {', '.join(TASKS)}")
    return QuickPrompt(prompt_id, label.strip(), text.strip(), ocr, task)


def _checked_language(language: object) -> str:
    if not isinstance(language, str) or not language.strip():
        raise QuickPromptsError(
            translate("QuickPrompts", "the translation language must be a non-empty name")
        )
    if len(language) > _MAX_LABEL:
        raise QuickPromptsError(
            translate("QuickPrompts", "a language name is at most %1 characters").replace(
                "%1", str(_MAX_LABEL)
            )
        )
    return language.strip()


def model_for_prompt(
    prompt: QuickPrompt,
    current_model: str,
    region: str,
    *,
    offered: Collection[str] | None = None,
) -> ModelChoice:
    """The model to ask ``prompt`` with, for that question only: the region's OCR model for an
    OCR prompt where there is one (never on a custom endpoint), else ``current_model``."""
    if not prompt.ocr:
        return ModelChoice(current_model)
    # Any prompt the person marked "use the OCR model" is read as Extract text is.
    task = replace(TASKS["ocr"], label=prompt.render_label(DEFAULT_LANGUAGE))
    return model_for_task(task, current_model, region, offered=offered)


def task_question(
    name: str,
    prompts: QuickPrompts,
    current_model: str,
    region: str,
    *,
    model_given: bool,
) -> tuple[QuickPrompt, str, ModelChoice]:
    """``--task NAME`` of ``ask`` and ``batch``: the quick prompt it names (as saved in the window,
    else the shipped one), its question, and the model to ask it with (``model_given``: the
    command line named one, which is kept). Raises :class:`QuickPromptsError` for an unknown
    name, listing the known ones."""
    prompt = prompts.find(name) or QuickPrompts().find(name)
    if prompt is None:
        names = ", ".join(p.id for p in prompts)
        raise QuickPromptsError(
            f"No task named {name!r}; the tasks are: {names} (and ocr, table, formula, "
            "document, document-html)."
        )
    if model_given:
        choice = ModelChoice(current_model)
    else:
        choice = model_for_prompt(prompt, current_model, region)
    return prompt, prompt.render(prompts.language), choice
