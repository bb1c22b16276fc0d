package actor

import "testing"

// "Washington's envoy" is the person of that state whose role is an envoy's: named before it,
// or named just after it when no one before fits.
func TestStateEnvoys(t *testing.T) {
	checkReferences(t, []refCase{
		{"U.S. Ambassador Linda Thomas-Greenfield spoke first. Talks went on for hours. China's delegate disagreed. Others were silent. Washington's envoy urged restraint.", "Washington's envoy", "Linda Thomas-Greenfield"},
		{"Delegates met in New York. Iran's envoy rejected the charges. \"We have done nothing wrong,\" Ambassador Amir Saeid Iravani said.", "Iran's envoy", "Amir Saeid Iravani"},
		// a person named after it who is no envoy
		{"Delegates met in New York. Iran's envoy rejected the charges. Foreign Minister Abbas Araghchi said nothing.", "Iran's envoy", ""},
	})
}
