import MizzenCore

/// The problems list (`:problems`): every problem of the workspace in a generic list.
enum ProblemList {
  static func source(_ problems: [Problem]) -> ListSource {
    ListSource(
      columns: [
        SectionLists.markColumn,
        ListColumn(title: "Severity", minWidth: 8, maxWidth: 8, weight: 0),
        ListColumn(title: "Where", minWidth: 16, maxWidth: 50, weight: 2),
        ListColumn(title: "Problem", minWidth: 20, maxWidth: 200, weight: 5),
      ],
      count: problems.count,
      cells: { index in
        let problem = problems[index]
        return [
          problem.severity == .error ? "✗" : "⚠", problem.severity.rawValue,
          problem.path.description, problem.message,
        ]
      },
      emptyMessage: "No problems: the workspace is valid.")
  }
}
