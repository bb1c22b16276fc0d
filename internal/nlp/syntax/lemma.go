package syntax

import "strings"

// irregulars are the English irregular inflections: "word XPOS" → lemma.
var irregulars = map[string]string{
	"is": "be", "am": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be", "'re": "be", "'m": "be",
	"has": "have", "had": "have", "having": "have", "'ve": "have", "'d": "would", "'ll": "will", "n't": "not", "ca": "can", "wo": "will",
	"did": "do", "does": "do", "done": "do", "went": "go", "gone": "go", "said": "say", "made": "make", "took": "take", "taken": "take",
	"came": "come", "saw": "see", "seen": "see", "knew": "know", "known": "know", "got": "get", "gotten": "get", "gave": "give",
	"given": "give", "found": "find", "thought": "think", "told": "tell", "became": "become", "left": "leave", "felt": "feel",
	"brought": "bring", "began": "begin", "begun": "begin", "kept": "keep", "held": "hold", "wrote": "write", "written": "write",
	"stood": "stand", "heard": "hear", "meant": "mean", "met": "meet", "ran": "run", "paid": "pay", "sat": "sit", "spoke": "speak",
	"spoken": "speak", "led": "lead", "grew": "grow", "grown": "grow", "lost": "lose", "fell": "fall", "fallen": "fall", "sent": "send",
	"built": "build", "understood": "understand", "drew": "draw", "drawn": "draw", "broke": "break", "broken": "break", "spent": "spend",
	"rose": "rise", "risen": "rise", "drove": "drive", "driven": "drive", "bought": "buy", "wore": "wear", "worn": "wear", "chose": "choose",
	"chosen": "choose", "sold": "sell", "fought": "fight", "caught": "catch", "taught": "teach", "sought": "seek", "won": "win",
	"flew": "fly", "flown": "fly", "ate": "eat", "eaten": "eat", "threw": "throw", "thrown": "throw", "shot": "shoot", "struck": "strike",
	"men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot", "teeth": "tooth", "mice": "mouse",
	"better": "good", "best": "good", "worse": "bad", "worst": "bad",
}

// Lemmatize gives the dictionary form of a word from its tags, by the irregulars table and
// the regular English inflection rules.
func Lemmatize(form, upos, xpos string) string {
	return lemmatize(form, strings.ToLower(form), upos, xpos)
}

// lemmatize is Lemmatize given the form's lower case w.
func lemmatize(form, w, upos, xpos string) string {
	if upos == "PROPN" {
		return form
	}
	if upos == "PRON" || upos == "DET" || upos == "PUNCT" || upos == "NUM" || upos == "SYM" || upos == "X" {
		return w
	}
	if l, ok := irregulars[w]; ok && (upos == "VERB" || upos == "AUX" || upos == "NOUN" || upos == "ADJ" || upos == "PART") {
		return l
	}
	n := len(w)
	switch xpos {
	case "NNS":
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
			return w[:n-2]
		case strings.HasSuffix(w, "ss"):
			return w
		case strings.HasSuffix(w, "s") && n > 2:
			return w[:n-1]
		}
	case "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "oes"):
			return w[:n-2]
		case strings.HasSuffix(w, "s") && n > 2:
			return w[:n-1]
		}
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "ed") && n > 4 && w[n-3] == w[n-4] && !strings.ContainsRune("lsz", rune(w[n-3])):
			return w[:n-3]
		case strings.HasSuffix(w, "eed"):
			return w[:n-1]
		case strings.HasSuffix(w, "ed") && n > 3:
			return w[:n-2]
		}
	case "VBG":
		switch {
		case strings.HasSuffix(w, "ing") && n > 5 && w[n-4] == w[n-5] && !strings.ContainsRune("lsz", rune(w[n-4])):
			return w[:n-4]
		case strings.HasSuffix(w, "ing") && n > 4:
			return w[:n-3]
		}
	case "JJR", "RBR":
		if strings.HasSuffix(w, "ier") {
			return w[:n-3] + "y"
		}
		if strings.HasSuffix(w, "er") && n > 4 {
			return w[:n-2]
		}
	case "JJS", "RBS":
		if strings.HasSuffix(w, "iest") {
			return w[:n-4] + "y"
		}
		if strings.HasSuffix(w, "est") && n > 5 {
			return w[:n-3]
		}
	}
	return w
}
