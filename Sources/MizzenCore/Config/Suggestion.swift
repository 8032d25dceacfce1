/// "Did you mean …?" for a mistyped word: the nearest known word by edit distance, when it
/// is near enough to be what was meant.
public enum Suggestion {
  /// The nearest of `candidates` to `word`, or nil when none is close: at most one edit
  /// for short words, at most a third of the word's length for longer ones. Case is
  /// ignored; ties go to the earlier candidate.
  public static func nearest(to word: String, in candidates: [String]) -> String? {
    let typed = Array(word.lowercased())
    let allowed = max(1, min(3, typed.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let found = distance(typed, Array(candidate.lowercased()))
      if found <= allowed, found < (best?.distance ?? Int.max) {
        best = (candidate, found)
      }
    }
    return best?.candidate
  }

  /// The restricted Damerau–Levenshtein distance: insertions, deletions, substitutions and
  /// swaps of two neighbours each count one, so `valdiate` is one edit from `validate`.
  public static func distance(_ a: String, _ b: String) -> Int {
    distance(Array(a), Array(b))
  }

  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, before[j - 2] + 1)
        }
        current[j] = value
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
