"""read_inputs: paths, folders and stdin into Documents, with clear warnings
and errors for inputs that cannot be read."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from newsgraph.errors import InputError, MissingInputError
from newsgraph.ingest import EXTENSIONS, READERS, content_hash, document_key, read_inputs

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


class Warnings(list):
    def __call__(self, message: str) -> None:
        self.append(message)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with inputs, non-inputs, hidden files and a sub-folder."""
    (tmp_path / "b-article.txt").write_text("Leaders meet in Oslo\nThe leaders met on Monday.\n", encoding="utf-8")
    (tmp_path / "a-notes.md").write_text("# Talks resume in Doha\n\nNegotiators returned.\n", encoding="utf-8")
    (tmp_path / "a-notes.gold.json").write_text('{"id": "a-notes"}', encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / ".hidden.txt").write_text("Hidden text here.\n", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("Cached text here.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c-feed.jsonl").write_text('{"text": "Ministers met in Rome."}\n', encoding="utf-8")
    return tmp_path


def test_missing_path_raises_before_anything_is_read(inputs: Path) -> None:
    missing = str(inputs / "nope.txt")
    read: list[str] = []
    with pytest.raises(MissingInputError) as caught:
        for doc in read_inputs([str(inputs / "b-article.txt"), missing]):
            read.append(doc.source)
    assert read == []
    assert str(caught.value) == f"input {missing!r} does not exist: check the path"


def test_folder_is_walked_sorted_recursively_skipping_hidden_and_other_files(inputs: Path) -> None:
    warnings = Warnings()
    docs = list(read_inputs([str(inputs)], warn=warnings))
    base = inputs.as_posix()
    assert [d.source for d in docs] == [f"{base}/a-notes.md", f"{base}/b-article.txt", f"{base}/sub/c-feed.jsonl#L1"]
    assert [d.media_type for d in docs] == ["text/markdown", "text/plain", "application/json"]
    # Hidden files and gold files are skipped quietly; other files are counted once.
    assert warnings == [f"{base}: skipped 1 file no reader handles (.pdf 1); read are .htm .html .json .jsonl .md"
                        " .ndjson .txt"]


@pytest.mark.parametrize(
    "payload",
    [bytes(range(256)) * 4, b"\x1b\x02\xfe\xff\x81\x8d hello \x03\x04\x9d\x90" * 20],
    ids=["with-nul-bytes", "control-and-undefined-bytes"],
)
def test_binary_file_is_skipped_with_a_warning_and_the_rest_is_read(inputs: Path, payload: bytes) -> None:
    binary = inputs / "photo.txt"
    binary.write_bytes(payload)
    warnings = Warnings()
    docs = list(read_inputs([str(binary), str(inputs / "b-article.txt")], warn=warnings))
    assert warnings == [f"skipped {binary.as_posix()}: not a UTF-8 text file (binary or undecodable)"]
    assert [d.source for d in docs] == [(inputs / "b-article.txt").as_posix()]


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_file_is_skipped_with_a_warning(inputs: Path, content: bytes) -> None:
    empty = inputs / "empty.txt"
    empty.write_bytes(content)
    warnings = Warnings()
    docs = list(read_inputs([str(empty), str(inputs / "b-article.txt")], warn=warnings))
    assert warnings == [f"{empty.as_posix()}: empty input, nothing to read"]
    assert len(docs) == 1


def test_windows_1252_text_is_decoded(inputs: Path) -> None:
    legacy = inputs / "legacy.txt"
    legacy.write_bytes("Talks in Zürich\nThe minister’s visit ended.\n".encode("cp1252"))
    (doc,) = read_inputs([str(legacy)])
    assert doc.text == "Talks in Zürich\nThe minister’s visit ended.\n"


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b'{"text": "Ministers met in Rome.", "title": "Rome talks"}\n', "application/json"),
        (b"<html><body><article><h1>Rome talks</h1><p>Ministers from six countries met in Rome on"
         b" Monday to discuss trade, and agreed to meet again in the spring.</p></article></body></html>",
         "text/html"),
        (b"Rome talks\nMinisters met in Rome.\n", "text/plain"),
    ],
)
def test_stdin_is_sniffed_and_called_stdin(data: bytes, media_type: str) -> None:
    (doc,) = read_inputs(["-"], stdin=io.BytesIO(data))
    assert doc.media_type == media_type
    assert doc.source.startswith("stdin")
    assert "Ministers" in doc.text


def test_same_file_given_twice_is_read_once(inputs: Path) -> None:
    article = str(inputs / "b-article.txt")
    docs = list(read_inputs([article, str(inputs), article]))
    assert [d.source for d in docs].count((inputs / "b-article.txt").as_posix()) == 1


def test_explicit_gold_file_is_skipped_with_a_warning(inputs: Path) -> None:
    warnings = Warnings()
    assert list(read_inputs([str(inputs / "a-notes.gold.json")], warn=warnings)) == []
    assert warnings and "gold annotation file" in warnings[0]


def test_unknown_time_zone_is_an_input_error(inputs: Path) -> None:
    with pytest.raises(InputError, match="unknown time zone 'Mars/Olympus'"):
        list(read_inputs([str(inputs)], timezone="Mars/Olympus"))


def test_document_key_is_slug_of_stem_and_sha1_prefix() -> None:
    source = "corpus/dev/Talks in Zürich (2).txt"
    expected_hash = hashlib.sha1(source.encode()).hexdigest()[:8]
    assert document_key(source) == f"talks-in-zurich-2-{expected_hash}"
    url = "https://news.example.org/world/2024/11/blinken-rutte.html?ref=x"
    assert document_key(url) == "blinken-rutte-" + hashlib.sha1(url.encode()).hexdigest()[:8]
    assert document_key("stdin").startswith("stdin-")
    assert document_key("a/x.txt") != document_key("b/x.txt")


def test_documents_carry_hash_of_the_bytes_read(inputs: Path) -> None:
    path = inputs / "b-article.txt"
    (doc,) = read_inputs([str(path)])
    assert doc.content_hash == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.content_hash == content_hash(path.read_bytes())
    assert doc.key == document_key(path.as_posix())


def test_readers_are_registered_by_name_and_chosen_by_extension() -> None:
    assert set(EXTENSIONS.values()) <= set(READERS)
    assert {EXTENSIONS[e] for e in (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson")} == {
        "text", "markdown", "html", "jsonl"}


def test_examples_folder_reads_every_sample(tmp_path: Path) -> None:
    warnings = Warnings()
    docs = list(read_inputs([str(EXAMPLES)], warn=warnings))
    assert warnings == []
    kinds = {d.media_type for d in docs}
    assert kinds == {"text/plain", "text/html", "application/json"}
    blog = next(d for d in docs if d.source.endswith("live-blog.txt"))
    assert blog.is_live_blog and len(blog.posts) >= 6
    assert all(p.author and p.published and p.headline for p in blog.posts)
