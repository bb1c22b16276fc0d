// Command import-phoenix writes internal/nlp/actor/data/phoenix-actors.tsv and
// phoenix-agents.tsv from the Phoenix actor and agent dictionaries of PETRARCH2 (MIT
// licence, Open Event Data Alliance): actor names and aliases with their PLOVER country and
// sector and their dated offices, and the common nouns of agents with their sector, less what
// the review file drops (see docs/lexicons.md).
//
//	go run ./cmd/import-phoenix -src ../shared/reference/petrarch2 -out internal/nlp/actor/data
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// actorFiles are the Phoenix actor dictionaries read, in this order.
var actorFiles = []string{"Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt.gz", "Phoenix.MilNonState.actors.txt.gz"}

const agentsFile = "Phoenix.agents.txt.gz"

func main() {
	src := flag.String("src", "", "the folder of the Phoenix dictionaries (Phoenix.*.actors.txt.gz, Phoenix.agents.txt.gz)")
	out := flag.String("out", "internal/nlp/actor/data", "the actor data folder: read for countries.tsv, nonnames.txt and roles.tsv, written with phoenix-actors.tsv and phoenix-agents.tsv")
	rev := flag.String("review", "cmd/import-phoenix/review.tsv", "the review decisions")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: import-phoenix -src DIR [-out DIR] [-review FILE]")
		os.Exit(2)
	}
	actors, agents, err := generate(*src, *out, *rev)
	if err == nil {
		err = os.WriteFile(filepath.Join(*out, "phoenix-actors.tsv"), actors, 0o644)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(*out, "phoenix-agents.tsv"), agents, 0o644)
	}
	if err != nil {
		slog.Error("import-phoenix", "err", err)
		os.Exit(1)
	}
}

// generate reads the dictionaries in src, the lexicon files in data and the review file, and
// returns the two output files.
func generate(src, data, reviewPath string) (actorsTSV, agentsTSV []byte, err error) {
	rv := newReview()
	for _, f := range []struct {
		path string
		read func(io.Reader) error
	}{
		{reviewPath, rv.readReview},
		{filepath.Join(data, "countries.tsv"), rv.readCountries},
		{filepath.Join(data, "nonnames.txt"), rv.readNonNames},
		{filepath.Join(data, "roles.tsv"), rv.readRoles},
	} {
		if err := readWith(f.path, f.read); err != nil {
			return nil, nil, err
		}
	}
	var all []actor
	for _, name := range actorFiles {
		var recs []record
		err := readWith(filepath.Join(src, name), func(r io.Reader) error {
			var err error
			var bad []string
			recs, bad, err = parseActors(r)
			for _, b := range bad {
				slog.Warn("code left out", "file", name, "problem", b)
			}
			return err
		})
		if err != nil {
			return nil, nil, err
		}
		all = append(all, rv.convert(recs, strings.TrimSuffix(name, ".gz"))...)
	}
	ambiguous(all)
	all = merge(all)
	var agents []agent
	err = readWith(filepath.Join(src, agentsFile), func(r io.Reader) error {
		var err error
		agents, err = parseAgents(r)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return writeActors(all, rv), writeAgents(agents, rv), nil
}

// readWith opens path (gunzipping a .gz file) and hands it to read.
func readWith(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	if err := read(r); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

const actorsHeader = `# phoenix-actors.tsv: actors imported from the Phoenix dictionaries of PETRARCH2
# (Phoenix.Countries, Phoenix.International and Phoenix.MilNonState .actors files, MIT licence,
# Copyright (c) 2014 Open Event Data Alliance), by cmd/import-phoenix. Do not edit: change
# cmd/import-phoenix/review.tsv and regenerate. The dictionaries date from 2014; an office
# with no end date is the last state they know, not the state of today.
#
# columns: name, aliases, kind, country, sector, offices, source (TAB-separated)
#   kind     person, organization or group
#   country  PLOVER country code the actor acts for now (last office), may be empty
#   sector   PLOVER sector code of that office
#   offices  COUNTRY:SECTOR:FROM:TO items separated by "|", dates YYYY-MM-DD, empty for open
#   source   dictionary file and line of the entry
`

func writeActors(as []actor, rv *review) []byte {
	var b bytes.Buffer
	b.WriteString(actorsHeader)
	for _, a := range as {
		sortOffices(a.offices)
		var offs []string
		for _, c := range a.offices {
			country, sector := decode(c.value, rv.codes)
			offs = append(offs, country+":"+sector+":"+c.from+":"+c.to)
		}
		offs = dedupe(offs)
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.name, strings.Join(a.aliases, "|"), a.kind, a.country, a.sector, strings.Join(offs, "|"), a.source)
	}
	return b.Bytes()
}

const agentsHeader = `# phoenix-agents.tsv: common nouns of actors ("foreign minister", "troops") imported from
# Phoenix.agents.txt of PETRARCH2 (MIT licence, Copyright (c) 2014 Open Event Data Alliance),
# by cmd/import-phoenix. Do not edit: change cmd/import-phoenix/review.tsv and regenerate.
#
# columns: phrase, plural, sector, code, source (TAB-separated)
#   phrase  lower case; plural: the irregular plural when the dictionary gives one
#   sector  PLOVER sector code; code: the CAMEO agent code as the dictionary writes it
#   source  dictionary file and line
`

func writeAgents(ags []agent, rv *review) []byte {
	var b bytes.Buffer
	b.WriteString(agentsHeader)
	seen := map[string]bool{}
	for _, a := range ags {
		_, sector := decode(a.code, nil)
		p := norm(a.phrase)
		if sector == "" || seen[p] {
			continue
		}
		if r, ok := rv.drop[p]; ok && r != "" {
			continue
		}
		seen[p] = true
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s:%d\n", p, norm(a.plural), sector, a.code, strings.TrimSuffix(agentsFile, ".gz"), a.line)
	}
	return b.Bytes()
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
