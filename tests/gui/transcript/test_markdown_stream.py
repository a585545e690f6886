"""The Qt-free splitter that lets a streamed answer render piece by piece, each piece once.

Not marked ``gui``: :mod:`qwenvl_desktop.gui.transcript.markdown_stream` is plain Python, so
these run with the fast tests, before any QApplication exists.
"""

from __future__ import annotations

from qwenvl_desktop.gui.transcript.markdown_stream import (
    MarkdownSplitter,
    add_copy_links,
    provisional_markdown,
    split_before_tables,
    utf16_len,
)


def pieces_of(text: str, step: int) -> list[str]:
    """Feed ``text`` ``step`` characters at a time, consuming every renderable prefix."""
    splitter = MarkdownSplitter()
    out = []
    for i in range(0, len(text), step):
        splitter.feed(text[i : i + step])
        length = splitter.boundary()
        if length:
            out.append(splitter.consume(length))
    out.append(splitter.finish())
    return [p for p in out if p]


def test_pieces_end_at_blank_lines_before_a_new_block_and_rejoin_to_the_text() -> None:
    text = "# Title\n\nFirst paragraph\nstill first.\n\nSecond.\n\n- a\n- b\n"
    for step in (1, 3, 7, len(text)):
        pieces = pieces_of(text, step)
        assert "".join(pieces) == text
        for piece in pieces[:-1]:
            assert piece.endswith("\n\n")


def test_a_fenced_code_block_with_blank_lines_is_never_split() -> None:
    text = "Intro\n\n```python\ndef f():\n\n    return 1\n\nx = 2\n```\n\nAfter\n"
    for step in (1, 2, 5):
        pieces = pieces_of(text, step)
        assert any("def f():\n\n    return 1\n\nx = 2\n```" in p for p in pieces), pieces


def test_indented_continuations_stay_with_their_block() -> None:
    text = "1. item\n\n   more of the item\n\n2. next\n"
    pieces = pieces_of(text, 1)
    assert "1. item\n\n   more of the item\n\n" in pieces


def test_boundary_respects_the_limit_unless_one_block_is_longer() -> None:
    splitter = MarkdownSplitter()
    splitter.feed("aaaa\n\nbbbb\n\ncccc\n\nd")
    assert splitter.boundary() == len("aaaa\n\nbbbb\n\ncccc\n\n")
    assert splitter.boundary(limit=8) == len("aaaa\n\n")
    assert splitter.boundary(limit=1) == len("aaaa\n\n")  # the first piece alone is longer


def test_scanning_is_linear_each_character_classified_once() -> None:
    splitter = MarkdownSplitter()
    for i in range(2000):
        splitter.feed(f"word{i} " if i % 12 else "\n\nParagraph ")
        length = splitter.boundary()
        if length:
            splitter.consume(length)
    assert len(splitter.text) < 200  # only the unfinished paragraph is left


def test_copy_links_are_added_above_each_fence_with_the_exact_code() -> None:
    text = "Run:\n```sh\nls -l\necho hi\n```\nThen\n\n    ```\n    indented\n    ```\n"
    markdown, codes = add_copy_links(text, "qwenvl:copy-code/x/", 3)
    assert codes[0] == "ls -l\necho hi"
    # The header placeholder names the language (code_blocks makes it the label and button).
    assert "[sh](qwenvl:copy-code/x/3)" in markdown
    assert markdown.index("[sh]") < markdown.index("```sh")
    assert "    [code](qwenvl:copy-code/x/4)" in markdown  # no language, indented like its fence


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("a😀b") == 4
    assert utf16_len("é") == 1


# -- the unfinished last block, completed for its provisional rendering ----------------------------


def test_a_table_header_without_its_delimiter_row_gets_one() -> None:
    assert provisional_markdown("| a | b |") == "| a | b |\n|---|---|"
    assert provisional_markdown("| a | b |\n|--") == "| a | b |\n|---|---|"
    assert provisional_markdown("| a | b") == "| a | b\n|---|---|"  # the header still arriving
    complete = "| a | b |\n|---|---|\n| 1 | 2"
    assert provisional_markdown(complete) == complete  # a body row renders as it is


def test_an_unclosed_emphasis_or_code_span_on_the_last_line_is_closed() -> None:
    assert provisional_markdown("This is **bol") == "This is **bol**"
    assert provisional_markdown("Call `csv.rea") == "Call `csv.rea`"
    assert provisional_markdown("Done **here**") == "Done **here**"


def test_an_open_code_fence_is_left_as_it_is() -> None:
    open_fence = "```python\nx = '**'\n| not a table"
    assert provisional_markdown(open_fence) == open_fence


def test_each_table_after_a_blank_line_is_cut_into_a_piece_of_its_own() -> None:
    text = "Run:\n\n```sh\nls\n```\n\n| a | b |\n|---|---|\n\nThen\n\n| c |\n|---|\n"
    assert split_before_tables(text) == [
        "Run:\n\n```sh\nls\n```\n\n",
        "| a | b |\n|---|---|\n\nThen\n\n",
        "| c |\n|---|\n",
    ]
    assert split_before_tables("| a |\n|---|\n") == ["| a |\n|---|\n"]  # first: no cut
    inside = "```md\n\n| not | a table |\n```\n"
    assert split_before_tables(inside) == [inside]
