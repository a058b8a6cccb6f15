"""Reading articles from files and strings: plain text, HTML, JSON, JSON Lines and CSV.

:func:`load` reads one source; :func:`load_corpus` streams many and never stops on a bad
document: it yields a :class:`LoadError` record for it and goes on. :func:`corpus_frame`
collects a corpus into a pandas DataFrame.

Bytes are decoded by trying, in order: a byte-order mark (UTF-8/16/32), strict UTF-8, then
charset-normalizer's best guess, preferring cp1252 over latin-1 for Western text.

Example:
    >>> import newskit
    >>> art = newskit.load("LONDON (Reuters) - Prices rose 5 percent on Friday, officials said.")
    >>> art.dateline, art.source
    ('LONDON', 'Reuters')
"""
from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from newskit.article import Article
from newskit.cleaning import clean
from newskit.tables import typed_frame
from newskit.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    FormatError,
    InputTooLargeError,
    NewskitError,
    SourceNotFoundError,
    missing_extra,
)

#: Default largest input accepted, in bytes (raise it with ``max_bytes=``).
MAX_BYTES = 200 * 1024 * 1024

#: Formats by file extension.
FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
}

#: Field names tried, in order, for each Article field in JSON/CSV records.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story", "maintext"),
    "title": ("title", "headline", "head", "name"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate",
                  "date_publish", "datetime", "timestamp"),
    "updated": ("updated", "modified", "updated_at", "date_modify"),
    "byline": ("byline", "author", "authors", "by"),
    "source": ("source", "outlet", "publisher", "site", "agency"),
    "url": ("url", "link", "href", "canonical_url"),
    "id": ("id", "uid", "article_id", "doc_id", "guid"),
}

#: Columns of :func:`corpus_frame` and their dtypes (article rows and error rows in one table:
#: numbers are nullable, ``captions`` holds the list of an article's captions).
CORPUS_FRAME_COLUMNS = {
    "id": "object", "title": "object", "published": "object", "updated": "object",
    "dateline": "object", "source": "object", "byline": "object", "url": "object", "path": "object",
    "captions": "object", "n_removed": "Int64", "n_chars": "Int64", "text": "object",
    "record": "Int64", "error": "object", "reason": "object",
}

#: Magic numbers of common binary files.
_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "gzip archive", b"BZh": "bzip2 archive", b"\x7fELF": "executable",
    b"RIFF": "RIFF media file", b"\x00\x00\x01\x00": "icon", b"SQLite format": "SQLite database",
}


@dataclass(frozen=True)
class LoadError:
    """A document that could not be read: where, why, and the error type.

    ``load_corpus`` yields these instead of raising, so one bad file never ends a run.
    """

    path: str
    reason: str
    error: str
    record: int | None = None  # line or row number within a multi-record file

    def to_dict(self) -> dict:
        return {"path": self.path, "record": self.record, "error": self.error, "reason": self.reason}


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode bytes of a text file; raise a clear error for binary or undecodable data.

    Tried in order: a byte-order mark, UTF-16 without one (mostly-ASCII text with every other
    byte NUL), strict UTF-8, charset-normalizer's best guess (:func:`_detected_encoding`),
    cp1252, latin-1.

    Example:
        >>> decode("café".encode("cp1252"))
        'café'
    """
    _refuse_empty_or_binary(data, name)
    text = _decoded_by_bom(data, name)
    if text is not None:
        return text
    head = data[:8192]
    text = _decoded(data, _utf16_without_bom(head))
    if text is not None:
        return text
    if head.count(b"\x00") > len(head) // 20:
        raise BinaryInputError(f"{name}: contains many NUL bytes; it looks binary, not text")
    for encoding in _encodings_to_try(data):
        text = _decoded(data, encoding)
        if text is not None:
            return text
    raise DecodingError(f"{name}: cannot decode the bytes as text")  # pragma: no cover


def _refuse_empty_or_binary(data: bytes, name: str) -> None:
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"{name}: this is a {kind}, not text")


def _decoded_by_bom(data: bytes, name: str) -> str | None:
    """The text when the bytes start with a byte-order mark (None when they do not)."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as err:
                raise DecodingError(f"{name}: starts with a {enc} byte-order mark but is not {enc}: {err}") from err
    return None


def _decoded(data: bytes, encoding: str | None) -> str | None:
    """``data`` decoded as ``encoding``, or None when it is not in that encoding."""
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _encodings_to_try(data: bytes) -> Iterator[str | None]:
    """Strict UTF-8, then the detected encoding (detection runs only if UTF-8 failed), then
    cp1252 and latin-1."""
    yield "utf-8"
    yield _detected_encoding(data)
    yield "cp1252"
    yield "latin-1"


