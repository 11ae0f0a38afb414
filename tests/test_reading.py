"""Tests of index.reading: formats, decoding, metadata and folder walking."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from index.errors import InputError, UnreadableFileError, UnsupportedFileError
from index.metadata import iso_date
from index.reading import iter_sources
from index.records import Metadata, Source

ARTICLE = (
    "Russian Prime Minister Mikhail Mishustin will visit Beijing next week for talks.\n"
    "China says it does not and will not provide arms to either side in the conflict.\n"
)
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


def read_one(path: Path, defaults: Metadata = Metadata(), max_bytes: int = 10_000) -> object:
    items = list(iter_sources([path], defaults=defaults, max_bytes=max_bytes))
    assert len(items) == 1, items
    return items[0]


def read_source(path: Path, defaults: Metadata = Metadata()) -> Source:
    item = read_one(path, defaults)
    assert isinstance(item, Source), item
    return item


def read_error(path: Path, max_bytes: int = 10_000) -> InputError:
    item = read_one(path, max_bytes=max_bytes)
    assert isinstance(item, InputError), item
    assert item.path == str(path.resolve())
    return item


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


FRONT_MATTER = """---
title: China hosts Russian premier
date: 2023-05-19
outlet: Example News
author: [Jane Doe, John Roe]
url: https://example.com/a
---
"""


@pytest.mark.parametrize("suffix", [".md", ".markdown", ".txt"])
def test_front_matter_gives_metadata_and_skipped_lines(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text(FRONT_MATTER + "\n" + ARTICLE, encoding="utf-8")
    source = read_source(path)
    assert source.text == FRONT_MATTER + "\n" + ARTICLE  # the whole file, lines as in the file
    assert source.skip_lines == frozenset(range(1, 8))
    assert source.text.split("\n")[8].startswith("Russian Prime Minister")  # line 9
    assert source.meta == Metadata(
        title="China hosts Russian premier",
        date="2023-05-19",
        outlet="Example News",
        author="Jane Doe, John Roe",
        url="https://example.com/a",
    )


@pytest.mark.parametrize(
    ("front", "field"),
    [("date: next Tuesday", "date"), ("date: 2023-02-30", "date"), ("title: [1, [2]]", "title")],
)
def test_bad_front_matter_field_is_named(tmp_path: Path, front: str, field: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\n{ARTICLE}", encoding="utf-8")
    error = read_error(path)
    assert f"front matter field '{field}'" in error.reason


def test_invalid_yaml_front_matter_is_an_error_in_markdown_only(tmp_path: Path) -> None:
    text = f"---\ntitle: [unclosed\n---\n{ARTICLE}"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert "not valid YAML" in read_error(tmp_path / "a.md").reason
    source = read_source(tmp_path / "a.txt")
    assert (source.text, source.skip_lines) == (text, frozenset())


def test_markdown_title_from_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# China hosts talks\n\n" + ARTICLE, encoding="utf-8")
    assert read_source(path).meta.title == "China hosts talks"


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


@pytest.mark.parametrize(
    ("name", "front", "default", "expected"),
    [
        ("2023-05-19-china.txt", "", None, "2023-05-19"),
        ("china_2023-05-19.md", "", "2020-01-01", "2023-05-19"),
        ("2023-05-19-china.md", "date: 2023-06-01\n", None, "2023-06-01"),
        ("china.txt", "", "2020-01-01", "2020-01-01"),
        ("china-2023-13-45.txt", "", None, None),  # not a date
        ("china-20230519.txt", "", None, None),
    ],
)
def test_date_precedence(
    tmp_path: Path, name: str, front: str, default: str | None, expected: str | None
) -> None:
    path = tmp_path / name
    path.write_text((f"---\n{front}---\n" if front else "") + ARTICLE, encoding="utf-8")
    assert read_source(path, Metadata(date=default)).meta.date == expected


def test_file_name_date_applies_to_json_records(tmp_path: Path) -> None:
    path = tmp_path / "2023-05-19.jsonl"
    path.write_text('{"text": "One."}\n{"text": "Two.", "date": "2023-06-01"}\n', "utf-8")
    dates = [s.meta.date for s in iter_sources([path]) if isinstance(s, Source)]
    assert dates == ["2023-05-19", "2023-06-01"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ad sales boost Time Warner profit\n\n" + ARTICLE, "Ad sales boost Time Warner profit"),
        ("Hewitt decries 'career sexism'\n\n" + ARTICLE, "Hewitt decries 'career sexism'"),
        ("\n\n  China hosts talks  \n" + ARTICLE, "China hosts talks"),
        ("Could Yukos be a blessing?\n\n" + ARTICLE, "Could Yukos be a blessing?"),
        ("'My memories of Marley...'\n\n" + ARTICLE, "'My memories of Marley...'"),
        (ARTICLE, None),  # the first line is a sentence
        ("Is this a question?\n" + ARTICLE, None),  # not set apart by a blank line
        ("He said it was over.\n\n" + ARTICLE, None),
        ('He said: "It is over."\n\n' + ARTICLE, None),
        ("China hosts talks\n", None),  # nothing follows
        (" ".join(["word"] * 21) + "\n\n" + ARTICLE, None),  # too long
    ],
)
def test_plain_text_headline_title(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).meta.title == title


def test_seed_article_first_line_is_not_a_title() -> None:
    seed = Path(__file__).parent.parent / "examples" / "articles" / "000_12d26b527cfc9148.txt"
    source = read_source(seed)
    assert source.meta.title is None
    assert source.text == seed.read_text(encoding="utf-8")


def test_file_metadata_wins_over_defaults_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Own title\noutlet: ''\n---\n" + ARTICLE, encoding="utf-8")
    defaults = Metadata(title="Default", date="2020-01-01", outlet="Wire", author="Desk", url=None)
    assert read_source(path, defaults).meta == Metadata(
        title="Own title", date="2020-01-01", outlet="Wire", author="Desk"
    )


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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-19", "2023-05-19"),
        ("2023-05-19T23:30:00Z", "2023-05-19"),
        ("2023-05-19 08:00", "2023-05-19"),
        ("Fri, 19 May 2023 08:00:00 GMT", "2023-05-19"),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", ["someday", "2023-02-30", "19/05/2023", 3.5])
def test_iso_date_rejects_non_dates(value: object) -> None:
    with pytest.raises(ValueError, match="as a date"):
        iso_date(value)


def test_folder_walk_skips_linked_folders_and_survives_loops(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "b.txt").symlink_to(tmp_path / "real" / "a.txt")
    items = list(iter_sources([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Source"]  # b.txt resolves to a.txt, read once
