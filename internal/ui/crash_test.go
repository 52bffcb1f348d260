package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/settings"
)

// crashChildEnv makes the test binary, re-run as a child, edit a scenario
// without saving it and wait to be killed.
const crashChildEnv = "MECHPLAN_TEST_AUTOSAVE_DIR"

const editedName = "UK/Iran, edited and never saved"

func crashWorkspace(t *testing.T, dir string) *Workspace {
	t.Helper()
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := NewWorkspace(ref, settings.New(test.NewTempApp(t).Preferences(), 2026), dir)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestAutosaveKillChild is the child's side of TestAutosaveSurvivesKill; it
// does nothing in an ordinary run.
func TestAutosaveKillChild(t *testing.T) {
	dir := os.Getenv(crashChildEnv)
	if dir == "" {
		return
	}
	ws := crashWorkspace(t, dir)
	ws.Duplicate(ws.OpenBuiltIn("s6-uk-iran"))
	ws.Edit("name", func(s *model.Scenario) { s.Name = editedName })
	ws.Edit("bodies[0].meetings", func(s *model.Scenario) { s.Bodies[0].Meetings = 6 })
	if err := os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Minute) // killed long before
}

// TestAutosaveSurvivesKill: a process edits a scenario without saving it
// and is killed with SIGKILL; the next session recovers the edits.
func TestAutosaveSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^TestAutosaveKillChild$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child never made its edits")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	ws := crashWorkspace(t, dir)
	if n := ws.Recover(); n != 1 {
		t.Fatalf("recovered %d scenarios, want 1", n)
	}
	var got *Document
	for _, d := range ws.Docs {
		if d.Scenario.Name == editedName {
			got = d
		}
	}
	if got == nil || !got.Dirty || got.Scenario.Bodies[0].Meetings != 6 {
		t.Fatalf("the unsaved edits were not recovered: %+v", got)
	}
}
