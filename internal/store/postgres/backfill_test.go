package postgres

import (
	"testing"

	"github.com/tidings-news/tidings/internal/store/storetest"
)

// TestReprocessBackfillsVersion1 takes a store back to schema version 1, before signatures
// and event groups, lets migrations 2 and 3 run again as opening a store of version 1 does, and
// checks that reprocessing fills the signatures and groups.
func TestReprocessBackfillsVersion1(t *testing.T) {
	if SchemaVersion() != 3 {
		t.Fatalf("schema version %d: check that undoing migrations 2 and 3 still gives a store of version 1", SchemaVersion())
	}
	s := open(t).(*Store)
	defer s.Close()
	storetest.Backfill(t, s, s.db, `UPDATE tidings_schema SET version = 1`, s.migrate)
}
