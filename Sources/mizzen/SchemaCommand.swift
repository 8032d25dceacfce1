import ArgumentParser
import MizzenCore

struct SchemaCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of the workspace format.",
    discussion: """
      Prints a JSON Schema (draft 2020-12) of the workspace file to standard output, for \
      editors and for checking files in CI, e.g. `mizzen schema > mizzen.schema.json`. The \
      schema covers the structure and the allowed values of every field; the rules across \
      records (codes that exist and are unique, exactly one marketing preference identity, \
      group ids mapped twice…) are checked by `mizzen validate`.
      """
  )

  func run() async throws {
    print(WorkspaceSchema.text, terminator: "")
  }
}
