package web

import (
	"reflect"
	"testing"
)

func TestExportLinks(t *testing.T) {
	got := exportLinks("source", "USA", "target", "", "type", "A&B=C")
	want := []exportLink{
		{"csv", "/api/export?format=csv&source=USA&type=A%26B%3DC"},
		{"plover", "/api/export?format=plover&source=USA&type=A%26B%3DC"},
		{"jsonl", "/api/export?format=jsonl&source=USA&type=A%26B%3DC"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
