"""Writes public/favicon.ico: the favicon.svg design (a white S on a blue rounded square) as a
32x32, 32-bit ICO, drawn from a small bitmap so that no image library is needed."""
import struct
from pathlib import Path

SIZE = 32
BLUE = (0x0B, 0x5C, 0xAD)
# The letter, 8 columns by 10 rows, each cell drawn as 2x2 pixels from (8, 6).
LETTER = [
    "..####..",
    ".##..##.",
    ".##.....",
    "..###...",
    "....##..",
    ".....##.",
    ".....##.",
    ".##..##.",
    "..####..",
    "........",
]

def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    radius = 6
    cx = min(max(x, radius), SIZE - 1 - radius)
    cy = min(max(y, radius), SIZE - 1 - radius)
    if (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2:
        return (0, 0, 0, 0)
    column, row = (x - 8) // 2, (y - 6) // 2
    if 0 <= row < len(LETTER) and 0 <= column < 8 and LETTER[row][column] == "#":
        return (255, 255, 255, 255)
    return (*BLUE, 255)

rows = b""
for y in reversed(range(SIZE)):  # BMP rows run bottom to top
    for x in range(SIZE):
        r, g, b, a = pixel(x, y)
        rows += bytes((b, g, r, a))
mask = b"\x00" * (SIZE * SIZE // 8)  # the AND mask: alpha decides transparency
header = struct.pack("<IiiHHIIiiII", 40, SIZE, SIZE * 2, 1, 32, 0, len(rows) + len(mask), 0, 0, 0, 0)
image = header + rows + mask
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16) + image
Path(__file__).resolve().parent.parent.joinpath("public/favicon.ico").write_bytes(ico)
