//go:build !js

package ui

import "fyne.io/fyne/v2"

// platformFiles are the desktop's files: the file system.
func platformFiles(fyne.App) fileStore { return osFiles{} }

// platformPicker is the desktop's: Fyne's open dialog and our save dialog.
func platformPicker(w *Window) FilePicker { return &dialogPicker{w: w} }

// platformFont is the default theme's: where it lacks a glyph (★, ▸) the
// desktop driver falls back on the system's fonts.
func platformFont(def fyne.Theme, s fyne.TextStyle) fyne.Resource { return def.Font(s) }
