#!/usr/bin/env python3
"""Writes a macOS .icns file from PNGs: icns.py OUT.icns a.png b.png ...

ICNS is a small container: the magic 'icns', the total length (big-endian uint32), then entries of
OSType (4 bytes) + entry length including its 8-byte header + data. Since macOS 10.7 every entry type below
holds a plain PNG, so no pixel conversion is needed. The type is chosen by the PNG's width (read from IHDR);
sizes that serve both as 1x and as 2x of a smaller size are written under both types.
"""
import struct
import sys

TYPES = {
    16: ["icp4"],
    32: ["icp5", "ic11"],    # 32x32, and 16x16@2x
    64: ["icp6", "ic12"],    # 64x64, and 32x32@2x
    128: ["ic07"],
    256: ["ic08", "ic13"],   # 256x256, and 128x128@2x
    512: ["ic09", "ic14"],   # 512x512, and 256x256@2x
    1024: ["ic10"],          # 512x512@2x
}


def png_width(data: bytes) -> int:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise SystemExit("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if width != height:
        raise SystemExit(f"icons must be square, got {width}x{height}")
    return width


def main(out: str, pngs: list) -> None:
    entries = b""
    for path in pngs:
        with open(path, "rb") as f:
            data = f.read()
        width = png_width(data)
        if width not in TYPES:
            raise SystemExit(f"{path}: no ICNS type for {width}px")
        for ostype in TYPES[width]:
            entries += ostype.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(entries) + 8) + entries)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
