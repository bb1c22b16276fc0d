// Command tidings reads news articles and says who did what to whom, when and where, who said
// what, and how sure the reporter was.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
)

// command is one subcommand: run gets the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a subcommand may touch of the outside world.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// errFailed says that some inputs failed; each was already reported on stderr.
var errFailed = errors.New("some inputs failed")

func commands() map[string]command {
	return map[string]command{
		"extract":   {"read articles and print their annotations as JSON", runExtract},
		"ingest":    {"store articles (files, folders, URLs, feeds) with their annotations", runIngest},
		"serve":     {"serve the HTTP API and the web UI", runServe},
		"demo":      {"load the sample corpus into a database and serve it", runDemo},
		"reprocess": {"run the annotators again over stored articles", runReprocess},
		"bench":     {"measure throughput on a corpus", runBench},
		"work":      {"annotate and store the articles of a NATS JetStream work queue", runWork},
		"parse":     {"print the tokens, tags and dependency tree of text as CoNLL-U", runParse},
		"export":    {"stream stored events and articles as CSV, JSON Lines or PLOVER JSON", runExport},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	batchGC(os.Args[1:])
	os.Exit(run(ctx, e, os.Args[1:]))
}

// batchGC lets the garbage collector run less often in the commands that stream many articles
// (extract, ingest, bench, work): they make much short-lived garbage and keep little alive, so the
// heap may grow to five times what is live, within a soft limit that keeps a long run's memory
// bounded. GOGC or GOMEMLIMIT in the environment take precedence.
func batchGC(args []string) {
	if len(args) == 0 || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	switch args[0] {
	case "extract", "ingest", "bench", "work":
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(200 << 20)
	}
}

func run(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "tidings: unknown command %q\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	if err := c.run(ctx, e, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0 // the flag package printed the usage
		}
		if errors.Is(err, errFailed) {
			return 1
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "tidings %s: %v\n", args[0], err)
			return 2
		}
		fmt.Fprintf(e.stderr, "tidings %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// usageError is a mistake in the command line.
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: tidings COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'tidings COMMAND -h' for a command's flags.")
}
