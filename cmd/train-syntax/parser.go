package main

import (
	"context"
	"errors"
	"log/slog"
)

func trainParser(ctx context.Context, log *slog.Logger, args []string) error {
	return errors.New("parser training is not available yet")
}
