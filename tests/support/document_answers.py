"""A loopback scenario that answers the document tasks as Qwen models do (for CLI and GUI tests).

The answer is chosen by the question's words — a fenced Markdown table for the Table task, a
``$$`` formula, a fenced text block for Extract text, QwenVL HTML with ``data-bbox`` boxes — and
streamed in a few pieces, as the service does. Add it with
``server.add_scenario(DOCUMENTS, documents_scenario)``.
"""

from __future__ import annotations

from typing import Any

from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    usage_json,
)

__all__ = [
    "DOCUMENTS",
    "FORMULA_ANSWER",
    "HTML_ANSWER",
    "MARKDOWN_ANSWER",
    "OCR_ANSWER",
    "TABLE_ANSWER",
    "answer_for",
    "documents_scenario",
    "question_of",
]

DOCUMENTS = "documents"

TABLE_ANSWER = (
    "```markdown\n"
    "| Item | Price | Note |\n"
    "|:-----|------:|------|\n"
    "| Tea, green | 3.50 | **hot** |\n"
    "| Cake | 4 | a \\| b |\n"
    "```"
)
FORMULA_ANSWER = "$$\n\\frac{a}{b} = \\sqrt{c}\n$$"
OCR_ANSWER = "```\nINVOICE 2024-117\nTotal: 42.00 EUR\n```"
MARKDOWN_ANSWER = "```markdown\n# Report\n\nSome text.\n```"
HTML_ANSWER = (
    "```html\n<html><body>\n"
    '<h1 data-bbox="100 50 900 150">Report</h1>\n'
    '<p data-bbox="100 200 900 600">Some text.</p>\n'
    "</body></html>\n```"
)


def question_of(body: Any) -> str:
    """The text of a request's last message."""
    content = body["messages"][-1]["content"]
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if part.get("type") == "text")


def answer_for(question: str) -> str:
    """The answer a model would give to a task's question (by its words)."""
    if "qwenvl html" in question:
        return HTML_ANSWER
    if "qwenvl markdown" in question:
        return MARKDOWN_ANSWER
    if "table" in question and "Markdown table." in question:
        return TABLE_ANSWER
    if "LaTeX" in question:
        return FORMULA_ANSWER
    if "text" in question:
        return OCR_ANSWER
    return "A picture."


async def documents_scenario(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    answer = answer_for(question_of(req.body))
    third = max(1, len(answer) // 3)
    pieces = [chunk_json({"content": "", "role": "assistant"})]
    pieces += [chunk_json({"content": answer[i : i + third]}) for i in range(0, len(answer), third)]
    pieces += [chunk_json({"content": ""}, "stop"), usage_json(20, 10), DONE]
    await reply.start()
    for piece in pieces:
        await reply.send(piece)
    await reply.end()
