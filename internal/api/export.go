package api

import (
	"bufio"
	"net/http"
	"strings"

	"github.com/tidings-news/tidings/internal/export"
	"github.com/tidings-news/tidings/internal/store"
)

// exportFlushEvery is how many articles are written between flushes of the answer, so a
// client sees rows arrive while a large export runs.
const exportFlushEvery = 64

// getExport streams the events that match the filters as CSV, JSON Lines of documents or
// PLOVER records (format=csv|jsonl|plover; default csv), as a file download.
func (a *API) getExport(w http.ResponseWriter, r *http.Request) {
	p := NewParams(r.URL.Query())
	format := strings.ToLower(p.String("format"))
	if format == "" {
		format = export.CSV
	}
	q := store.ExportQuery{Type: p.EventType("type"), Source: p.String("source"), Target: p.String("target"),
		Actor: p.String("actor"), Country: p.Upper("country"), Certainty: p.Certainty("certainty"),
		ArticleID: p.String("article")}
	q.From, q.To = p.Range()
	if err := p.Err(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// the answer starts with the first article, so a bad format must be caught first
	buf := bufio.NewWriterSize(w, 32<<10)
	ew, err := export.New(buf, format)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", export.ContentType(format))
	h.Set("Content-Disposition", `attachment; filename="tidings-events`+export.Extension(format)+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	rc := http.NewResponseController(w)
	n, sent := 0, false
	err = a.st.Export(r.Context(), q, func(it store.ExportItem) error {
		if err := ew.Write(it); err != nil {
			return err
		}
		if n++; n%exportFlushEvery == 0 {
			sent = true
			if err := buf.Flush(); err != nil {
				return err
			}
			_ = rc.Flush() // a writer that cannot flush sends at the end
		}
		return nil
	})
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		sent = true
		err = buf.Flush()
	}
	if err != nil {
		// once rows are sent the status is 200; the truncated answer and the log say it failed
		a.log.Error("export failed", "path", r.URL.Path, "articles", n, "err", err)
		if !sent {
			h.Del("Content-Disposition")
			a.storeError(w, r, err)
		}
	}
}
