package main

import (
	"context"
	"errors"
	"log/slog"
)

func trainTagger(ctx context.Context, log *slog.Logger, args []string) error {
	return errors.New("tagger training is not available yet")
}
