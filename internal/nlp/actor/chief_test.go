package actor

import "testing"

// "the X chief" is the person named before it whose role holds X, and no one when no role does.
func TestChiefs(t *testing.T) {
	checkReferences(t, []refCase{
		{"Commerce Secretary Howard Lutnick spoke on Sunday. President Trump imposed tariffs. The Commerce chief rebuffed the fears.", "The Commerce chief", "Howard Lutnick"},
		{"U.N. Secretary-General Antonio Guterres visited Kyiv. President Volodymyr Zelenskyy met him. The U.N. chief said the war must end.", "The U.N. chief", "Antonio Guterres"},
		// the most recent of two who fit
		{"Commerce Secretary Howard Lutnick spoke. Former Commerce Secretary Gina Raimondo disagreed. The Commerce chief left.", "The Commerce chief", "Gina Raimondo"},
		// no role holds the word
		{"Commerce Secretary Howard Lutnick spoke on Sunday. The Treasury chief said nothing.", "The Treasury chief", ""},
	})
}

// refCase is a text, a reference in it and the actor it is a mention of ("" for none).
type refCase struct{ text, ref, want string }

// checkReferences annotates each text and checks whose mention its reference is.
func checkReferences(t *testing.T, tests []refCase) {
	t.Helper()
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		doc := annotate(r, tt.text, "2025-03-14")
		var got string
		for _, a := range doc.Actors {
			for _, m := range a.Mentions {
				if m.Text == tt.ref {
					got = a.Name
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q is a mention of %q, want %q\n%s", tt.text, tt.ref, got, tt.want, dump(doc))
		}
	}
}

func TestRoleHolds(t *testing.T) {
	tests := []struct {
		role  string
		words []string
		want  bool
	}{
		{"Commerce Secretary", []string{"commerce"}, true},
		{"U.N. Secretary-General", []string{"un"}, true},
		{"Secretary of Homeland Security", []string{"homeland", "security"}, true},
		{"Secretary of Homeland Security", []string{"security", "homeland"}, false},
		{"Defense Secretary", []string{"commerce"}, false},
		{"", []string{"un"}, false},
	}
	for _, tt := range tests {
		if got := roleHolds(tt.role, tt.words); got != tt.want {
			t.Errorf("roleHolds(%q, %q) = %v, want %v", tt.role, tt.words, got, tt.want)
		}
	}
}
