package syntax

import (
	"math"
	"slices"
)

// WordClasses groups words into n classes by the words around them: the exchange algorithm
// (Kneser and Ney 1993; Martin, Liermann and Ney 1998) moves each word to the class that most
// raises the likelihood of a class bigram model of the sentences, for the given number of
// passes. Words seen fewer than minCount times are left out. The result maps each kept word
// to its class, 0..n-1.
func WordClasses(sents [][]string, n, minCount, passes int) map[string]int {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
		}
	}
	// word 0 is the sentence boundary, word 1 every rare word
	vocab := []string{"<s>", "<unk>"}
	for w, c := range counts {
		if c >= minCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab[2:], func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	// bigram counts of word ids, as successor and predecessor lists
	type edge struct{ w, n int32 }
	big := map[[2]int32]int32{}
	total := 0
	for _, s := range sents {
		prev := int32(0)
		for _, w := range s {
			k, ok := id[w]
			if !ok {
				k = 1
			}
			big[[2]int32{prev, k}]++
			prev = k
			total++
		}
		big[[2]int32{prev, 0}]++
		total++
	}
	nv := len(vocab)
	succ := make([][]edge, nv)
	pred := make([][]edge, nv)
	self := make([]int32, nv)
	left := make([]int32, nv)  // times the word is the first of a bigram
	right := make([]int32, nv) // the second
	keys := make([][2]int32, 0, len(big))
	for k := range big {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	for _, k := range keys {
		c := big[k]
		left[k[0]] += c
		right[k[1]] += c
		if k[0] == k[1] {
			self[k[0]] += c
			continue
		}
		succ[k[0]] = append(succ[k[0]], edge{k[1], c})
		pred[k[1]] = append(pred[k[1]], edge{k[0], c})
	}
	xlogx := make([]float64, total+1)
	for i := 1; i <= total; i++ {
		xlogx[i] = float64(i) * math.Log(float64(i))
	}
	// the boundary has a class of its own, n
	class := make([]int32, nv)
	class[0] = int32(n)
	for i := 1; i < nv; i++ {
		class[i] = int32((i - 1) % n)
	}
	// class bigram counts and class totals
	m := n + 1
	cb := make([]int32, m*m)
	cl := make([]int32, m)
	cr := make([]int32, m)
	for _, k := range keys {
		cb[int(class[k[0]])*m+int(class[k[1]])] += big[k]
	}
	for w := range nv {
		cl[class[w]] += left[w]
		cr[class[w]] += right[w]
	}
	sc := make([]int32, m) // the word's bigrams with each class after it
	pc := make([]int32, m) // before it
	var st, pt []int32     // the classes set in sc and pc
	for range passes {
		moved := 0
		for w := 1; w < nv; w++ { // the boundary stays in its class
			st, pt = st[:0], pt[:0]
			for _, e := range succ[w] {
				c := class[e.w]
				if sc[c] == 0 {
					st = append(st, c)
				}
				sc[c] += e.n
			}
			for _, e := range pred[w] {
				c := class[e.w]
				if pc[c] == 0 {
					pt = append(pt, c)
				}
				pc[c] += e.n
			}
			a := int(class[w])
			// take the word out of its class
			for _, c := range st {
				cb[a*m+int(c)] -= sc[c]
			}
			for _, c := range pt {
				cb[int(c)*m+a] -= pc[c]
			}
			cb[a*m+a] -= self[w]
			cl[a] -= left[w]
			cr[a] -= right[w]
			bestC, bestGain := a, math.Inf(-1)
			for b := range n {
				g := 0.0
				for _, c := range st {
					if int(c) != b {
						v := cb[b*m+int(c)]
						g += xlogx[v+sc[c]] - xlogx[v]
					}
				}
				for _, c := range pt {
					if int(c) != b {
						v := cb[int(c)*m+b]
						g += xlogx[v+pc[c]] - xlogx[v]
					}
				}
				v := cb[b*m+b]
				g += xlogx[v+sc[b]+pc[b]+self[w]] - xlogx[v]
				g -= xlogx[cl[b]+left[w]] - xlogx[cl[b]]
				g -= xlogx[cr[b]+right[w]] - xlogx[cr[b]]
				if g > bestGain+1e-9 || b == a && g >= bestGain-1e-9 {
					bestC, bestGain = b, g
				}
			}
			b := bestC
			if b != a {
				moved++
			}
			for _, c := range st {
				cb[b*m+int(c)] += sc[c]
			}
			for _, c := range pt {
				cb[int(c)*m+b] += pc[c]
			}
			cb[b*m+b] += self[w]
			cl[b] += left[w]
			cr[b] += right[w]
			class[w] = int32(b)
			for _, c := range st {
				sc[c] = 0
			}
			for _, c := range pt {
				pc[c] = 0
			}
		}
		if moved == 0 {
			break
		}
	}
	out := make(map[string]int, nv)
	for i, w := range vocab[2:] {
		out[w] = int(class[i+2])
	}
	return out
}
