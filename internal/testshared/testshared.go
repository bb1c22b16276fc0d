// Package testshared finds the evaluation kit's shared folder for tests. The folder sits
// beside a developer's or CI's checkout (../shared) but not beside a user's clone, so tests
// that read it skip, with the reason, when it is absent.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder beside the repository root (the folder holding go.mod), or
// skips the test saying what it needed.
func Dir(t testing.TB, needs string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("no working directory (%v); %s needs ../shared", err, needs)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(shared); err == nil && fi.IsDir() {
				return shared
			}
			t.Skipf("no shared folder beside the repository (%s); %s needs it", shared, needs)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("no repository root above the working directory; %s needs ../shared", needs)
		}
		dir = parent
	}
}
