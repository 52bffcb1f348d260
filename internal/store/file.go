package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"mechplan/internal/model"
	"mechplan/resources"
)

// Load reads and decodes a scenario file; a file over MaxFileBytes is
// refused before it is read.
func Load(path string) (*model.Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileBytes {
		return nil, tooLarge(st.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Encode writes a scenario in the file format: indented JSON, fields in a
// fixed order, current format version.
func Encode(s *model.Scenario) ([]byte, error) {
	c := s.Clone()
	c.Version = model.FormatVersion
	// Required lists are written as [] even when empty, since the decoder
	// refuses null (found by FuzzDecode).
	if c.Bodies == nil {
		c.Bodies = []model.Body{}
	}
	if c.Blocks == nil {
		c.Blocks = []model.Block{}
	}
	for i := range c.Blocks {
		if c.Blocks[i].Sessions == nil {
			c.Blocks[i].Sessions = []model.Session{}
		}
	}
	for i := range c.Rotations {
		if c.Rotations[i].Bodies == nil {
			c.Rotations[i].Bodies = []string{}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes the scenario to path atomically: to a temporary file in the
// same folder, synced, then renamed over the old file, so a crash at any
// moment leaves either the old file or the new one, never a mix.
func Save(path string, s *model.Scenario) error {
	return WriteAtomic(path, 0o644, func(w io.Writer) error { return EncodeTo(w, s) })
}

// EncodeTo writes the scenario in the file format to w.
func EncodeTo(w io.Writer, s *model.Scenario) error {
	data, err := Encode(s)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// WriteFileAtomic writes data to path through a temporary file and a rename.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic writes what write produces to path through a temporary file
// in the same folder, synced and renamed over the old file only once write
// has returned without error: until then the old file is untouched, and a
// failure or a crash at any moment leaves it whole.
//
// An existing file keeps its permissions (perm applies to a new file only).
// When path is a symbolic link, the file it points to is replaced and the
// link stays a link.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	if target, lerr := filepath.EvalSymlinks(path); lerr == nil {
		path = target
	} else if st, serr := os.Lstat(path); serr == nil && st.Mode()&os.ModeSymlink != 0 {
		// A link to a file not yet there: create its target.
		if dest, rerr := os.Readlink(path); rerr == nil {
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			path = dest
		}
	}
	if st, serr := os.Stat(path); serr == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder", path)
		}
		perm = st.Mode().Perm()
	}
	RemoveStaleTemps(path)
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Make the rename itself durable; not every system can sync a folder.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// tempPrefix is how the temporary files of a save of path begin.
func tempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-"
}

// StaleTempAge is how old a temporary file of ours must be before it is
// taken for the leftover of a killed save and removed; younger ones may
// belong to a save running in parallel.
const StaleTempAge = time.Minute

// RemoveStaleTemps deletes the temporary files that saves of path killed
// mid-way left beside it (names ".NAME.tmp-*", older than StaleTempAge).
// Every save calls it before writing; the window calls it at start for the
// files it knows.
func RemoveStaleTemps(path string) {
	prefix := tempPrefix(path)
	removeStale(filepath.Dir(path), func(name string) bool { return strings.HasPrefix(name, prefix) })
}

// RemoveStaleTempsIn deletes every stale temporary file of our naming in
// a folder Mechplan owns (the autosave folder), whatever file it was for.
func RemoveStaleTempsIn(dir string) {
	removeStale(dir, func(name string) bool { return strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-") })
}

func removeStale(dir string, ours func(name string) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !ours(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > StaleTempAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// BuiltIn is a scenario of the built-in library.
type BuiltIn struct {
	File     string // name inside resources/scenarios
	Scenario *model.Scenario
}

// BuiltIns decodes the embedded library, in file-name order.
func BuiltIns() ([]BuiltIn, error) {
	return builtInsFS(resources.Scenarios, "scenarios")
}

func builtInsFS(fsys fs.FS, dir string) ([]BuiltIn, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []BuiltIn
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		s, err := Decode(data)
		if err != nil {
			return nil, fmt.Errorf("built-in %s: %w", e.Name(), err)
		}
		out = append(out, BuiltIn{File: e.Name(), Scenario: s})
	}
	return out, nil
}

// FindBuiltIn returns the built-in scenario with the id.
func FindBuiltIn(id string) (*model.Scenario, bool, error) {
	all, err := BuiltIns()
	if err != nil {
		return nil, false, err
	}
	for _, b := range all {
		if b.Scenario.ID == id {
			return b.Scenario, true, nil
		}
	}
	return nil, false, nil
}
