package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/tidings-news/tidings/internal/api"
	"github.com/tidings-news/tidings/internal/httpsec"
	"github.com/tidings-news/tidings/internal/pipeline"
	"github.com/tidings-news/tidings/internal/source"
	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/web"
)

// Server timeouts: slow clients cannot hold a connection open for ever, and a posted article
// has time to be fetched and annotated.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 60 * time.Second
	writeTimeout      = 90 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 15 * time.Second
	defaultAddr       = "127.0.0.1:8080"
)

// serveFlags are the flags serve and demo share.
type serveFlags struct {
	addr, token, tokenFile string
	openWrites, hsts       bool
}

func (sf *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.addr, "addr", defaultAddr, "the `HOST:PORT` to listen on")
	fs.StringVar(&sf.token, "token", "", "the bearer `TOKEN` every write (POST /api/articles) requires, at least 16 characters (default $TIDINGS_TOKEN); without one, writes are refused")
	fs.StringVar(&sf.tokenFile, "token-file", "", "read the bearer token from `FILE` (kept out of the process list)")
	fs.BoolVar(&sf.openWrites, "allow-unauthenticated-writes", false, "accept writes without a token; only on a loopback --addr")
	fs.BoolVar(&sf.hsts, "hsts", false, "send Strict-Transport-Security (HTTPS only, for a year); only when browsers reach the server through HTTPS, such as a TLS proxy in front")
}

// security checks the flags' token and write policy against the address.
func (sf *serveFlags) security() (httpsec.Options, error) {
	token, err := httpsec.Token(sf.token, sf.tokenFile, os.Getenv("TIDINGS_TOKEN"))
	if err != nil {
		return httpsec.Options{}, usageError{err}
	}
	if sf.openWrites && token == "" && !httpsec.Loopback(sf.addr) {
		return httpsec.Options{}, usageError{fmt.Errorf("--allow-unauthenticated-writes needs a loopback --addr such as 127.0.0.1:8080, not %s: give a token to accept writes from other machines", sf.addr)}
	}
	return httpsec.Options{Token: token, AllowUnauthenticatedWrites: sf.openWrites && token == "", HSTS: sf.hsts}, nil
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := dbFlag(fs)
	var sf serveFlags
	sf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: tidings serve [flags]\n\nServes the JSON API under /api/ and the web pages over a database.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	st, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return err
	}
	return sf.serve(ctx, e, st, p)
}

// serve offers the site over st on the flags' address until ctx ends.
func (sf *serveFlags) serve(ctx context.Context, e *env, st store.Store, p *pipeline.Pipeline) error {
	sec, err := sf.security()
	if err != nil {
		return err
	}
	if sec.AllowUnauthenticatedWrites {
		e.log.Warn("writes are accepted without a token from anyone on this machine", "addr", sf.addr)
	}
	h, err := siteHandler(st, p, sec, e.log)
	if err != nil {
		return err
	}
	return listenAndServe(ctx, e.log, sf.addr, h)
}

// noArgs refuses arguments after the flags of a command that takes none.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// siteHandler is the whole site: the API under /api/ and the pages everywhere else, behind the
// security headers and the write guard.
func siteHandler(st store.Store, ann api.Annotator, sec httpsec.Options, log *slog.Logger) (http.Handler, error) {
	pages, err := web.New(st, web.Options{Logger: log})
	if err != nil {
		return nil, err
	}
	fetcher := source.NewFetcher(source.WebOptions{})
	fetch := func(ctx context.Context, u string) (source.Input, error) {
		resp, err := fetcher.Fetch(ctx, u, source.Conditional{})
		if err != nil {
			return source.Input{}, err
		}
		return resp.Input(u), nil
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(st, api.Options{Annotator: ann, Fetch: fetch, Logger: log}))
	mux.Handle("/", pages)
	return logRequests(log, httpsec.Handler(mux, sec)), nil
}

// listenAndServe serves h on addr until ctx ends, then shuts down gracefully: requests under
// way get shutdownTimeout to finish.
func listenAndServe(ctx context.Context, log *slog.Logger, addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serving on %s: %w", addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving on %s: %w", addr, err)
	}
	return nil
}

// logRequests logs each request at debug level, and server errors at warning level.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		level := slog.LevelDebug
		if sw.status >= 500 {
			level = slog.LevelWarn
		}
		log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path,
			"status", sw.status, "duration", time.Since(start))
	})
}

// statusWriter remembers the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
