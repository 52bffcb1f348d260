#!/usr/bin/python3
"""Builds resources/fonts/MechplanSansCJK.ttf: Droid Sans Fallback's Chinese
characters with DejaVu Sans's Latin letters, digits and signs, in one
TrueType font.

Why: Droid Sans Fallback (Apache-2.0) has the Chinese characters but no Latin
letters or digits, and the PDF library (go-pdf/fpdf) draws a text run in a
single font, so a Chinese report with figures, ISO codes and English scenario
names needs one font holding both. Fyne, in the window, tries the theme's
font first and then its own, so the same file serves it.

Run once, commit the result (the build does not run this script):
    apt-get install python3-fonttools fonts-droid-fallback
    /usr/bin/python3 scripts/build-cjk-font.py

The Droid outlines are scaled from 256 to 2048 units per em, DejaVu's, so
neither loses precision; the added DejaVu glyphs lose their hinting
instructions, which reference DejaVu's own programs. Licences:
resources/fonts/LICENSE-MechplanSansCJK.txt.
"""
import os
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools import subset
from fontTools.ttLib.tables import ttProgram

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
DEJAVU = os.path.join(ROOT, "resources/fonts/DejaVuSans.ttf")
OUT = os.path.join(ROOT, "resources/fonts/MechplanSansCJK.ttf")

# Code points taken from DejaVu where Droid has none: Latin, Greek (Δ),
# Cyrillic, punctuation, arrows, mathematical operators, box drawing,
# geometric shapes and miscellaneous symbols (★ ↻ ⚠ ·).
RANGES = [(0x20, 0x52F), (0x2000, 0x2BFF), (0xFB00, 0xFB06)]

droid = TTFont(DROID)
scale_upem(droid, 2048)
for t in ("GSUB", "GPOS", "GDEF"):
    # Droid's layout tables only concern its own scripts; dropping them
    # keeps the merged font consistent (no lookups naming absent glyphs).
    if t in droid:
        del droid[t]
have = set(droid.getBestCmap())

dv = TTFont(DEJAVU)
want = [cp for cp in dv.getBestCmap() if any(a <= cp <= b for a, b in RANGES) and cp not in have]
opts = subset.Options()
opts.layout_features = []
opts.hinting = False
opts.notdef_outline = False
opts.name_IDs = []
sub = subset.Subsetter(opts)
sub.populate(unicodes=want)
sub.subset(dv)

order = droid.getGlyphOrder()
glyf, hmtx = droid["glyf"], droid["hmtx"]
rename = {}
for name in dv.getGlyphOrder():
    if name == ".notdef":
        continue
    new = "dv." + name
    rename[name] = new
for name, new in rename.items():
    g = dv["glyf"][name]
    if g.isComposite():
        for c in g.components:
            c.glyphName = rename[c.glyphName]
    if g.numberOfContours != 0:
        g.program = ttProgram.Program()
        g.program.fromBytecode(b"")
    glyf.glyphs[new] = g
    hmtx.metrics[new] = dv["hmtx"][name]
    order.append(new)
droid.setGlyphOrder(order)
glyf.glyphOrder = order
cmap_dv = dv.getBestCmap()
for table in droid["cmap"].tables:
    if table.isUnicode():
        for cp in want:
            if cp in cmap_dv and (table.format != 4 or cp <= 0xFFFF):
                table.cmap[cp] = rename[cmap_dv[cp]]
droid["maxp"].numGlyphs = len(order)
droid["hhea"].numberOfHMetrics = len(order)
if "vmtx" in droid:
    adv = droid["hhea"].ascent - droid["hhea"].descent
    for new in rename.values():
        droid["vmtx"].metrics[new] = (adv, 0)
    droid["vhea"].numberOfVMetrics = len(order)
for rec in droid["name"].names:
    if rec.nameID in (1, 4, 16):
        rec.string = "Mechplan Sans CJK"
    elif rec.nameID == 6:
        rec.string = "MechplanSansCJK"
    elif rec.nameID == 3:
        rec.string = "Mechplan Sans CJK: Droid Sans Fallback with DejaVu Sans Latin"
droid["OS/2"].usFirstCharIndex = 0x20
droid.save(OUT)
print(OUT, len(order), "glyphs,", os.path.getsize(OUT), "bytes")
