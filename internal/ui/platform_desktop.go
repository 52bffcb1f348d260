//go:build !js

package ui

import "fyne.io/fyne/v2"

// platformFiles are the desktop's files: the file system.
func platformFiles(fyne.App) fileStore { return osFiles{} }

// platformPicker is the desktop's: Fyne's open dialog and our save dialog.
func platformPicker(w *Window) FilePicker { return &dialogPicker{w: w} }
