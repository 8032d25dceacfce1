import MizzenCore

/// The problems of the workspace indexed by record, built once per change, so that a list
/// row finds its marker without scanning every problem.
struct ProblemMarks: Sendable {
  private struct RecordKey: Hashable {
    var collection: ProblemPath.Collection
    var record: Int
  }

  private struct ChildKey: Hashable {
    var collection: ProblemPath.Collection
    var record: Int
    var list: String
    var child: Int
  }

  private var worst: [RecordKey: Problem.Severity] = [:]
  private var children: [ChildKey: [Problem]] = [:]

  init(_ problems: [Problem] = []) { note(problems) }

  /// The marks of one record after it was validated again: `removed` were all its problems,
  /// `added` are all of them now.
  mutating func replace(
    _ collection: ProblemPath.Collection, _ record: Int, removed: [Problem], added: [Problem]
  ) {
    worst[RecordKey(collection: collection, record: record)] = nil
    for problem in removed {
      guard let list = problem.path.childList, let child = problem.path.childIndex else {
        continue
      }
      children[ChildKey(collection: collection, record: record, list: list, child: child)] = nil
    }
    note(added)
  }

  private mutating func note(_ problems: [Problem]) {
    for problem in problems {
      guard let collection = problem.path.collection, let record = problem.path.recordIndex
      else { continue }
      let key = RecordKey(collection: collection, record: record)
      if problem.severity == .error || worst[key] == nil { worst[key] = problem.severity }
      if let list = problem.path.childList, let child = problem.path.childIndex {
        children[
          ChildKey(collection: collection, record: record, list: list, child: child),
          default: []
        ].append(problem)
      }
    }
  }

  /// "✗" when the record has an error, "⚠" when only warnings, "" when none.
  func marker(_ collection: ProblemPath.Collection, _ record: Int) -> String {
    switch worst[RecordKey(collection: collection, record: record)] {
    case .error?: return "✗"
    case nil: return ""
    default: return "⚠"
    }
  }

  /// The first problem of a nested record, with a count of the others.
  func childNote(_ collection: ProblemPath.Collection, _ record: Int, _ list: String, _ child: Int)
    -> String
  {
    let found =
      children[ChildKey(collection: collection, record: record, list: list, child: child)] ?? []
    guard let first = found.first else { return "" }
    let mark = first.severity == .error ? "✗ " : "⚠ "
    return mark + first.message + (found.count > 1 ? " (+\(found.count - 1))" : "")
  }
}
