"""Plain text: decoding bytes, normalising, and refusing what is not an article."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from claimscope.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

# Control characters other than tab, newline, carriage return and form feed; many of them in a
# text mean it is binary data that happened to decode.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Signatures of binary formats. Short ones that prose can begin with ("MZ" of Windows
# executables) are left out on purpose: those files hold NUL bytes early, which is tested anyway.
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"RIFF",
    b"\x00\x00\x01\x00",
)


def looks_binary(text: str) -> bool:
    """True when a decoded string is mostly control characters (binary data, not prose)."""
    if "\x00" in text:
        return True
    sample = text[:20_000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.01


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one. A BOM is
# the strongest evidence of an encoding there is, so it wins over any declaration.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding that a byte-order mark at the start of ``data`` announces, if any.

    Example:
        >>> bom_encoding("text".encode("utf-16"))
        'utf-16'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes by their byte-order mark, else as the declared encoding, UTF-8 or detected.

    Raises:
        EmptyInputError: when there are no bytes.
        BinaryInputError: when the bytes are a known binary format or hold NUL bytes.
        EncodingError: when no encoding decodes them into text.
    """
    if not data.strip():
        raise EmptyInputError("the input is empty: give an article with some text")
    bom = bom_encoding(data)
    # UTF-16 and UTF-32 text is full of NUL bytes, so the binary test only applies without a BOM.
    if bom is None and (data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]):
        raise BinaryInputError(
            "the input looks like binary data (an image, PDF or archive), not text: "
            "give a text or HTML file"
        )
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as err:
            raise EncodingError(
                f"the input starts with a {bom} byte-order mark but is not valid {bom}: "
                "save it again as UTF-8"
            ) from err
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(
            "could not decode the input as text in any known encoding: save it as UTF-8"
        )
    return str(best)


def normalize_text(text: str) -> str:
    """The text every span points into: NFC, Unix newlines, no BOM, no trailing blanks."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.strip()


def check_text(text: str, *, max_chars: int) -> None:
    """Refuse text that is empty, binary or too large, with a message that says what to do."""
    if not text.strip():
        raise EmptyInputError("the input is empty or only whitespace: give an article with text")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"the article has {len(text):,} characters, above the limit of {max_chars:,}: "
            "raise it with --max-chars (or AnalyzeOptions.max_chars) if this is intended"
        )
    if looks_binary(text):
        raise BinaryInputError(
            "the input looks like binary data, not text: give a text or HTML article"
        )


def text_id(text: str) -> str:
    """A stable article id: the first 16 hex digits of SHA-256 over whitespace-collapsed text."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:16]
