package main

import (
	"context"
	"flag"
	"strings"

	"github.com/tidings-news/tidings/internal/store"
	"github.com/tidings-news/tidings/internal/store/postgres"
	"github.com/tidings-news/tidings/internal/store/sqlite"
)

// defaultDB is the database file used when --db is not given.
const defaultDB = "tidings.db"

// dbFlag registers --db on fs and returns where its value lands.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB, "the SQLite database `FILE` (created when absent), or a postgres:// address")
}

// openDB opens the store at path, creating it and bringing its schema up to date: a
// PostgreSQL database for a postgres:// or postgresql:// address, else a SQLite file.
func openDB(ctx context.Context, path string) (store.Store, error) {
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		return postgres.Open(ctx, path, postgres.Options{})
	}
	return sqlite.Open(ctx, path, sqlite.Options{})
}