def _detected_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, preferring cp1252 among equally good single-byte code
    pages (None when it has no guess)."""
    try:
        from charset_normalizer import from_bytes

        # detection needs some text to work on; short snippets are read as cp1252 after it
        matches = list(from_bytes(data[:1_000_000])) if len(data) >= 64 else []
    except Exception:  # pragma: no cover - detector failure falls back to cp1252/latin-1
        matches = []
    if not matches:
        return None
    # several single-byte code pages often fit equally well; among the least chaotic
    # candidates prefer cp1252, the usual encoding of Western news text
    least = min(m.chaos for m in matches)
    # without a byte-order mark, multi-byte guesses on NUL-free bytes are noise
    tied = [m.encoding for m in matches if m.chaos <= least + 0.01
            and not m.encoding.replace("-", "_").lower().startswith(("utf_16", "utf_32"))]
    return "cp1252" if "cp1252" in tied or not tied else tied[0]


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like mostly-ASCII UTF-16 text with no BOM."""
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------- helpers


def _pick(record: Mapping, field: str, fields: Mapping[str, str | Iterable[str]] | None):
    names = (fields or {}).get(field) or DEFAULT_FIELDS[field]
    if isinstance(names, str):
        names = (names,)
    lower = {str(k).lower(): k for k in record}
    for name in names:
        key = name if name in record else lower.get(name.lower())
        if key is not None:
            value = record[key]
            if value is None or (isinstance(value, float) and value != value):  # NaN from CSV
                continue
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value)
            return value
    return None


def article_from_record(record: Mapping, fields, name: str, index: int | None) -> Article:
    """Clean one JSON/CSV record into an Article (``fields`` maps Article fields to keys).

    Raises FormatError when the record is not an object or has no text field.
    """
    if not isinstance(record, Mapping):
        raise FormatError(f"{name}: record {index} is a {type(record).__name__}, not an object")
    body = _pick(record, "text", fields)
    if body is None or not str(body).strip():
        wanted = (fields or {}).get("text") or DEFAULT_FIELDS["text"]
        raise FormatError(
            f"{name}: record {index} has no text field (looked for {wanted}; "
            f"it has {sorted(map(str, record))}); pass fields={{'text': 'your_column'}}"
        )
    rid = _pick(record, "id", fields)
    return clean(
        str(body),
        title=_str_or_none(_pick(record, "title", fields)),
        published=_pick(record, "published", fields),
        updated=_pick(record, "updated", fields),
        byline=_str_or_none(_pick(record, "byline", fields)),
        source=_str_or_none(_pick(record, "source", fields)),
        url=_str_or_none(_pick(record, "url", fields)),
        id=str(rid) if rid is not None else (f"{Path(name).stem}:{index}" if index is not None else Path(name).stem),
        path=name if name != "<string>" else None,
    )


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _from_html(text: str, name: str) -> Article:
    try:
        import trafilatura
    except ImportError as err:
        raise missing_extra("trafilatura", "html") from err
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise FormatError(f"{name}: no article text found in the HTML")
    article = clean(
        body,
        title=doc.title,
        published=doc.date,
        byline=doc.author,
        source=doc.sitename if getattr(doc, "sitename", None) != getattr(doc, "hostname", None) else None,
        url=doc.url,
        id=Path(name).stem if name != "<string>" else None,
        path=name if name != "<string>" else None,
        captions=[c for c in _figure_captions(text) if c],
    )
    if not article.text:
        raise FormatError(f"{name}: the HTML holds no article text once page furniture is removed")
    return article


def _figure_captions(html_text: str) -> list[str]:
    """The ``<figcaption>`` texts of a page (trafilatura drops them; they are kept as metadata).

    Captions are a bonus: markup that lxml cannot parse (its documented errors) gives none.
    """
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html_text)
    except (ValueError, etree.LxmlError):
        return []
    return [" ".join(c.text_content().split()) for c in tree.iter("figcaption")]


def _records(text: str, fmt: str, name: str, fields):
    """Yield (index, Article | LoadError) for every record of a multi-record text."""
    if fmt == "jsonl":
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield i, article_from_record(record, fields, name, i)
            except json.JSONDecodeError as err:
                yield i, LoadError(name, f"line {i} is not valid JSON: {err.msg} (column {err.colno})",
                                   "FormatError", i)
            except NewskitError as err:
                yield i, LoadError(name, str(err), type(err).__name__, i)
    elif fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise FormatError(f"{name}: not valid JSON: {err.msg} (line {err.lineno})") from err
        items = data if isinstance(data, list) else data.get("articles", [data]) if isinstance(data, dict) else None
        if items is None:
            raise FormatError(f"{name}: JSON must be an object or a list of objects")
        for i, record in enumerate(items):
            try:
                yield i, article_from_record(record, fields, name, i)
            except NewskitError as err:
                yield i, LoadError(name, str(err), type(err).__name__, i)
    elif fmt in ("csv", "tsv"):
        import sys

        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if fmt == "tsv" else ",")
        for i, row in enumerate(reader, 1):
            try:
                yield i, article_from_record(row, fields, name, i)
            except NewskitError as err:
                yield i, LoadError(name, str(err), type(err).__name__, i)
    else:  # pragma: no cover - guarded by callers
        raise ValueError(fmt)


