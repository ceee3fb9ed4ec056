#!/usr/bin/env python3
"""Helpers of test_html_browser.sh, standard library only (no PIL):
  png-not-blank FILE            exit 1 when the PNG is one colour, or nearly (fewer than 1% of pixels differ
                                from the most common colour)
  count-elements FILE           print the number of elements and attributes, and the sorted attribute names, of an
                                HTML file
  bars-start FILE               print "left" or "right": the side of the PNG that the bars (Okabe-Ito blue
                                #0072B2) start from, the edge nearer to the bars' blue pixels
  first-chart PAGE TO           write to TO a page with the head of PAGE and only its first chart (an <svg>)
  benign-copy FROM TO           copy the response files of FROM to TO with every string value that holds
                                anything but letters, digits, '.', '-' and '_' replaced by a plain word (the same
                                value always by the same word), so that the copy has the same structure
"""
import collections
import html.parser
import pathlib
import re
import struct
import sys
import zlib


def png_pixels(path):
    data = pathlib.Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, colour_type, depth = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour_type in (2, 6), f"unsupported PNG (depth {depth}, colour type {colour_type})"
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, rows = bytearray(stride), []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def png_not_blank(path):
    width, height, bpp, rows = png_pixels(path)
    counts = collections.Counter()
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            counts[row[x:x + 3]] += 1
    total = sum(counts.values())
    common = counts.most_common(1)[0][1]
    print(f"{path}: {width}x{height}, {len(counts)} colours, {100 * (total - common) / total:.1f}% not background")
    return 0 if total - common >= total / 100 else 1


class Counter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements, self.attribute_count, self.attributes = 0, 0, set()

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        self.attribute_count += len(attrs)
        self.attributes.update(name for name, _ in attrs)

    handle_startendtag = handle_starttag


def bars_start(path):
    width, _, bpp, rows = png_pixels(path)
    columns = [x // bpp for row in rows for x in range(0, width * bpp, bpp) if row[x:x + 3] == b"\x00\x72\xb2"]
    if not columns:
        print("no bars")
        return 1
    print("left" if min(columns) < width - 1 - max(columns) else "right")
    return 0


def first_chart(page, target):
    text = pathlib.Path(page).read_text(encoding="utf-8")
    svg = re.search(r"<svg.*?</svg>", text, re.S).group(0)
    head = text[:text.index("<body>")]
    pathlib.Path(target).write_text(head + "<body>\n" + svg + "\n</body>\n</html>\n", encoding="utf-8")
    return 0


def count_elements(path):
    counter = Counter()
    counter.feed(pathlib.Path(path).read_text(encoding="utf-8"))
    print(f"{counter.elements} elements, {counter.attribute_count} attributes:", " ".join(sorted(counter.attributes)))
    return 0


def benign_copy(source, target):
    words = {}
    value = re.compile(r'^([A-Za-z0-9_.-]+\s*=\s*)"((?:[^"\\]|\\.)*)"\s*$')
    for path in sorted(pathlib.Path(source).glob("*.toml")):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            match = value.match(line)
            if match and not re.fullmatch(r"[A-Za-z0-9_.-]*", match.group(2)):
                word = words.setdefault(match.group(2), f"plain text {len(words) + 1}")
                line = f'{match.group(1)}"{word}"'
            lines.append(line)
        (pathlib.Path(target) / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    sys.exit({"png-not-blank": png_not_blank, "count-elements": count_elements,
              "benign-copy": benign_copy, "bars-start": bars_start, "first-chart": first_chart}[command](*arguments))
