module github.com/tidings-news/tidings

go 1.26.8
