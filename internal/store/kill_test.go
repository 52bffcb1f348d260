package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mechplan/internal/model"
)

// saveLoopEnv makes the test binary, re-run as a child, save a scenario
// over and over until it is killed.
const saveLoopEnv = "MECHPLAN_TEST_SAVE_LOOP"

func TestMain(m *testing.M) {
	if path := os.Getenv(saveLoopEnv); path != "" {
		saveLoop(path)
		return
	}
	os.Exit(m.Run())
}

// bigScenario is large enough (about 300 kB) that a save takes long enough
// to be killed in the middle of it.
func bigScenario(name string) *model.Scenario {
	s, err := Decode([]byte(minimal))
	if err != nil {
		panic(err)
	}
	s.Name = name
	for i := 0; i < model.MaxAssumed; i++ {
		s.Assumed = append(s.Assumed, model.Assumed{Field: fmt.Sprintf("field %d", i), Value: name, Why: strings.Repeat("padding so that a save takes time. ", 85)})
	}
	return s
}

func saveLoop(path string) {
	for i := 0; ; i++ {
		if err := Save(path, bigScenario(fmt.Sprintf("version %d", i))); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// TestKillDuringSave kills a process that is saving, many times, at random
// moments, and checks that the file on disk is always a complete scenario.
func TestKillDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 40 processes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "scenario.json")
	if err := Save(path, bigScenario("version start")); err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	const rounds = 40
	for i := 0; i < rounds; i++ {
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), saveLoopEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rand.IntN(40)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		s, err := Load(path)
		if err != nil {
			t.Fatalf("round %d: after SIGKILL the file does not load: %v", i, err)
		}
		if len(s.Assumed) != model.MaxAssumed {
			t.Fatalf("round %d: a partial scenario was loaded", i)
		}
	}
	// Killed saves may leave their temporary files; the scenario itself is intact.
	temps, _ := filepath.Glob(filepath.Join(dir, ".scenario.json.tmp-*"))
	t.Logf("%d kills; %d temporary files left by killed saves", rounds, len(temps))
}
