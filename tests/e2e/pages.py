#!/usr/bin/python3
"""What a person sees on the pages of a PDF, read with `pdftotext -bbox-layout`.

    pages.py LAYOUT.html NEEDLE...

LAYOUT.html is pdftotext's -bbox-layout output of one PDF (LibreOffice's
rendering of a workbook or document the program wrote).  Prints one line
per check, for the test script to compare:

    pages N
    overlaps: none | the first pair of lines drawn over each other
    outside: none | the first word outside the printable area
    first page: ok | which NEEDLE is missing, repeated or out of order
    rows: then every row of words as it stands on the page (words whose
          middles are level, left to right), a line each, page by page,
          each page opened by a line "page N"

Two lines overlap when their boxes share more than a quarter of the lower
one's height over a stretch of more than 2 points across: text drawn over
other text (a wrapped heading under the next row, a title over a motto).
Lines side by side, or touching at their ascenders, do not count.

The printable area is the A4 page inside the margins both renderers set
(left 30 mm, right 15 mm, as Nghị định 30/2020 asks), less a band of 8 mm
at the top and bottom where only the page number may stand.

The NEEDLEs are texts that must each appear exactly once on the first
page, in the order given as a person reads the page: each one below the
one before or level with it, except where it starts the next column to
the right (the national title after the number line, which stands under
the issuing body on the left).
"""
import re
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
LEFT, RIGHT, BAND = 30 * MM, 15 * MM, 8 * MM
SLACK = 2.0  # points: glyph boxes of italics and accents reach a little further


def tag(e):
    return e.tag.rsplit('}', 1)[-1]


def pages(path):
    root = ET.parse(path).getroot()
    out = []
    for page in root.iter():
        if tag(page) != 'page':
            continue
        lines = []
        for line in page.iter():
            if tag(line) != 'line':
                continue
            words = [w for w in line if tag(w) == 'word']
            box = [float(line.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')]
            lines.append((box, [(w.text or '', [float(w.get(k)) for k in
                                                ('xMin', 'yMin', 'xMax', 'yMax')])
                                for w in words]))
        out.append((float(page.get('width')), float(page.get('height')), lines))
    return out


def overlap(a, b):
    """Do line boxes a and b overlap as text drawn over text does?"""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    lower = min(a[3] - a[1], b[3] - b[1])
    return across > 2 and down > lower / 4


def first_overlap(all_pages):
    for n, (_, _, lines) in enumerate(all_pages, 1):
        boxes = sorted(((box, ' '.join(w for w, _ in words)) for box, words in lines),
                       key=lambda x: x[0][1])
        for i, (a, ta) in enumerate(boxes):
            for b, tb in boxes[i + 1:]:
                if b[1] > a[3]:
                    break
                if overlap(a, b):
                    return 'page %d: "%s" and "%s"' % (n, ta, tb)
    return 'none'


def first_outside(all_pages):
    for n, (w, h, lines) in enumerate(all_pages, 1):
        for _, words in lines:
            for text, (x0, y0, x1, y1) in words:
                if (x0 < LEFT - SLACK or x1 > w - RIGHT + SLACK or y0 < BAND or
                        y1 > h - BAND):
                    return 'page %d: "%s" at %.0f,%.0f-%.0f,%.0f of %.0fx%.0f' % (
                        n, text, x0, y0, x1, y1, w, h)
    return 'none'


def first_page(all_pages, needles):
    words = [wb for _, ws in all_pages[0][2] for wb in ws if wb[0]]
    text, at = '', []
    for i, (w, _) in enumerate(words):
        text += w + ' '
        at += [i] * (len(w) + 1)
    prev = None
    for needle in needles:
        found = [m.start() for m in re.finditer(re.escape(needle), text)]
        if len(found) != 1:
            return '"%s" appears %d times' % (needle, len(found))
        first, last = words[at[found[0]]][1], words[at[found[0] + len(needle) - 1]][1]
        box = (first[0], first[1], last[2], last[3])
        # Read as a person reads: down the page, a block at a time; the
        # next part may be level with the last one, or start the next
        # column to the right, but never stand above it further left.
        if prev and box[1] < prev[1] - 3 and box[0] <= prev[2]:
            return '"%s" is out of order' % needle
        prev = box
    return 'ok'


def main():
    all_pages = pages(sys.argv[1])
    print('pages', len(all_pages))
    print('overlaps:', first_overlap(all_pages))
    print('outside:', first_outside(all_pages))
    print('first page:', first_page(all_pages, sys.argv[2:]) if all_pages else 'none')
    print('rows:')
    for n, (_, _, lines) in enumerate(all_pages, 1):
        print('page', n)
        words = sorted(((b[1] + b[3]) / 2, b[0], w) for _, ws in lines for w, b in ws if w)
        row, top = [], None
        for mid, x, w in words + [(float('inf'), 0, '')]:
            if top is not None and mid - top > 3:
                print(' '.join(t for _, t in sorted(row)))
                row = []
            if not row:
                top = mid
            row.append((x, w))


main()
