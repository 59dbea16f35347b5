"""WeChat's callback signatures and safe-mode encryption (消息加解密).

Every callback carries ``signature`` = SHA-1 of token, timestamp and nonce sorted and
joined; in safe mode the message itself is ``Encrypt``: AES-256-CBC with the key the
EncodingAESKey stands for (IV = its first 16 bytes) over random(16) + length(4, network
order) + message + appid, PKCS#7-padded to 32-byte blocks (not AES's 16), base64; and
``msg_signature`` signs token, timestamp, nonce and that ciphertext.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32  # WeChat pads to 32 bytes, not to the AES block


class CryptoError(ValueError):
    """A message that does not decrypt, or was not meant for this account."""


def sign(*parts: str) -> str:
    """SHA-1 hex of the parts sorted and joined: ``signature`` and ``msg_signature``."""
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def signed(expected: str, *parts: str) -> bool:
    """Whether ``expected`` is the signature of the parts (compared in constant time)."""
    return hmac.compare_digest(sign(*parts), expected.lower())


def pad(data: bytes) -> bytes:
    n = BLOCK - len(data) % BLOCK
    return data + bytes([n]) * n


def unpad(data: bytes) -> bytes:
    n = data[-1] if data else 0
    if not 1 <= n <= BLOCK or data[-n:] != bytes([n]) * n:
        raise CryptoError("bad padding")
    return data[:-n]


class MessageCipher:
    """Encrypts and decrypts one account's messages."""

    def __init__(self, key: bytes, appid: str) -> None:
        if len(key) != 32:
            raise ValueError("the AES key must be 32 bytes")
        self._cipher = Cipher(algorithms.AES(key), modes.CBC(key[:16]))
        self.appid = appid

    def encrypt(self, message: str, random16: bytes | None = None) -> str:
        body = message.encode()
        nonce = random16 if random16 is not None else os.urandom(16)
        plain = nonce + struct.pack(">I", len(body)) + body + self.appid.encode()
        enc = self._cipher.encryptor()
        return base64.b64encode(enc.update(pad(plain)) + enc.finalize()).decode()

    def decrypt(self, encrypted: str) -> str:
        try:
            raw = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError):
            raise CryptoError("Encrypt is not base64") from None
        if not raw or len(raw) % 16:
            raise CryptoError("Encrypt is not whole AES blocks")
        dec = self._cipher.decryptor()
        plain = unpad(dec.update(raw) + dec.finalize())
        if len(plain) < 20:
            raise CryptoError("Encrypt is too short")
        (length,) = struct.unpack(">I", plain[16:20])
        body, appid = plain[20 : 20 + length], plain[20 + length :]
        if len(body) != length or appid.decode(errors="replace") != self.appid:
            raise CryptoError("the message is for another account")
        try:
            return body.decode()
        except UnicodeDecodeError:
            raise CryptoError("the message is not UTF-8") from None
