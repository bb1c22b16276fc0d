package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/tidings-news/tidings/internal/model"
	"github.com/tidings-news/tidings/internal/reader"
)

// PostArticle is the JSON body of POST /api/articles: a URL to fetch, or the article's text
// or HTML (with the URL it came from, if known).
type PostArticle struct {
	URL       string `json:"url"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Now       string `json:"now"`
}

// Posted is the answer to POST /api/articles.
type Posted struct {
	ID        string `json:"id"`
	Created   bool   `json:"created"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Events    int    `json:"events"`
	Actors    int    `json:"actors"`
	Quotes    int    `json:"quotes"`
	Times     int    `json:"times"`
}

// badInput is a mistake in a posted article, answered with 400.
type badInput struct{ error }

func (a *API) postArticle(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, a.opts.MaxBodyBytes)
	req, err := a.decodePost(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the article is larger than %d bytes", a.opts.MaxBodyBytes))
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	opts := reader.Options{URL: req.URL}
	if req.Published != "" {
		if _, _, err := model.ParseTime(req.Published); err != nil {
			writeError(w, http.StatusBadRequest, "published: "+err.Error())
			return
		}
		opts.Published = req.Published
	}
	if req.Now != "" {
		t, zone, err := model.ParseTime(req.Now)
		if err != nil {
			writeError(w, http.StatusBadRequest, "now: "+err.Error())
			return
		}
		opts.Now, opts.NowHasZone = t, zone
	}
	var data []byte
	switch {
	case req.Text != "":
		data, opts.Format = []byte(req.Text), reader.FormatText
	case req.HTML != "":
		data, opts.Format = []byte(req.HTML), reader.FormatHTML
	default:
		if a.opts.Fetch == nil {
			writeError(w, http.StatusNotImplemented, "this server does not fetch URLs: send the article's text or html instead")
			return
		}
		in, err := a.opts.Fetch(r.Context(), req.URL)
		if err != nil {
			writeError(w, http.StatusBadGateway, "fetching "+req.URL+": "+err.Error())
			return
		}
		data = in.Data
		if in.URL != "" {
			opts.URL = in.URL
		}
	}
	doc, err := reader.Read(data, opts)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "the input cannot be read as an article: "+err.Error())
		return
	}
	doc.Source = "api"
	if req.URL != "" {
		doc.Source = req.URL
	}
	a.opts.Annotator.Annotate(doc)
	id, created, err := a.st.SaveArticle(r.Context(), doc)
	if err != nil {
		a.storeError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		a.log.Info("article stored", "id", id, "title", doc.Title, "events", len(doc.Events))
	}
	w.Header().Set("Location", "/api/articles/"+url.PathEscape(id))
	writeJSON(w, status, Posted{ID: id, Created: created, Title: doc.Title, Published: doc.Published,
		Events: len(doc.Events), Actors: len(doc.Actors), Quotes: len(doc.Quotes), Times: len(doc.Times)})
}

// decodePost reads the request: a JSON body (PostArticle), or the raw article as text/plain or
// text/html with url and published as query parameters.
func (a *API) decodePost(r *http.Request) (PostArticle, error) {
	var req PostArticle
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return req, badInput{errors.New("the Content-Type header cannot be read")}
	}
	switch ct {
	case "application/json":
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return req, err
			}
			return req, badInput{fmt.Errorf("the body is not the JSON this endpoint takes (url, text, html, published, now): %w", err)}
		}
	case "text/plain", "text/html", "":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return req, err
		}
		if ct == "text/html" {
			req.HTML = string(body)
		} else {
			req.Text = string(body)
		}
		q := r.URL.Query()
		req.URL, req.Published, req.Now = q.Get("url"), q.Get("published"), q.Get("now")
	default:
		return req, badInput{fmt.Errorf("Content-Type %s is not taken: send application/json, text/plain or text/html", ct)}
	}
	req.URL = strings.TrimSpace(req.URL)
	if strings.TrimSpace(req.Text) == "" && strings.TrimSpace(req.HTML) == "" {
		req.Text, req.HTML = "", ""
		if req.URL == "" {
			return req, badInput{errors.New("send an article: a url, or its text or html")}
		}
	}
	if req.Text != "" && req.HTML != "" {
		return req, badInput{errors.New("send text or html, not both")}
	}
	if req.URL != "" {
		u, err := url.Parse(req.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return req, badInput{fmt.Errorf("url %q: want an absolute http or https address", req.URL)}
		}
	}
	return req, nil
}
