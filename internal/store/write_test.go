package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteKeepsModeAndFollowsLinks: a 0600 file stays 0600; a new file
// gets the mode asked for; a symbolic link keeps being a link and its
// target receives the new bytes.
func TestWriteKeepsModeAndFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.json")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(private, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after saving a 0600 file", st.Mode().Perm())
	}
	fresh := filepath.Join(dir, "fresh.json")
	if err := WriteFileAtomic(fresh, []byte("new"), 0o640); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v, want 0640", st.Mode().Perm())
	}

	sub := filepath.Join(dir, "shared")
	os.Mkdir(sub, 0o755)
	target := filepath.Join(sub, "target.json")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("shared/target.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte("through the link"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a regular file")
	}
	if data, _ := os.ReadFile(target); string(data) != "through the link" {
		t.Errorf("target holds %q", data)
	}
	// A dangling link: its target is created.
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("shared/later.json", dangling)
	if err := WriteFileAtomic(dangling, []byte("later"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(sub, "later.json")); string(data) != "later" {
		t.Errorf("dangling link's target holds %q", data)
	}
	if err := WriteFileAtomic(sub, []byte("x"), 0o644); err == nil {
		t.Error("a folder was written over")
	}
}

// TestWriteFailureLeavesOldFile: a writer that fails half-way leaves the
// old bytes and no temporary file.
func TestWriteFailureLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	os.WriteFile(path, []byte("old bytes"), 0o644)
	boom := errors.New("boom")
	err := WriteAtomic(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old bytes" {
		t.Errorf("old file holds %q", data)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".*")); len(temps) > 0 {
		t.Errorf("left %v", temps)
	}
}

// TestStaleTempsRemoved: temporary files of our naming older than
// StaleTempAge go at the next save of their file (or at the sweep of a
// folder of ours); young ones and other people's files stay.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	old := time.Now().Add(-2 * StaleTempAge)
	mk := func(name string, mod time.Time) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o644)
		os.Chtimes(p, mod, mod)
		return p
	}
	stale := mk(".s.json.tmp-123", old)
	young := mk(".s.json.tmp-456", time.Now())
	other := mk(".other.json.tmp-789", old)
	notOurs := mk("notes.tmp-1", old)
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	if exists(stale) || !exists(young) || !exists(other) || !exists(notOurs) {
		t.Errorf("after a save: stale %v young %v other %v not ours %v", exists(stale), exists(young), exists(other), exists(notOurs))
	}
	RemoveStaleTempsIn(dir)
	if exists(other) || !exists(young) || !exists(notOurs) {
		t.Errorf("after the sweep: other %v young %v not ours %v", exists(other), exists(young), exists(notOurs))
	}
}
