package sqlite

import (
	"testing"

	"github.com/tidings-news/tidings/internal/store/storetest"
)

// TestReprocessBackfillsVersion2 takes a store back to schema version 2, before signatures
// and event groups, lets migrations 3 and 4 run again as opening a store of version 2 does, and
// checks that reprocessing fills the signatures and groups.
func TestReprocessBackfillsVersion2(t *testing.T) {
	if SchemaVersion() != 4 {
		t.Fatalf("schema version %d: check that undoing migrations 3 and 4 still gives a store of version 2", SchemaVersion())
	}
	s := open(t).(*Store)
	defer s.Close()
	storetest.Backfill(t, s, s.db, `PRAGMA user_version = 2`, s.migrate)
}
