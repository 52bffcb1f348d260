package resources

import "embed"

// Translations holds the interface's messages, one JSON file per language
// (en.json is the source and the fallback), and under fyne/ the strings
// Fyne's own dialogs show (Cancel, OK…), used when the user forces a
// language other than the system's (see internal/i18n). The files under
// fyne/ are copies of Fyne's own (fyne/lang/translations, BSD 3-Clause
// licence), the French one completed with the day names.
//
//go:embed translations
var Translations embed.FS
