import MizzenConsole
import MizzenCore
import Testing

@testable import MizzenTerminal

/// config.json's theme: a role it names takes its look when colour is used; monochrome
/// keeps its own attributes; the defaults it prints are the looks used.
@Suite struct ThemeTests {
  @Test func aThemedRoleTakesItsLookWithColour() {
    let theme = ["selection": ThemeStyle(.black, on: .magenta, [.bold, .underline])]
    #expect(
      ColorScheme.color.style(for: .selection, theme: theme)
        == RoleStyle(.black, on: .magenta, [.bold, .underline]))
    #expect(
      ColorScheme.color.style(for: .error, theme: theme) == ColorScheme.color.style(for: .error))
    #expect(
      ColorScheme.monochrome.style(for: .selection, theme: theme)
        == ColorScheme.monochrome.style(for: .selection))
  }

  @Test func theDefaultThemeIsTheLookInUse() {
    for role in Role.allCases {
      let text = try? #require(ColorScheme.defaultTheme[role.name]).text
      let parsed = text.flatMap { try? ThemeStyle(parsing: $0) }
      #expect(parsed.map(RoleStyle.init) == ColorScheme.color.style(for: role), "\(role)")
    }
  }
}
