package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDirFindsTheFolderBesideTheRoot(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "internal", "x")
	for _, d := range []string{deep, filepath.Join(root, "shared")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(deep)
	if got := Dir(t, "this test"); got != filepath.Join(root, "shared") {
		t.Errorf("Dir = %q, want %q", got, filepath.Join(root, "shared"))
	}
}

func TestDirSkipsWithoutTheFolder(t *testing.T) {
	repo := t.TempDir()
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	skipped := true
	t.Run("inner", func(t *testing.T) {
		Dir(t, "this test")
		skipped = false
	})
	if !skipped {
		t.Error("Dir returned although no shared folder exists")
	}
}
