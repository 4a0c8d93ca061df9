from pathlib import Path

import pytest

from deckgen.errors import InputError
from deckgen.ingest import normalise, read_document
from deckgen.segment import segment

from .conftest import SEED


def write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path



def test_blank_lines_separate_paragraphs_and_wrapped_lines_join():
    text = "First line\nstill first.\n\nSecond para.\n"
    assert normalise(text) == "First line still first.\n\nSecond para."


def test_without_blank_lines_each_line_is_a_paragraph():
    assert normalise("One.\nTwo.\r\nThree.") == "One.\n\nTwo.\n\nThree."


def test_seed_has_one_paragraph_per_line():
    document = segment(read_document(SEED, "S1"))
    lines = [line for line in SEED.read_text().splitlines() if line.strip()]
    assert len(document.paragraphs) == len(lines) == 36
    assert [p.number for p in document.paragraphs] == list(range(1, 37))
    assert document.paragraph_text(4).startswith("The first phase of the agreement")


def test_control_characters_are_removed():
    assert normalise("a\x00b\x0bc\x0cd\ufffee") == "a b c d e"


def test_markdown_front_matter_and_headings(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Front title\npublisher: VOA\ndate: 2024-09-27\n---\n"
                                   "# Heading one\n\nSome **bold** text with a [link](http://x).\n")
    document = segment(read_document(path, "S1"))
    assert document.source.title == "Front title"
    assert document.source.publisher == "VOA"
    assert str(document.source.date) == "2024-09-27"
    assert [s.text for s in document.sentences] == ["Some bold text with a link."]
    assert document.paragraphs[0].heading


def test_markdown_title_from_first_heading(tmp_path):
    path = write(tmp_path, "a.md", "# The Title\n\nBody sentence here.\n")
    assert read_document(path, "S1").source.title == "The Title"


def test_cp1252_curly_quotes_survive(tmp_path):
    path = write(tmp_path, "a.txt", "He said \u201cyes\u201d today.".encode("cp1252"))
    assert read_document(path, "S1").text == "He said \u201cyes\u201d today."


def test_utf16_with_bom_is_read(tmp_path):
    path = write(tmp_path, "a.txt", "Caf\u00e9 ouvert.".encode("utf-16"))
    assert read_document(path, "S1").text == "Caf\u00e9 ouvert."


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("doc.xyz", b"hello", "unknown document format"),
    ("bad.md", b"---\ntitle: [unclosed\n---\nText.", "front matter"),
])
def test_bad_documents_raise_input_error_naming_the_file(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError, match=problem) as error:
        read_document(path, "S1")
    assert str(path) in str(error.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt", "S1")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_document(folder, "S1")


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", "word " * 1000)
    with pytest.raises(InputError, match="over the 0.001 MB input limit"):
        read_document(path, "S1", max_input_mb=0.001)


def test_latin1_french_is_read_as_cp1252_not_a_lookalike(tmp_path):
    path = write(tmp_path, "a.txt", "Café ouvert à Paris, très bien.".encode("latin-1"))
    assert read_document(path, "S1").text == "Café ouvert à Paris, très bien."


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path):
    path = write(tmp_path, "a.txt", ("Café ouvert. " * 20).encode() + b"\xff end.")
    text = read_document(path, "S1").text
    assert text.startswith("Café ouvert.") and text.endswith("\ufffd end.")


def test_a_few_control_bytes_do_not_make_text_binary(tmp_path):
    path = write(tmp_path, "a.txt", b"Plain words here and there, " * 10 + b"\x00 NUL inside.")
    assert read_document(path, "S1").text.endswith("there, NUL inside.")


def test_front_matter_error_names_the_file_line(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: ok\nauthor: [open\n---\nText.\n")
    with pytest.raises(InputError, match="front matter is not valid YAML: line 3"):
        read_document(path, "S1")


def test_metadata_values_are_cleaned(tmp_path):
    path = write(tmp_path, "a.md", '---\ntitle: "Bad\\x00 \\ud800title"\npublisher: "  "\n---\nText here.\n')
    source = read_document(path, "S1").source
    assert source.title == "Bad title" and source.publisher is None


def test_soft_hyphens_and_lone_surrogates_are_removed():
    assert normalise("recon\u00adstituting \ud800x") == "reconstituting x"


def test_devices_are_refused(tmp_path):
    with pytest.raises(InputError, match="is not a regular file"):
        read_document(Path("/dev/null"), "S1")


def test_long_paragraphs_are_segmented_in_windows_and_keep_offsets():
    from deckgen.model import Document, SourceInfo

    text = normalise(("word " * 700 + "end of a sentence. ") * 4)
    document = segment(Document(SourceInfo("S1", "x"), text))
    assert all(text[s.start:s.end] == s.text and len(s.text) <= 600 for s in document.sentences)
    assert "".join(s.text for s in document.sentences).replace(" ", "") == text.replace(" ", "")


def test_markdown_emphasis_goes_but_stars_inside_words_stay(tmp_path):
    path = write(tmp_path, "a.md", "It was **very** bad, a *close* call.\n\n'That is c**p,' he said. 'Did you f*** her?'\n")
    text = read_document(path, "S1").text
    assert text == "It was very bad, a close call.\n\n'That is c**p,' he said. 'Did you f*** her?'"
