package quote

import (
	"strings"
	"testing"

	"github.com/tidings-news/tidings/internal/model"
)

// benchArticle is a news-like article of about 6 KB with quotations of every kind.
var benchArticle = strings.Repeat("Russian Foreign Ministry spokeswoman Maria Zakharova said this week that Moscow "+
	"\u201cresolutely condemns disruptive foreign interference\u201d in Iran\u2019s domestic affairs. "+
	"She accused foreign powers of attempting to turn a peaceful protest into \u201ccruel and senseless unrest.\u201d\n\n"+
	"\"We will not back down,\" said Ana Torres, the mayor. \"The bridge is closed, and it will stay closed "+
	"until the engineers say otherwise.\"\n\n"+
	"Iraqi officials said the strike killed two commanders near the border, and the '90s-era base was hit.\n\n", 12)

func BenchmarkAnnotate(b *testing.B) {
	f := New()
	b.SetBytes(int64(len(benchArticle)))
	for b.Loop() {
		doc := &model.Document{Text: benchArticle}
		f.Annotate(doc)
	}
}
