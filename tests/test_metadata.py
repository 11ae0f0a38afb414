"""Article metadata: front matter, headlines, dates from file names, defaults, ISO dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLE, read_error, read_source

from index.reading.files import iter_sources
from index.reading.metadata import iso_date
from index.records import Metadata, Source

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
        # PolNeAR's headlines: title case, a full stop, a blank line.
        ("Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad "
         "Optics.\n\n" + ARTICLE,
         "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics"),
        ("The Minister Said It Was Over.\n" + ARTICLE, None),  # not set apart
        ("The minister said that the talks were over.\n\n" + ARTICLE, None),  # a sentence
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


