/// "Did you mean" suggestions: the known word closest to a misspelt one.
public enum Suggestion {
    /// The longest word a suggestion is looked for (ids are at most 64 characters).
    public static let maxWordLength = 64

    /// The candidate closest to `word` by edit distance (insertions, deletions, substitutions and
    /// transpositions), if it is close enough to be a plausible typo; ties go to the first in
    /// sorted order, so the answer is stable.
    ///
    /// - Complexity: O(n · 64²) for n candidates at most: a word longer than ``maxWordLength``
    ///   gets no suggestion, and a candidate whose length is too far from the word's is skipped
    ///   before the distance is computed.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= maxWordLength else { return nil }
        let allowed = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates.sorted() {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - target.count) <= allowed, other.count <= maxWordLength else { continue }
            let distance = editDistance(target, other)
            // A one-letter word is as far from every other one-letter word: suggest nothing.
            guard distance <= allowed, distance < target.count, distance < (best?.distance ?? Int.max) else { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// What to add to a message about a word that is not one of `candidates`.
    public struct Hint: Sendable, Equatable {
        /// `; did you mean 'x'?`, `; expected one of 'a', 'b'`, or empty.
        public let text: String
        /// The candidate to write instead, when one is close enough to be the word meant.
        public let replacement: String?
    }

    /// The one way orgdiag answers an unknown word: "did you mean" the closest candidate when one
    /// is a plausible typo; otherwise, when `listingAll` is set, the list of the words allowed
    /// (in the order given). ``Diagnostic/suggesting(_:written:)`` appends it and adds the fix-it.
    public static func hint(for word: String, among candidates: some Sequence<String>, listingAll: Bool = false) -> Hint {
        let candidates = Array(candidates)
        if let match = closest(to: word, among: candidates) {
            return Hint(text: "; did you mean '\(match)'?", replacement: match)
        }
        guard listingAll, !candidates.isEmpty else { return Hint(text: "", replacement: nil) }
        return Hint(text: "; expected one of " + candidates.map { "'\($0)'" }.joined(separator: ", "), replacement: nil)
    }

    /// `; did you mean 'x'?` when a close candidate exists, else an empty string, for messages that
    /// are not diagnostics (command-line usage errors).
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        hint(for: word, among: candidates).text
    }

    /// Optimal string alignment distance between two scalar arrays.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
