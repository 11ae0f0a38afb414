"""Reading: files → sources → repaired text → sentences with their lines and offsets.

Owns everything between a path on disk and the sentence spans of an article: which files are
read and how they are decoded (`files`, `decoding`), the metadata they carry (`metadata`),
punctuation, mojibake and boilerplate repair (`repairing`) and sentence splitting
(`splitting`). Sentence texts and metadata come out in NFC (`index.text`); article texts stay
as read, since citation offsets index them. It may import `index.records`, `index.errors` and
`index.text`, never attribution, the ledger, vectors or search.
"""

from index.reading.files import SUPPORTED_EXTENSIONS, iter_sources
from index.reading.metadata import iso_date
from index.reading.repairing import boilerplate_lines, fix_text, repair_punctuation
from index.reading.splitting import Span, split_text

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Span",
    "boilerplate_lines",
    "fix_text",
    "iso_date",
    "iter_sources",
    "repair_punctuation",
    "split_text",
]
