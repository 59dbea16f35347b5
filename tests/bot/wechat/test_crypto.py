"""Signatures and safe-mode encryption, cross-checked against wechatpy (tests only)."""

from __future__ import annotations

import base64

import pytest
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import check_signature

from bot.wechat.crypto import CryptoError, MessageCipher, pad, sign, signed, unpad
from bot.wechat.settings import aes_key

TOKEN = "paperboy"
APPID = "wx0123456789abcdef"
KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
MESSAGE = "<xml><Content><![CDATA[今日要闻 & 非遗]]></Content></xml>"


def cipher() -> MessageCipher:
    return MessageCipher(aes_key(KEY), APPID)


def test_the_callback_signature_is_what_wechatpy_checks() -> None:
    """signature = SHA-1 of token, timestamp and nonce sorted: wechatpy accepts ours."""
    signature = sign(TOKEN, "1700000000", "nonce42")
    check_signature(TOKEN, signature, "1700000000", "nonce42")  # raises when wrong
    assert signed(signature, "1700000000", TOKEN, "nonce42")
    assert not signed(signature, TOKEN, "1700000001", "nonce42")


def test_wechatpy_decrypts_what_we_encrypt() -> None:
    """A reply we encrypt and sign, wechatpy decrypts to the same text."""
    encrypted = cipher().encrypt(MESSAGE)
    msg_signature = sign(TOKEN, "1700000000", "n1", encrypted)
    envelope = {"Encrypt": encrypted}
    theirs = WeChatCrypto(TOKEN, KEY, APPID)
    assert theirs.decrypt_message(envelope, msg_signature, "1700000000", "n1") == MESSAGE


def test_we_decrypt_what_wechatpy_encrypts() -> None:
    """A message wechatpy encrypts (as WeChat's servers do) decrypts to the same text."""
    theirs = WeChatCrypto(TOKEN, KEY, APPID)
    xml = theirs.encrypt_message(MESSAGE, "n2", "1700000000")
    encrypted = xml.split("<Encrypt><![CDATA[")[1].split("]]>")[0]
    assert cipher().decrypt(encrypted) == MESSAGE


def test_padding_fills_32_byte_blocks() -> None:
    """PKCS#7 to 32 bytes: always 1 to 32 bytes added, and taken off again."""
    for n in (0, 1, 31, 32, 33):
        padded = pad(b"x" * n)
        assert len(padded) % 32 == 0 and 1 <= len(padded) - n <= 32
        assert unpad(padded) == b"x" * n


@pytest.mark.parametrize(
    "encrypted",
    ["not base64!", base64.b64encode(b"short").decode(), base64.b64encode(b"\0" * 32).decode()],
)
def test_garbage_is_refused_with_a_crypto_error(encrypted: str) -> None:
    """Bad base64, partial blocks and bad padding raise CryptoError, nothing else."""
    with pytest.raises(CryptoError):
        cipher().decrypt(encrypted)


def test_a_message_for_another_account_is_refused() -> None:
    """The appid inside the ciphertext must be ours."""
    other = MessageCipher(aes_key(KEY), "wxother").encrypt(MESSAGE)
    with pytest.raises(CryptoError, match="another account"):
        cipher().decrypt(other)
