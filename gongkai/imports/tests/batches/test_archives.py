"""Unpacking uploads: zips in memory, with limits; anything unsafe refuses the whole
upload with a message that says what and how to fix.  No database."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from gongkai.imports.archives import Limits, unpack_uploads
from gongkai.imports.errors import UploadRefused

LIMITS = Limits(max_files=10, max_total_bytes=1 << 20, max_file_bytes=1 << 18)


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def unpack(*uploads: tuple[str, bytes], limits: Limits = LIMITS):
    return unpack_uploads(
        [(name, io.BytesIO(data)) for name, data in uploads], limits=limits
    )


def refused(*uploads: tuple[str, bytes], limits: Limits = LIMITS) -> str:
    with pytest.raises(UploadRefused) as exc:
        unpack(*uploads, limits=limits)
    return exc.value.message


def test_files_and_zip_members_with_their_paths() -> None:
    data = make_zip(
        {
            "2022/甲县.txt": b"report a",
            "2022/乙县.pdf": b"%PDF report b",
            "readme.xlsx": b"not a report",
            "__MACOSX/2022/._甲县.txt": b"junk",
            ".DS_Store": b"junk",
            "2022/": b"",
            "empty.txt": b"",
        }
    )
    got = unpack(("省.zip", data), ("丙县.html", b"<p>report c</p>"))
    assert [(m.path, m.data) for m in got.files] == [
        ("省.zip/2022/甲县.txt", b"report a"),
        ("省.zip/2022/乙县.pdf", b"%PDF report b"),
        ("丙县.html", b"<p>report c</p>"),
    ]
    assert [s["path"] for s in got.skipped] == [
        "省.zip/readme.xlsx",
        "省.zip/empty.txt",
    ]


def test_gbk_names_from_chinese_windows_are_read() -> None:
    gbk = "甲县年报.txt".encode("gbk")  # no UTF-8 flag, as Windows zips them
    placeholder = b"x" * (len(gbk) - 4) + b".txt"
    data = make_zip({placeholder.decode(): b"report"}).replace(placeholder, gbk)
    got = unpack(("a.zip", data))
    assert got.files[0].path == "a.zip/甲县年报.txt"


@pytest.mark.parametrize(
    "name",
    ["../etc/passwd.txt", "/abs/a.txt", "a/../../b.txt", "C:/x.txt", "..\\win.txt"],
)
def test_path_traversal_refuses_the_whole_zip(name: str) -> None:
    message = refused(("a.zip", make_zip({"ok.txt": b"fine", name: b"evil"})))
    assert "指向压缩包以外" in message
    assert "已拒绝整个压缩包" in message


def test_a_symlink_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert "符号链接" in refused(("a.zip", buffer.getvalue()))


def test_a_zip_bomb_is_refused() -> None:
    bomb = make_zip({"bomb.txt": b"0" * (200 * 1024)})
    assert "压缩炸弹" in refused(("bomb.zip", bomb))


def test_sizes_beyond_the_limits_are_refused() -> None:
    big = bytes(range(256)) * 1200  # 300 KB, compresses badly: not a bomb
    assert "超过单个文件的上限" in refused(("a.zip", make_zip({"big.txt": big})))
    assert "超过单个文件的大小上限" in refused(("big.txt", big))
    many = {f"{i}.txt": b"r" for i in range(11)}
    assert "超过上限 10 个" in refused(("a.zip", make_zip(many)))
    loose = [(f"{i}.txt", b"r") for i in range(11)]
    assert "一次最多导入 10 个报告文件" in refused(*loose)
    small = Limits(max_files=10, max_total_bytes=1000, max_file_bytes=1000)
    assert "超过上限" in refused(
        ("a.zip", make_zip({"a.txt": b"a" * 600, "b.txt": b"b" * 600})), limits=small
    )


def test_a_forged_size_cannot_smuggle_more_bytes() -> None:
    data = bytearray(make_zip({"a.txt": b"x" * 5000}))
    # Lower the declared size in the central directory (offset 24 of the entry).
    at = data.rfind(b"PK\x01\x02")
    data[at + 24 : at + 28] = (10).to_bytes(4, "little")
    message = refused(("a.zip", bytes(data)))
    assert "无法解压" in message or "压缩炸弹" in message


def test_not_a_zip_and_nothing_importable() -> None:
    assert "不是有效的 zip 压缩包" in refused(("a.zip", b"PK\x03\x04 broken"))
    assert "没有可导入的报告文件" in refused(("a.xlsx", b"x"))
    assert "没有可导入的报告文件" in refused(("a.zip", make_zip({"a.csv": b"1"})))


def test_an_encrypted_member_is_refused() -> None:
    data = bytearray(make_zip({"a.txt": b"secret"}))
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(marker)
        offset = 6 if marker == b"PK\x03\x04" else 8
        data[at + offset] |= 0x1
    assert "有密码保护" in refused(("a.zip", bytes(data)))
