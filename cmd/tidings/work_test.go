package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ingest --queue fills a work queue and work --drain empties it into the store: the two
// articles stored once, the binary file reported and dropped, a second run adding nothing.
func TestQueueIngestAndWork(t *testing.T) {
	url := os.Getenv("TIDINGS_TEST_NATS")
	if url == "" {
		t.Skip("TIDINGS_TEST_NATS is not set: set it to a NATS server with JetStream (nats://127.0.0.1:4222) to run the work queue test")
	}
	stream := fmt.Sprintf("TEST_CMD_%d", time.Now().UnixNano())
	t.Cleanup(func() {
		if nc, err := nats.Connect(url); err == nil {
			if js, err := jetstream.New(nc); err == nil {
				_ = js.DeleteStream(context.Background(), stream)
			}
			nc.Close()
		}
	})
	dir := articleDir(t)
	if err := os.WriteFile(filepath.Join(dir, "photo.bin"), []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	feedDB := filepath.Join(t.TempDir(), "feeds.db")
	db := filepath.Join(t.TempDir(), "t.db")

	code, _, errs := runCmd(t, "", "ingest", "--db", feedDB, "--queue", url, "--stream", stream, dir)
	if code != 0 || !strings.Contains(errs, "ingest: 3 queued, 0 already present, 0 failed") {
		t.Fatalf("ingest --queue: exit %d\n%s", code, errs)
	}
	if st := storeStats(t, feedDB); st.Articles != 0 {
		t.Errorf("ingest --queue stored %d articles itself", st.Articles)
	}
	code, _, errs = runCmd(t, "", "work", "--db", db, "--queue", url, "--stream", stream, "--drain", "--now", "2026-01-17T06:00")
	if code != 0 || !strings.Contains(errs, "work: 2 stored, 0 already present, 1 failed") || !strings.Contains(errs, "photo.bin") {
		t.Fatalf("work --drain: exit %d\n%s", code, errs)
	}
	if st := storeStats(t, db); st.Articles != 2 || st.Events == 0 {
		t.Errorf("stored %+v, want 2 annotated articles", st)
	}

	// The same files again: the queue drops the copies it has seen, the store the rest.
	code, _, errs = runCmd(t, "", "ingest", "--db", feedDB, "--queue", url, "--stream", stream, dir)
	if code != 0 || !strings.Contains(errs, "ingest: 0 queued, 3 already present, 0 failed") {
		t.Fatalf("second ingest --queue: exit %d\n%s", code, errs)
	}
	code, _, errs = runCmd(t, "", "work", "--db", db, "--queue", url, "--stream", stream, "--drain")
	if code != 0 || !strings.Contains(errs, "work: 0 stored") {
		t.Fatalf("second work: exit %d\n%s", code, errs)
	}
	if st := storeStats(t, db); st.Articles != 2 {
		t.Errorf("the second run changed the store: %+v", st)
	}
	if code, _, _ := runCmd(t, "", "work", "--db", db); code != 2 {
		t.Errorf("work without --queue: exit %d, want 2", code)
	}
}
