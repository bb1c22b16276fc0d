package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/storetest"
)

var schemas atomic.Int64

// open returns a store in a new, empty schema of the database TIDINGS_TEST_POSTGRES names,
// or skips the test when it names none.
func open(t *testing.T) store.Store {
	t.Helper()
	base := os.Getenv("TIDINGS_TEST_POSTGRES")
	if base == "" {
		t.Skip("TIDINGS_TEST_POSTGRES is not set (e.g. postgres://user@localhost/tidings_test); skipping the PostgreSQL store")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("tidings_test_%d_%d", time.Now().UnixNano(), schemas.Add(1))
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("creating a test schema: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := Open(ctx, u.String(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, open)
}

func TestRefusesNewerSchema(t *testing.T) {
	s := open(t).(*Store)
	defer s.Close()
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `UPDATE tidings_schema SET version = 999`); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx); err == nil || !strings.Contains(err.Error(), "upgrade tidings") {
		t.Errorf("migrating a newer schema: %v, want a request to upgrade", err)
	}
}

func TestHelpers(t *testing.T) {
	if got := rebind("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Errorf("rebind: %q", got)
	}
	if got := fold("Émilie DURAND, São"); got != "emilie durand, sao" {
		t.Errorf("fold: %q", got)
	}
	if got := clean("a\x00b\xffc"); got != "a\uFFFDb\uFFFDc" {
		t.Errorf("clean: %q", got)
	}
}