def _guess_format(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith("{") and "\n{" in text.strip():
        return "jsonl"
    if head.startswith(("{", "[")):
        return "json"
    return "txt"


def _check_format(fmt: str | None) -> str | None:
    valid = sorted(set(FORMATS.values()))
    if fmt is not None and fmt not in valid:
        raise ValueError(f"format must be one of {valid} or None, not {fmt!r}")
    return fmt


def _read_path(path: Path, max_bytes: int) -> str:
    if not path.exists():
        raise SourceNotFoundError(f"{path}: no such file")
    if path.is_dir():
        raise SourceNotFoundError(f"{path}: is a directory; use newskit.load_corpus for many files")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (pass max_bytes=)")
    return decode(path.read_bytes(), str(path))


#: The longest str taken for a path (longer strings are always text).
MAX_PATH_CHARS = 1024

#: One token of the characters of ordinary paths and file names: letters, digits, ``_ . - ~ + @
#: % , = :`` and the separators ``/`` ``\``; no white space, no markup or JSON (``< > { } " '``).
_PATH_TOKEN = re.compile(r"[\w.\-~+@%,=:/\\]+")


def looks_like_path(source: str) -> bool:
    """Whether :func:`load` reads a ``str`` as a path; otherwise the str is the article text.

    The rule: a str is a path when it is a single line, not blank, shorter than
    ``MAX_PATH_CHARS``, and either

    - names a file or folder that exists, or
    - is one token of path characters (letters, digits, ``_ . - ~ + @ % , = :`` and ``/``;
      no white space, no markup or JSON) that ends in a supported extension (``.txt``,
      ``.html``, ``.json``, ``.jsonl``, ``.csv`` … see ``FORMATS``) or contains a path
      separator, such as ``"news/2019/a.txt"``; when no such file exists, ``load`` raises
      :class:`~newskit.errors.SourceNotFoundError`.

    Anything else is text: several words, sentences, line breaks, HTML or JSON. A
    ``pathlib.Path`` is always a path (this function is not asked), and ``bytes`` are always
    content.

    Example:
        >>> looks_like_path("news/2019/article.txt"), looks_like_path("See the full results.html")
        (True, False)
    """
    if not source.strip() or len(source) >= MAX_PATH_CHARS or len(source.splitlines()) != 1:
        return False
    if os.path.exists(source):
        return True
    if not _PATH_TOKEN.fullmatch(source):
        return False
    return Path(source).suffix.lower() in FORMATS or "/" in source or os.sep in source


# --------------------------------------------------------------------------- public


def load(source, format: str | None = None, *, fields: Mapping[str, str] | None = None,
         max_bytes: int = MAX_BYTES):
    """Load one source into an :class:`Article` (or a list of them for multi-record files).

    Args:
        source: a path (``str`` or ``Path``) to a ``.txt``, ``.html``, ``.json``, ``.jsonl``
            or ``.csv`` file; or the text itself (``str``), or raw ``bytes``. A ``Path`` is
            always a path and ``bytes`` always content. A ``str`` is a path only when it is one
            line that names an existing file, or holds no white space and ends in a supported
            extension or contains a ``/`` (``"news/a.txt"``: a missing file then raises
            SourceNotFoundError); any other str — several words, sentences, line breaks — is
            the article text (see :func:`looks_like_path`). To read a one-word str such as
            ``"24/7"`` as text, pass ``newskit.clean(text)`` or ``text.encode()``.
        format: ``"txt"``, ``"html"``, ``"json"``, ``"jsonl"``, ``"csv"``, ``"tsv"`` or None
            to guess from the file extension or the content.
        fields: for JSON/CSV, which field holds what, e.g. ``{"text": "body", "published":
            "date"}``; by default common names are tried (see ``DEFAULT_FIELDS``).
        max_bytes: refuse larger inputs with :class:`~newskit.errors.InputTooLargeError`.

    Returns:
        An ``Article`` for text and HTML (and a JSON object); a ``list[Article]`` for JSON
        Lines, CSV and JSON arrays. Use :func:`load_corpus` to stream large files instead.

    Raises:
        SourceNotFoundError, EmptyInputError, BinaryInputError, DecodingError, FormatError,
        InputTooLargeError (all :class:`~newskit.errors.NewskitError`).

    Example:
        >>> art = load("Storm hits coast\\nBy Ann Lee\\nPORT MARIN — Winds of 140 km/h hit the coast.")
        >>> art.title, art.byline, art.dateline
        ('Storm hits coast', 'Ann Lee', 'PORT MARIN')
        >>> load("The ministry said on Friday that the final figures are published at example.org/results.html").text[-12:]
        'results.html'
    """
    fmt = _check_format(format)
    if isinstance(source, (bytes, bytearray)):
        if len(source) > max_bytes:
            raise InputTooLargeError(f"input of {len(source):,} bytes is over the limit of {max_bytes:,}")
        text, name = decode(bytes(source)), "<bytes>"
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and looks_like_path(source)):
        path = Path(source)
        text, name = _read_path(path, max_bytes), str(path)
        fmt = fmt or FORMATS.get(path.suffix.lower())
    elif isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLargeError(f"input of {len(source):,} characters is over the limit of {max_bytes:,}")
        text, name = source, "<string>"
    else:
        raise TypeError(f"load expects a path, str or bytes, not {type(source).__name__}")
    if not text.strip():
        raise EmptyInputError(f"{name}: no text")
    fmt = fmt or _guess_format(text)
    if fmt == "html":
        return _from_html(text, name)
    if fmt == "txt":
        stem = Path(name).stem if name not in ("<string>", "<bytes>") else None
        return clean(text, id=stem, path=name if stem else None)
    items = []
    for _, item in _records(text, fmt, name, fields):
        if isinstance(item, LoadError):
            raise FormatError(f"{item.path} record {item.record}: {item.reason}")
        items.append(item)
    if fmt == "json" and len(items) == 1 and text.lstrip().startswith("{"):
        return items[0]
    return items


