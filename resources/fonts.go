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
