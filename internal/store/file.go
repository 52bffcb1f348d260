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
		return nil, problem("(file)", "is %d bytes; the limit is %d bytes (%d MiB)", st.Size(), MaxFileBytes, MaxFileBytes>>20)
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
	data, err := Encode(s)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, 0o644)
}

// WriteFileAtomic writes data to path through a temporary file and a rename.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
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
	removeStaleTemps(path)
	return nil
}

// removeStaleTemps deletes temporary files that a save killed mid-way left
// beside path; only old ones, so a save running in parallel is not hurt.
func removeStaleTemps(path string) {
	temps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	for _, t := range temps {
		if st, err := os.Stat(t); err == nil && time.Since(st.ModTime()) > time.Minute {
			os.Remove(t)
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