def expand_sources(sources) -> Iterator[str | Path]:
    """Files of a corpus: paths, directories (recursively), glob patterns, in sorted order.

    A path that does not exist (or a glob matching nothing) is yielded as it is, so that the
    caller reports it as not found.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for src in sources:
        src_str = str(src)
        if any(ch in src_str for ch in "*?[") and not os.path.exists(src_str):
            matches = sorted(glob.glob(src_str, recursive=True))
            if not matches:
                yield Path(src_str)  # reported as not found
            yield from (Path(m) for m in matches if os.path.isfile(m))
        elif os.path.isdir(src_str):
            for root, dirs, files in os.walk(src_str):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        else:
            yield Path(src_str)


def load_corpus(sources, format: str | None = None, *, fields: Mapping[str, str] | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Article | LoadError]:
    """Lazily yield the Articles of many files; a bad document yields a :class:`LoadError`.

    Args:
        sources: a path, a directory (read recursively; hidden files skipped), a glob
            pattern (``"data/**/*.jsonl"``), or a list of any of these.
        format, fields, max_bytes: as for :func:`load` (``format`` applies to every file).

    Yields:
        ``Article`` for each article (several per JSONL/CSV file) and ``LoadError`` for each
        file or record that could not be read. Nothing is skipped silently.

    Example:
        >>> from newskit.samples import SAMPLES_DIR
        >>> items = list(load_corpus(SAMPLES_DIR))
        >>> sum(isinstance(a, Article) for a in items)
        7
    """
    _check_format(format)
    for path in expand_sources(sources):
        name = str(path)
        try:
            text = _read_path(Path(path), max_bytes)
            fmt = format or FORMATS.get(Path(path).suffix.lower()) or _guess_format(text)
            if fmt in ("txt", "html"):
                yield _from_html(text, name) if fmt == "html" else clean(text, id=Path(path).stem, path=name)
            else:
                for _, item in _records(text, fmt, name, fields):
                    yield item
        except NewskitError as err:
            yield LoadError(name, str(err), type(err).__name__)
        except (OSError, ValueError, RecursionError, MemoryError) as err:
            yield LoadError(name, f"{type(err).__name__}: {err}", type(err).__name__)


def corpus_frame(sources, format: str | None = None, *, fields: Mapping[str, str] | None = None,
                 progress: bool = False):
    """Load a corpus into a pandas DataFrame: one row per article, one per error.

    Error rows have the ``error`` and ``reason`` columns set and no text; filter them with
    ``df[df.error.isna()]``. The columns and their dtypes are ``CORPUS_FRAME_COLUMNS``
    (through :mod:`newskit.tables`, like every frame newskit makes).

    Example:
        >>> from newskit.samples import SAMPLES_DIR
        >>> df = corpus_frame(SAMPLES_DIR)
        >>> int(df.error.isna().sum())
        7
    """
    rows = []
    items = load_corpus(sources, format, fields=fields)
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="loading", unit="doc")
    for item in items:
        if isinstance(item, LoadError):
            rows.append({"path": item.path, "record": item.record, "error": item.error, "reason": item.reason})
        else:
            row = item.to_dict()
            row.update(error=None, reason=None)
            rows.append(row)
    return typed_frame(rows, CORPUS_FRAME_COLUMNS)

