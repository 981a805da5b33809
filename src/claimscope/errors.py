"""One exception hierarchy for everything claimscope refuses or cannot do.

Every error carries a message that says what was wrong and what to do about it, and an
``exit_code`` that the CLI uses so that scripts can tell failures apart without parsing text.

Example:
    >>> from claimscope.errors import EmptyInputError
    >>> try:
    ...     raise EmptyInputError("the article is empty")
    ... except EmptyInputError as err:
    ...     err.exit_code
    10
"""

from __future__ import annotations


class ClaimscopeError(Exception):
    """Base class of every error claimscope raises on purpose."""

    exit_code: int = 1


class InvalidOptionError(ClaimscopeError):
    """An option or argument has a value claimscope cannot use."""

    exit_code = 2


class InputError(ClaimscopeError):
    """The input cannot be analysed as an article."""

    exit_code = 9


class EmptyInputError(InputError):
    """The input holds no text (empty or only whitespace)."""

    exit_code = 10


class BinaryInputError(InputError):
    """The input looks like binary data (an image, a PDF, an archive), not text."""

    exit_code = 11


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    exit_code = 12


class EncodingError(InputError):
    """The bytes could not be decoded as text in any detectable encoding."""

    exit_code = 13


class UnsupportedLanguageError(InputError):
    """The article is not in a language claimscope analyses (English)."""

    exit_code = 14


class SourceNotFoundError(InputError):
    """A file or record named as the source does not exist or cannot be read."""

    exit_code = 15


class FetchError(ClaimscopeError):
    """A URL could not be fetched (unreachable, timed out, HTTP error, too many redirects)."""

    exit_code = 20


class PrivateAddressError(FetchError):
    """A URL points at a private, loopback, link-local or reserved address."""

    exit_code = 21


class ContentTypeError(FetchError):
    """A URL answered with content that is not an HTML or text document."""

    exit_code = 22


class ModelError(ClaimscopeError):
    """A model that claimscope needs is not installed or could not be loaded."""

    exit_code = 30
