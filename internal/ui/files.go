package ui

import (
	"io"
	"os"
	"path/filepath"

	"mechplan/internal/model"
	"mechplan/internal/store"
)

// fileStore is where the workspace reads and writes scenarios, exports and
// autosaves: the file system on the desktop (osFiles), Fyne's storage and
// the browser's uploads and downloads on the web (webFiles). The methods
// are named after the os and store functions they stand for.
type fileStore interface {
	// Load reads and decodes a scenario file.
	Load(path string) (*model.Scenario, error)
	// ReadFile reads a file the app wrote (an autosave).
	ReadFile(path string) ([]byte, error)
	// WriteAtomic writes what write produces to path; the old file is
	// replaced only once write returned without error.
	WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error
	// Remove deletes a file.
	Remove(path string) error
	// MkdirAll makes a folder and its parents.
	MkdirAll(dir string) error
	// Glob lists the files matching a pattern of filepath.Match.
	Glob(pattern string) ([]string, error)
	// RemoveStaleTemps and RemoveStaleTempsIn delete what saves killed
	// mid-way left behind (see store).
	RemoveStaleTemps(path string)
	RemoveStaleTempsIn(dir string)
}

// osFiles is the desktop's: the file system, every write atomic.
type osFiles struct{}

func (osFiles) Load(path string) (*model.Scenario, error) { return store.Load(path) }
func (osFiles) ReadFile(path string) ([]byte, error)      { return os.ReadFile(path) }
func (osFiles) WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	return store.WriteAtomic(path, perm, write)
}
func (osFiles) Remove(path string) error              { return os.Remove(path) }
func (osFiles) MkdirAll(dir string) error             { return os.MkdirAll(dir, 0o755) }
func (osFiles) Glob(pattern string) ([]string, error) { return filepath.Glob(pattern) }
func (osFiles) RemoveStaleTemps(path string)          { store.RemoveStaleTemps(path) }
func (osFiles) RemoveStaleTempsIn(dir string)         { store.RemoveStaleTempsIn(dir) }
