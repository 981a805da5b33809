"""Plain text: decoding bytes, normalising, and refusing what is not an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from claimscope.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

# Control characters other than tab, newline, carriage return and form feed; many of them in a
# text mean it is binary data that happened to decode.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"MZ",
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


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode bytes as UTF-8, else as the declared or detected encoding.

    Raises:
        EmptyInputError: when there are no bytes.
        BinaryInputError: when the bytes are a known binary format or hold NUL bytes.
        EncodingError: when no encoding decodes them into text.
    """
    if not data.strip():
        raise EmptyInputError("the input is empty: give an article with some text")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOMs carry NUL bytes
            raise BinaryInputError(
                "the input looks like binary data (an image, PDF or archive), not text: "
                "give a text or HTML file"
            )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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
