package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// openTest opens a queue on a stream of its own on the server named by TIDINGS_TEST_NATS,
// removed when the test ends.
func openTest(t *testing.T) *Queue {
	t.Helper()
	url := os.Getenv("TIDINGS_TEST_NATS")
	if url == "" {
		t.Skip("TIDINGS_TEST_NATS is not set: set it to a NATS server with JetStream (nats://127.0.0.1:4222) to run the queue tests")
	}
	ctx := context.Background()
	name := fmt.Sprintf("TEST_%d", time.Now().UnixNano())
	q, err := Open(ctx, url, Options{Stream: name, Subject: "tidings.test." + name, Consumer: "w" + name, AckWait: 5 * time.Second, MaxDeliver: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = q.js.DeleteStream(context.Background(), name)
		q.Close()
	})
	return q
}

func TestWorkQueue(t *testing.T) {
	q := openTest(t)
	ctx := context.Background()
	jobs := []Job{
		{Name: "a.txt", Data: []byte("First article.")},
		{Name: "b.html", URL: "https://news.example/b", Data: []byte("<p>Second article.</p>"), Title: "B", Published: "2026-01-16"},
		{Name: "a-again.txt", Data: []byte("First article.")}, // the same article: queued once
		{Name: "binary", Data: []byte{0, 1, 2}},
		{Name: "flaky.txt", Data: []byte("Fails once, then works.")},
	}
	for _, j := range jobs {
		dup, err := q.Publish(ctx, j)
		if err != nil {
			t.Fatal(err)
		}
		if dup != (j.Name == "a-again.txt") {
			t.Errorf("%s: duplicate = %v", j.Name, dup)
		}
	}
	if n, err := q.Pending(ctx); err != nil || n != 4 {
		t.Fatalf("pending = %d, %v; want 4 (the copy dropped)", n, err)
	}

	var mu sync.Mutex
	var done, failedNames []string
	tries := map[string]int{}
	handle := func(_ context.Context, j Job) error {
		mu.Lock()
		defer mu.Unlock()
		tries[j.Name]++
		switch {
		case j.Name == "binary":
			return Permanent(errors.New("the input is binary"))
		case j.Name == "flaky.txt" && tries[j.Name] == 1:
			return errors.New("the store is down")
		}
		if j.Name == "b.html" && (j.URL != "https://news.example/b" || j.Title != "B" || j.Published != "2026-01-16") {
			t.Errorf("job fields lost: %+v", j)
		}
		done = append(done, j.Name)
		return nil
	}
	failed := func(j Job, err error) {
		mu.Lock()
		defer mu.Unlock()
		failedNames = append(failedNames, j.Name+": "+err.Error())
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := q.Work(ctx, WorkOptions{Workers: 2, Drain: true, Idle: 500 * time.Millisecond}, handle, failed); err != nil {
		t.Fatal(err)
	}
	slices.Sort(done)
	if want := []string{"a.txt", "b.html", "flaky.txt"}; !slices.Equal(done, want) {
		t.Errorf("done %v, want %v", done, want)
	}
	if len(failedNames) != 1 || !strings.HasPrefix(failedNames[0], "binary: ") {
		t.Errorf("failed %v, want the binary job alone", failedNames)
	}
	if tries["flaky.txt"] != 2 || tries["binary"] != 1 {
		t.Errorf("tries %v: want the flaky job twice, the binary one once", tries)
	}
	if n, err := q.Pending(ctx); err != nil || n != 0 {
		t.Errorf("pending after the work = %d, %v; want 0", n, err)
	}
}

// A job that keeps failing is dropped after its last delivery, not retried for ever.
func TestWorkGivesUp(t *testing.T) {
	q := openTest(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := q.Publish(ctx, Job{Name: "never.txt", Data: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	tries := 0
	var failedErr error
	err := q.Work(ctx, WorkOptions{Drain: true, Idle: 500 * time.Millisecond},
		func(context.Context, Job) error { tries++; return errors.New("still down") },
		func(_ Job, err error) { failedErr = err })
	if err != nil {
		t.Fatal(err)
	}
	if tries != 3 || failedErr == nil {
		t.Errorf("tried %d times (want 3, the MaxDeliver), failure reported: %v", tries, failedErr)
	}
}

func TestPublishTooLarge(t *testing.T) {
	q := openTest(t)
	big := make([]byte, q.nc.MaxPayload()+1)
	_, err := q.Publish(context.Background(), Job{Name: "huge.html", Data: big})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "huge.html") {
		t.Errorf("err = %v, want ErrTooLarge naming the job", err)
	}
}

func TestPermanent(t *testing.T) {
	base := errors.New("bad input")
	err := fmt.Errorf("a.txt: %w", Permanent(base))
	if !IsPermanent(err) || !errors.Is(err, base) {
		t.Errorf("IsPermanent(%v) = false or the cause is lost", err)
	}
	if IsPermanent(base) {
		t.Error("a plain error is not permanent")
	}
}
