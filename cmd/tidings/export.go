package main

import (
	"context"
	"errors"
)

func runExport(ctx context.Context, e *env, args []string) error {
	return errors.New("export: not available yet")
}
