package resources

import _ "embed"

// DejaVu Sans covers every member state's name as the UN writes it (Côte
// d'Ivoire, Türkiye, São Tomé and Príncipe) and the dashes and arrows of the
// reports; the PDF export embeds it. Licence: fonts/LICENSE.txt.
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
)

// Mechplan Sans CJK is Droid Sans Fallback's Chinese characters with
// DejaVu Sans's Latin letters, digits and signs (scripts/build-cjk-font.py):
// the window draws Chinese with it before the system's fonts, so a machine
// without a CJK font still shows the interface in Chinese, and the PDF
// report in Chinese embeds the glyphs it uses. fpdf writes a run of text
// in one font and takes TrueType only (not the OpenType-CFF or collection
// files most CJK fonts come as), hence one TrueType font with both
// scripts. Apache License 2.0 and the Bitstream Vera licence:
// fonts/LICENSE-MechplanSansCJK.txt.
//
//go:embed fonts/MechplanSansCJK.ttf
var FontChinese []byte
