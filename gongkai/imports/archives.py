"""Files of an upload: uploaded files as they are, and zip archives unpacked in
memory with limits.  Pure: no database, nothing written to disk.

A zip is refused as a whole (never half-unpacked) when it is not a zip, is
encrypted, names a member outside itself (``..``, an absolute path, a drive), holds
a link, has more members or bigger contents than the limits allow, or compresses
more than ``MAX_RATIO`` to one (a zip bomb).  Sizes are checked twice: the sizes
the zip declares, and the bytes actually inflated (a forged header cannot make a
member bigger than its declared size unnoticed).
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath
from typing import Any, Protocol

from gongkai.imports.errors import UploadRefused
from gongkai.imports.services.importing import FOLDER_SUFFIXES

#: A member inflating to more than this many times its compressed size is refused
#: (text reports compress about 5–10 to one; a zip bomb a thousand and more).
MAX_RATIO = 100
_CHUNK = 1 << 16


class Readable(Protocol):
    """An open file: an uploaded file, a file opened in binary mode."""

    def read(self, *args: Any) -> Any: ...


@dataclass(frozen=True)
class Limits:
    max_files: int  # report files in one upload
    max_total_bytes: int  # all files together, unpacked
    max_file_bytes: int  # one file, unpacked


@dataclass(frozen=True)
class Member:
    path: str  # the name shown: the upload's name, then the path inside a zip
    data: bytes


@dataclass
class Unpacked:
    files: list[Member] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # path, reason

    def add(self, member: Member, limits: Limits) -> None:
        self.files.append(member)
        if len(self.files) > limits.max_files:
            raise UploadRefused(
                f"文件太多：一次最多导入 {limits.max_files} 个报告文件。"
                "请分成几次上传。"
            )
        if sum(len(m.data) for m in self.files) > limits.max_total_bytes:
            raise UploadRefused(
                f"文件总大小超过上限 {_mb(limits.max_total_bytes)}（解压后）。"
                "请分成几次上传。"
            )

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append({"path": path, "reason": reason})


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB" if size >= 1 << 20 else f"{size} 字节"


def _importable(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in FOLDER_SUFFIXES


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith((".", "~$")) or p == "__MACOSX" for p in parts)


def unpack_uploads(
    uploads: Iterable[tuple[str, Readable]], *, limits: Limits
) -> Unpacked:
    """The report files of an upload: each ``(name, file)`` is a report file or a
    zip of them.  Raises UploadRefused (the message says what and how to fix)."""
    out = Unpacked()
    for name, stream in uploads:
        if name.lower().endswith(".zip"):
            _unpack_zip(name, stream, out, limits)
        elif not _importable(name):
            out.skip(name, "不是可导入的报告文件（.txt .md .htm .html .docx .pdf）")
        else:
            data = _read_limited(stream, limits.max_file_bytes, name)
            if not data:
                out.skip(name, "是空文件")
            else:
                out.add(Member(name, data), limits)
    if not out.files:
        raise UploadRefused(
            "上传的文件中没有可导入的报告文件（.txt .md .htm .html .docx .pdf，"
            "或包含它们的 zip 压缩包）。"
        )
    return out


def _read_limited(stream: Readable, limit: int, name: str) -> bytes:
    data = bytes(stream.read(limit + 1))
    if len(data) > limit:
        raise UploadRefused(f"「{name}」超过单个文件的大小上限 {_mb(limit)}。")
    return data


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker wrote it: zips made on Chinese Windows store
    GBK names without the UTF-8 flag, which Python reads as code page 437."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _safe_parts(name: str, archive: str) -> tuple[str, ...]:
    posix = name.replace("\\", "/")
    parts = PurePosixPath(posix).parts
    if (
        posix.startswith("/")
        or (len(posix) > 1 and posix[1] == ":")
        or ".." in parts
        or "\x00" in posix
    ):
        raise UploadRefused(
            f"压缩包「{archive}」中的文件名「{name}」指向压缩包以外（含 .. 或绝对路径），"
            "已拒绝整个压缩包。请重新打包后上传。"
        )
    return parts


def _unpack_zip(name: str, stream: Readable, out: Unpacked, limits: Limits) -> None:
    raw = _read_limited(stream, limits.max_total_bytes, name)
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise UploadRefused(
            f"「{name}」不是有效的 zip 压缩包（可能已损坏或只上传了一部分）。"
        ) from None
    members = [i for i in infos if not i.is_dir()]
    if len(members) > limits.max_files:
        raise UploadRefused(
            f"压缩包「{name}」中有 {len(members)} 个文件，超过上限 "
            f"{limits.max_files} 个。请分成几个压缩包上传。"
        )
    declared = sum(i.file_size for i in members)
    if declared > limits.max_total_bytes:
        raise UploadRefused(
            f"压缩包「{name}」解压后有 {_mb(declared)}，超过上限 "
            f"{_mb(limits.max_total_bytes)}。请分成几个压缩包上传。"
        )
    with archive:
        for info in members:
            _take(archive, info, name, out, limits)


def _take(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    out: Unpacked,
    limits: Limits,
) -> None:
    inner = _member_name(info)
    parts = _safe_parts(inner, name)
    shown = f"{name}/{'/'.join(parts)}"
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UploadRefused(
            f"压缩包「{name}」中的「{inner}」是符号链接，已拒绝整个压缩包。"
        )
    if info.flag_bits & 0x1:
        raise UploadRefused(f"压缩包「{name}」有密码保护，无法解压。请去掉密码后上传。")
    if _hidden(parts):
        return  # system files (__MACOSX, .DS_Store, ~$ lock files)
    if not _importable(inner):
        out.skip(shown, "不是可导入的报告文件（.txt .md .htm .html .docx .pdf）")
        return
    if info.file_size > limits.max_file_bytes:
        raise UploadRefused(
            f"压缩包「{name}」中的「{inner}」解压后有 {_mb(info.file_size)}，"
            f"超过单个文件的上限 {_mb(limits.max_file_bytes)}。"
        )
    if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(
        1, info.compress_size
    ):
        raise _bomb(name, inner)
    data = _inflate(archive, info, name, inner)
    if not data:
        out.skip(shown, "是空文件")
        return
    out.add(Member(shown, data), limits)


def _bomb(name: str, inner: str) -> UploadRefused:
    return UploadRefused(
        f"压缩包「{name}」中的「{inner}」压缩比异常（超过 {MAX_RATIO} 倍），"
        "疑为“压缩炸弹”，已拒绝整个压缩包。"
    )


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, inner: str
) -> bytes:
    """The member's bytes, never more than it declared (nor the ratio allows)."""
    allowed = info.file_size
    chunks: list[bytes] = []
    got = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                got += len(chunk)
                if got > allowed:
                    raise _bomb(name, inner)
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise UploadRefused(
            f"压缩包「{name}」中的「{inner}」无法解压（{exc}）。请重新打包后上传。"
        ) from None
    except NotImplementedError:
        raise UploadRefused(
            f"压缩包「{name}」中的「{inner}」使用了不支持的压缩方式。"
            "请用常见的 zip（deflate）格式重新打包。"
        ) from None
    return b"".join(chunks)
