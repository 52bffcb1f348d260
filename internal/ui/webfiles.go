package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/store"
)

// webFiles is the browser's files (the GOOS=js build uses it; it is plain
// Go, so the desktop tests run it too). A browser page has no file system:
//
//   - paths under the app's storage root (the autosave folder) are kept in
//     Fyne's storage, which is IndexedDB in the browser;
//   - any other path is a file of the user's, named by its base name: Load
//     reads what the user uploaded under that name in this session (the
//     picker puts it here), WriteAtomic hands the bytes to download, and
//     Remove refuses, since a page cannot delete the user's files.
//
// Nothing here calls the os package.
type webFiles struct {
	// root is the app's storage root; its path is the prefix of the
	// paths kept in storage.
	root fyne.URI
	// download offers bytes to the user as a file (the browser's download).
	download func(name string, data []byte) error

	mu      sync.Mutex
	uploads map[string][]byte
}

func newWebFiles(root fyne.URI, download func(name string, data []byte) error) *webFiles {
	return &webFiles{root: root, download: download, uploads: map[string][]byte{}}
}

// upload keeps a file the user chose, under its base name, and returns
// the path that Load reads it from.
func (f *webFiles) upload(name string, data []byte) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	f.mu.Lock()
	defer f.mu.Unlock()
	f.uploads[name] = data
	return name
}

// stored is the storage URI of a path under the storage root, or nil for
// a user's file.
func (f *webFiles) stored(p string) fyne.URI {
	prefix := strings.TrimSuffix(f.root.Path(), "/") + "/"
	if !strings.HasPrefix(p, prefix) {
		return nil
	}
	u, err := storage.ParseURI(f.root.Scheme() + "://" + p)
	if err != nil {
		return nil
	}
	return u
}

func (f *webFiles) Load(p string) (*model.Scenario, error) {
	if f.stored(p) != nil {
		data, err := f.ReadFile(p)
		if err != nil {
			return nil, err
		}
		return store.Decode(data)
	}
	f.mu.Lock()
	data, ok := f.uploads[path.Base(p)]
	f.mu.Unlock()
	if !ok {
		return nil, errors.New(i18n.T("error.web_not_uploaded", "Name", path.Base(p)))
	}
	return store.Decode(data)
}

func (f *webFiles) ReadFile(p string) ([]byte, error) {
	u := f.stored(p)
	if u == nil {
		f.mu.Lock()
		defer f.mu.Unlock()
		if data, ok := f.uploads[path.Base(p)]; ok {
			return data, nil
		}
		return nil, errors.New(i18n.T("error.web_not_uploaded", "Name", path.Base(p)))
	}
	r, err := storage.Reader(u)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// Fyne's IndexedDB file copies the file from its start into the buffer
	// of every Read and reports io.EOF at once, so reading in small pieces
	// (io.ReadAll) keeps only the first 512 bytes: one Read into a buffer
	// as large as the largest file accepted.
	buf := make([]byte, store.MaxFileBytes+1<<10)
	n, err := io.ReadFull(r, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:n], err
}

// WriteAtomic encodes into memory first: nothing is stored or downloaded
// unless write succeeded.
func (f *webFiles) WriteAtomic(p string, _ os.FileMode, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	u := f.stored(p)
	if u == nil {
		return f.download(path.Base(p), buf.Bytes())
	}
	w, err := storage.Writer(u)
	if err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func (f *webFiles) Remove(p string) error {
	u := f.stored(p)
	if u == nil {
		return errors.New(i18n.T("error.web_delete", "Name", path.Base(p)))
	}
	return storage.Delete(u)
}

func (f *webFiles) MkdirAll(dir string) error {
	u := f.stored(strings.TrimSuffix(dir, "/") + "/")
	if u == nil {
		return fmt.Errorf("%s is not in the app's storage", dir)
	}
	// The folders from the root down; the root exists.
	rel := strings.Trim(strings.TrimPrefix(dir, strings.TrimSuffix(f.root.Path(), "/")), "/")
	at := f.root
	for _, part := range strings.Split(rel, "/") {
		if part == "" {
			continue
		}
		next, err := storage.Child(at, part)
		if err != nil {
			return err
		}
		if ok, _ := storage.CanList(next); !ok {
			if err := storage.CreateListable(next); err != nil {
				return err
			}
		}
		at = next
	}
	return nil
}

func (f *webFiles) Glob(pattern string) ([]string, error) {
	dir, base := path.Split(pattern)
	// Fyne's IndexedDB storage lists a folder's children by the exact path
	// they were written under, which has no trailing slash.
	dir = strings.TrimSuffix(dir, "/")
	u := f.stored(dir)
	if u == nil {
		return nil, nil
	}
	l, err := storage.ListerForURI(u)
	if err != nil {
		return nil, nil // no folder yet: nothing saved
	}
	items, err := l.List()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range items {
		if ok, _ := path.Match(base, it.Name()); ok {
			out = append(out, path.Join(dir, it.Name()))
		}
	}
	return out, nil
}

// A write in storage or a download leaves no temporary file behind.
func (f *webFiles) RemoveStaleTemps(string)   {}
func (f *webFiles) RemoveStaleTempsIn(string) {}
