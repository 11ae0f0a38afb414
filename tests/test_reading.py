"""Tests of index.reading.files: formats, decoding and folder walking (metadata:
test_metadata.py)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import ARTICLE, read_error, read_one, read_source

from index.errors import InputError, UnreadableFileError, UnsupportedFileError
from index.reading.files import iter_sources
from index.records import Metadata, Source

LATIN1_ARTICLE = (
    "Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu, a £15.8m signing from Parma, after "
    "he failed a drugs test. Fifa's disciplinary code stipulates a six-month ban for a first "
    "offence, the café owner and the Zürich-based official said on Friday.\n"
)
HTML = """<html><head><title>China hosts talks | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-05-19T08:00:00Z">
<link rel="canonical" href="https://example.com/china-talks">
</head><body><nav>Home | World | Sport</nav><article><h1>China hosts talks</h1>
<p>Russian Prime Minister Mikhail Mishustin will visit Beijing next week for talks, the
Foreign Ministry said on Friday.</p>
<p>"We look forward to further strengthening cooperation between the two sides," spokesperson
Wang Wenbin said at a daily briefing.</p>
<p>China says it does not and will not provide arms to either side in the conflict.</p>
</article><footer>Copyright 2023 Example News</footer></body></html>"""


def test_plain_text_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = read_source(path)
    assert source == Source(
        path=str(path.resolve()), key=str(path.resolve()), text=ARTICLE, encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_byte_order_marks_decode_and_are_stripped(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert (source.text, source.encoding, source.flags) == (ARTICLE, encoding, ())


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LATIN1_ARTICLE.encode("latin-1"), "cp1252"),
        ("“Curly” quotes from Windows in a café.\n".encode("cp1252"), "cp1252"),
        (LATIN1_ARTICLE.encode("latin-1") + b"\x81", "latin-1"),  # 0x81 is not cp1252
    ],
)
def test_legacy_encodings_fall_back_and_are_flagged(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert source.encoding == encoding
    assert source.flags == ("encoding-fallback",)
    assert source.text == data.decode(encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
        ("  \n".encode("utf-16"), "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
        (ARTICLE.encode("utf-16-le"), "binary file (NUL bytes)"),  # UTF-16 without a BOM
        (bytes(random.Random(0).randrange(128, 256) for _ in range(4000)), "not text"),
        (b"\xff\xfe\x00\xd8", "invalid utf-16"),  # a lone surrogate after the BOM
    ],
    ids=["empty", "whitespace", "utf-16-whitespace", "png", "utf-16-no-bom", "random", "bad"],
)
def test_unreadable_bytes_are_reported(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    error = read_error(path)
    assert isinstance(error, UnreadableFileError)
    assert error.reason.startswith(reason)


def test_oversize_file_names_size_limit_and_setting(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")
    error = read_error(path, max_bytes=1000)
    assert isinstance(error, UnreadableFileError)
    assert error.reason == (
        "file is 0.0015 MB (1,500 bytes), over the limit of 0.001 MB; "
        "raise CLAIMTRACK_MAX_FILE_MB to read it"
    )
    assert isinstance(read_one(path, max_bytes=1500), Source)


@pytest.mark.parametrize(("name", "named"), [("a.pdf", "'.pdf'"), ("README", "without")])
def test_unsupported_files_name_extension_and_list_supported(
    tmp_path: Path, name: str, named: str
) -> None:
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    error = read_error(path)
    assert isinstance(error, UnsupportedFileError)
    assert named in error.reason
    for extension in (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"):
        assert extension in error.reason


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    error = read_error(tmp_path / "missing.txt")
    assert "no such file" in error.reason


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_normalised(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", newline).encode("utf-8"))
    assert read_source(path).text == ARTICLE


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    source = read_source(path)
    lines = source.text.split("\n")
    assert any(line.startswith("Russian Prime Minister") for line in lines)
    assert any(line.startswith('"We look forward') for line in lines)  # one paragraph a line
    assert "Home | World" not in source.text
    assert "Copyright" not in source.text
    assert source.meta == Metadata(
        title="China hosts talks",
        date="2023-05-19",
        outlet="Example News",
        author="Jane Doe",
        url="https://example.com/china-talks",
    )


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text("<html><head><title>Empty</title></head><body></body></html>", "utf-8")
    assert "no article text" in read_error(path).reason


def test_json_object_and_list_records(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"body": ARTICLE, "title": "T", "publisher": "P"}), "utf-8")
    many = tmp_path / "many.json"
    records = [
        {"text": "First article text.", "date": "2023-05-19T08:00:00+08:00", "author": ["A", "B"]},
        {"content": "Second article text.", "source": {"id": "x", "name": "BBC News"}},
    ]
    many.write_text(json.dumps(records), encoding="utf-8")
    first = read_source(one)
    assert (first.key, first.text) == (f"{one.resolve()}#1", ARTICLE)
    assert (first.meta.title, first.meta.outlet) == ("T", "P")
    sources = list(iter_sources([many]))
    assert [s.key for s in sources if isinstance(s, Source)] == [
        f"{many.resolve()}#1",
        f"{many.resolve()}#2",
    ]
    assert sources[0] == Source(
        path=str(many.resolve()),
        key=f"{many.resolve()}#1",
        text="First article text.",
        encoding="utf-8",
        meta=Metadata(date="2023-05-19", author="A, B"),
    )
    assert isinstance(sources[1], Source)
    assert sources[1].meta.outlet == "BBC News"


def test_json_bad_records_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    records = [
        {"text": "Good one."},
        {"title": "no text"},
        {"text": "Bad date.", "date": "someday"},
        "not an object",
        {"text": ["not", "a", "string"]},
        {"text": "Good two."},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    items = list(iter_sources([path]))
    assert [i.text for i in items if isinstance(i, Source)] == ["Good one.", "Good two."]
    errors = [i for i in items if isinstance(i, InputError)]
    assert all(e.path == str(path.resolve()) for e in errors)
    reasons = [e.reason for e in errors]
    assert reasons[0].startswith("record 2: no 'text'")
    assert reasons[1].startswith("record 3: field 'date': cannot read 'someday'")
    assert reasons[2] == "record 4: expected an object, got str"
    assert reasons[3].startswith("record 5: field 'text'")


def test_jsonl_records_are_numbered_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "One."}\n\n{"text": \n{"text": "Four."}\n', encoding="utf-8")
    items = list(iter_sources([path]))
    assert [i.key for i in items if isinstance(i, Source)] == [
        f"{path.resolve()}#1",
        f"{path.resolve()}#4",
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1
    assert errors[0].reason.startswith("record 3: not valid JSON")


def test_invalid_json_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": "unclosed', encoding="utf-8")
    assert read_error(path).reason.startswith("not valid JSON")


def test_folder_recursion_mixes_good_and_bad_files(tmp_path: Path) -> None:
    files = {
        "b/2.txt": ARTICLE.encode(),
        "b/c/3.md": ARTICLE.encode(),
        "a.txt": ARTICLE.encode(),
        "b/empty.txt": b"",
        "b/image.png": b"\x89PNG\x00",
        "d.jsonl": b'{"text": "One."}\n{"title": "none"}\n',
        ".hidden.txt": ARTICLE.encode(),
        ".git/x.txt": ARTICLE.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    items = list(iter_sources([tmp_path, tmp_path / "a.txt", tmp_path / "nope.txt"]))
    root = tmp_path.resolve()
    assert [(type(i).__name__, Path(i.path).relative_to(root).as_posix()) for i in items] == [
        ("Source", "a.txt"),
        ("Source", "b/2.txt"),
        ("Source", "b/c/3.md"),
        ("UnreadableFileError", "b/empty.txt"),
        ("UnsupportedFileError", "b/image.png"),
        ("Source", "d.jsonl"),
        ("UnreadableFileError", "d.jsonl"),
        ("UnreadableFileError", "nope.txt"),  # a.txt, given again, is read once
    ]
    assert all(str(i).startswith(i.path) for i in items if isinstance(i, InputError))


def test_folder_walk_reports_what_it_does_not_read_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "b.txt").symlink_to(tmp_path / "real" / "a.txt")  # resolves to a.txt: read once
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link that is its own target
    (tmp_path / "x.txt").mkdir()  # a folder named like a file, with nothing in it
    (tmp_path / "z.txt").write_text(ARTICLE, encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (tmp_path / "linked").symlink_to(elsewhere, target_is_directory=True)
    items = list(iter_sources([tmp_path]))
    found = [(type(i).__name__, Path(i.path).name) for i in items]
    assert found == [
        ("Source", "a.txt"),  # by way of b.txt, which comes first
        ("UnreadableFileError", "dangling.txt"),
        ("UnreadableFileError", "linked"),
        ("UnreadableFileError", "loop"),
        ("UnreadableFileError", "self.txt"),
        ("UnreadableFileError", "x.txt"),
        ("Source", "z.txt"),
    ]
    reasons = {Path(i.path).name: i.reason for i in items if isinstance(i, InputError)}
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "gone.txt" in reasons["dangling.txt"]
    assert "not followed" in reasons["linked"] and str(elsewhere) in reasons["linked"]
    assert "loop" in reasons["loop"] and "loop" in reasons["self.txt"]
    assert "folder" in reasons["x.txt"] and "no files" in reasons["x.txt"]
    assert all(str(i).startswith(i.path) for i in items if isinstance(i, InputError))


def test_bad_links_given_by_name_are_reported(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "empty").mkdir()
    items = list(iter_sources([tmp_path / "self.txt", tmp_path / "dangling.txt",
                               tmp_path / "empty"]))
    assert [Path(i.path).name for i in items] == ["self.txt", "dangling.txt", "empty"]
    assert all(isinstance(i, UnreadableFileError) for i in items)
    assert "loop" in items[0].reason and "broken symbolic link" in items[1].reason
    assert "no files" in items[2].reason
