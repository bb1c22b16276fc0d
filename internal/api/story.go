package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/tidings-news/tidings/internal/store"
)

// getStory answers which article the article is a near-duplicate of, or which articles are
// near-duplicates of it.
func (a *API) getStory(w http.ResponseWriter, r *http.Request) {
	st, ok := readArticle(a, w, r, a.st.Story)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		store.Story
		Copies []store.ArticleRef `json:"copies"`
	}{st, list(st.Copies)})
}

// readArticle reads what get returns for the article of the request's {id}, answering the
// error itself when there is one.
func readArticle[T any](a *API, w http.ResponseWriter, r *http.Request, get func(context.Context, string) (T, error)) (T, bool) {
	id := r.PathValue("id")
	var zero T
	if id == "" || len(id) > 100 {
		writeError(w, http.StatusBadRequest, "an article id is 1 to 100 characters")
		return zero, false
	}
	v, err := get(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			writeError(w, http.StatusNotFound, "no article with id "+id)
			return zero, false
		}
		a.storeError(w, r, err)
		return zero, false
	}
	return v, true
}
