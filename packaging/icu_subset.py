"""Make a smaller libicudata.so for the frozen app: ICU's data for English and Chinese only.

Qt's libicudata.so.73 (PySide6 wheel) is ICU's whole data package, 30.6 MB: every locale's
collation, calendar, number and break-iterator data and all legacy codepage converters. The app
speaks English and Simplified Chinese, and Qt uses ICU for collation, case mapping, text
boundaries and codecs; UTF-8/16 need no converter table. This script reads the package out of
the library (ELF symbol icudtNN_dat), keeps every item except legacy converter tables (`*.cnv`),
the word-break dictionaries of other scripts and the locale data of languages other than en/zh
(root and every non-locale table stay), and writes a new library with the same soname and symbol
(assembled with binutils' `as` and `ld`; no C compiler needed). The ICU package format is
"common data" (CmnD): a header, a table of contents sorted by item name, items aligned to 16.

    python3 packaging/icu_subset.py IN/libicudata.so.73 OUT/libicudata.so.73 [--list]
"""
from __future__ import annotations

import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile

KEEP_LANGUAGES = ("en", "zh")
DROP_DICTS = ("thaidict", "laodict", "burmesedict", "khmerdict")
LOCALE_NAME = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*$")


def _elf_symbol(blob: bytes, prefix: bytes) -> tuple[bytes, int, int]:
    """(name, file offset, size) of the first dynamic symbol whose name starts with prefix."""
    assert blob[:4] == b"\x7fELF" and blob[4] == 2 and blob[5] == 1, "not a 64-bit LE ELF"
    shoff, = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    dynstr = sections[dynsym[6]]
    for off in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", blob, off)
        end = blob.index(b"\0", dynstr[4] + st_name)
        name = blob[dynstr[4] + st_name:end]
        if name.startswith(prefix) and size:
            sec = sections[shndx]
            return name, sec[4] + (value - sec[3]), size
    raise ValueError(f"no symbol {prefix!r}")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    assert (magic1, magic2) == (0xDA, 0x27), "not ICU data"
    assert data[12:16] == b"CmnD", data[12:16]
    toc = header_size
    count, = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        name = data[toc + name_off:data.index(b"\0", toc + name_off)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(data) - toc
        items.append((name, data[toc + data_off:toc + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    count = len(items)
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    table_end = 4 + 8 * count + len(names)
    pos = (len(header) + table_end + 15) // 16 * 16 - len(header)  # items 16-aligned in the blob
    toc, name_pos, body = [struct.pack("<I", count)], 4 + 8 * count, bytearray()
    for name, item in items:
        toc.append(struct.pack("<II", name_pos, pos + len(body)))
        name_pos += len(name) + 1
        body += item
        body += b"\0" * (-len(body) % 16)
    out = header + b"".join(toc) + names
    out += b"\0" * (pos - (len(out) - len(header)))
    return out + bytes(body)


def keep(name: str) -> bool:
    path = name.split("/", 1)[1] if "/" in name else name  # drop the "icudt73l/" prefix
    base = path.rsplit("/", 1)[-1]
    if base.endswith(".cnv"):
        return False
    if base.endswith(".dict") and base[:-5] in DROP_DICTS:
        return False
    if base.endswith(".res"):
        m = LOCALE_NAME.match(base[:-4])
        if m and base[:-4] not in ("root", "pool"):
            return m.group(1) in KEEP_LANGUAGES
    return True


def build_library(package: bytes, symbol: str, soname: str, out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dat, asm, obj = (os.path.join(tmp, n) for n in ("icu.dat", "icu.s", "icu.o"))
        with open(dat, "wb") as f:
            f.write(package)
        with open(asm, "w") as f:
            f.write(f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
                    f'\t.balign 16\n{symbol}:\n\t.incbin "{dat}"\n'
                    f'\t.size {symbol}, {len(package)}\n'
                    f'\t.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", obj, asm], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack",
                        "-o", out, obj], check=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("source")
    p.add_argument("dest", nargs="?")
    p.add_argument("--list", action="store_true", help="print the items and what is dropped")
    args = p.parse_args(argv)
    blob = open(args.source, "rb").read()
    symbol, offset, size = _elf_symbol(blob, b"icudt")
    header, items = read_package(blob[offset:offset + size])
    kept = [(n, d) for n, d in items if keep(n)]
    if args.list:
        for n, d in items:
            print(f"{'keep' if keep(n) else 'drop'} {len(d):9d} {n}")
    package = write_package(header, kept)
    # the new package must read back exactly as the kept items
    assert read_package(package)[1] == kept
    print(f"ICU data {symbol.decode()}: {len(items)} items, {size / 2**20:.1f} MiB -> "
          f"{len(kept)} items, {len(package) / 2**20:.1f} MiB", file=sys.stderr)
    if args.dest:
        soname = os.path.basename(args.source)
        build_library(package, symbol.decode(), soname, args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
