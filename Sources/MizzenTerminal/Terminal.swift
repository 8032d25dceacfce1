import CNcursesw
import MizzenConsole
import MizzenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one owner of curses: it takes over a terminal, reads keys, draws frames, and gives
/// the terminal back as it found it.
///
/// Every call happens on the main actor, because curses keeps global state. The window is
/// the one `newterm` made; the `stdscr`, `LINES` and `COLS` globals are never read.
@MainActor
public final class Terminal {
  /// How the terminal is set up.
  public struct Options: Sendable {
    /// False with `--no-color` or `NO_COLOR`: roles are shown with attributes only.
    public var colorWanted: Bool
    /// False with `--no-mouse`: the terminal keeps its own mouse selection.
    public var mouse: Bool
    /// Looks by role name from config.json, replacing the defaults when colour is used.
    public var theme: [String: ThemeStyle]

    public init(colorWanted: Bool = true, mouse: Bool = true, theme: [String: ThemeStyle] = [:]) {
      self.colorWanted = colorWanted
      self.mouse = mouse
      self.theme = theme
    }
  }

  /// How long a lone Esc waits for the rest of an escape sequence.
  static let escapeDelayMilliseconds: Int32 = 25

  private let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  /// Colours (or attributes alone) in use, chosen from the options and the terminal.
  public let scheme: ColorScheme
  private var styles: [RoleStyle] = []
  /// The frame on the screen now; nil forces the next draw to send everything.
  var shown: Frame?
  var cursorVisible: Bool?
  private var closed = false
  var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
  /// Standard input's descriptor, read with read(2): curses never reads keys here.
  let inputDescriptor: Int32
  let outputDescriptor: Int32
  var decoder: InputDecoder
  var readBuffer = [UInt8](repeating: 0, count: 64 << 10)

  /// Bracketed paste on: the terminal marks pasted text, which is then typed as text
  /// whatever it holds (a tab or a newline in it is not a key).
  static let pasteModeOn = "\u{1B}[?2004h"
  static let pasteModeOff = "\u{1B}[?2004l"

  /// Checks, before anything is drawn, that the console can run here: standard input and
  /// output are terminals, and the locale from the environment speaks UTF-8.
  ///
  /// Sets the process's locale from the environment, as curses needs.
  public static func checkCanStart() throws(TerminalError) {
    var notTerminals: [String] = []
    if isatty(STDIN_FILENO) == 0 { notTerminals.append("standard input") }
    if isatty(STDOUT_FILENO) == 0 { notTerminals.append("standard output") }
    if !notTerminals.isEmpty { throw .notATerminal(notTerminals) }
    try useEnvironmentLocale()
  }

  /// Takes over the process's own terminal (standard input and output), after
  /// `checkCanStart()`.
  public convenience init(options: Options) throws(TerminalError) {
    try Self.checkCanStart()
    guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w") else {
      throw .notATerminal(["standard input or output"])
    }
    var modes = termios()
    let hasModes = tcgetattr(STDIN_FILENO, &modes) == 0
    try self.init(input: input, output: output, terminalType: nil, options: options)
    CrashTrap.install(output: STDOUT_FILENO, input: STDIN_FILENO, modes: hasModes ? modes : nil)
    ResizeSignal.install()
  }

  /// Takes over the terminal on `input` and `output`; `terminalType` nil means `$TERM`.
  ///
  /// The caller has set a UTF-8 locale. Tests use this on /dev/null and a pipe.
  init(
    input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
    terminalType: String?, options: Options
  ) throws(TerminalError) {
    try Self.loadCurses()
    let opened: OpaquePointer? =
      if let terminalType {
        mizzen_newterm(terminalType, output, input)
      } else {
        mizzen_newterm(nil, output, input)
      }
    guard let opened, let window = mizzen_stdscr() else {
      let name = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? ""
      throw .cannotStart(terminalType: name)
    }
    screen = opened
    self.window = window
    inputDescriptor = fileno(input)
    outputDescriptor = fileno(output)
    decoder = InputDecoder(mouse: options.mouse)
    mizzen_cbreak()
    mizzen_noecho()
    mizzen_nonl()
    // Keys are read and decoded here, not by curses, which must not look at the input.
    mizzen_typeahead(-1)
    Self.freeFlowControlKeys(inputDescriptor)
    scheme = Self.setUpColors(wanted: options.colorWanted, theme: options.theme)
    styles = Role.allCases.map { scheme.style(for: $0, theme: options.theme) }
    if options.mouse {
      mizzen_mouseinterval(0)
      let wanted =
        mizzen_button1_pressed() | mizzen_button4_pressed() | mizzen_button5_pressed()
      mizzen_mousemask(wanted, nil)
    }
    send(Self.pasteModeOn)
  }

  /// Loads ncursesw, the first time a terminal is taken over.
  static func loadCurses() throws(TerminalError) {
    var reason = [CChar](repeating: 0, count: 512)
    guard mizzen_curses_open(&reason, reason.count) == 0 else {
      throw .noCursesLibrary(String(nulTerminated: reason))
    }
  }

  /// The screen's size now.
  public var size: Size {
    Size(width: Int(mizzen_getmaxx(window)), height: Int(mizzen_getmaxy(window)))
  }

  /// Gives the terminal back: leaves the alternate screen, restores the modes, shows the
  /// cursor. Safe to call more than once.
  public func close() {
    guard !closed else { return }
    closed = true
    send(Self.pasteModeOff)
    mizzen_curs_set(1)
    mizzen_endwin()
    mizzen_delscreen(screen)
    CrashTrap.uninstall()
  }

  /// Writes a mode sequence curses does not manage straight to the terminal.
  private func send(_ sequence: String) {
    let bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeBytes { write(outputDescriptor, $0.baseAddress, $0.count) }
  }

  /// Lets ctrl-s and ctrl-q reach the console as keys (ctrl-s saves a form) instead of
  /// pausing the terminal's output. cbreak keeps ctrl-c as SIGINT, which is wanted.
  /// Recorded as the program mode, so curses keeps it after a suspend and resume; the
  /// terminal's own mode, saved when curses started, is what `close()` restores.
  private static func freeFlowControlKeys(_ descriptor: Int32) {
    var modes = termios()
    guard tcgetattr(descriptor, &modes) == 0 else { return }
    modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
    tcsetattr(descriptor, TCSANOW, &modes)
    mizzen_def_prog_mode()
  }

  // MARK: Colours

  private static func setUpColors(wanted: Bool, theme: [String: ThemeStyle]) -> ColorScheme {
    let needed = Role.allCases.count + 1
    guard wanted, mizzen_has_colors(), mizzen_start_color() == OK, mizzen_colors() >= 8,
      mizzen_color_pairs() >= needed
    else { return .monochrome }
    let defaultsWork = mizzen_use_default_colors() == OK
    for role in Role.allCases {
      let style = ColorScheme.color.style(for: role, theme: theme)
      var foreground = style.foreground.rawValue
      var background = style.background.rawValue
      if !defaultsWork {
        if foreground < 0 { foreground = Int16(COLOR_WHITE) }
        if background < 0 { background = Int16(COLOR_BLACK) }
      }
      mizzen_init_pair(pairNumber(role), foreground, background)
    }
    return .color
  }

  static func pairNumber(_ role: Role) -> Int16 { Int16(role.rawValue) + 1 }

  func attributes(of role: Role) -> attr_t {
    let style = styles[Int(role.rawValue)]
    var value = mizzen_a_normal()
    if style.attributes.contains(.bold) { value |= mizzen_a_bold() }
    if style.attributes.contains(.dim) { value |= mizzen_a_dim() }
    if style.attributes.contains(.reverse) { value |= mizzen_a_reverse() }
    if style.attributes.contains(.underline) { value |= mizzen_a_underline() }
    return value
  }

  func pair(of role: Role) -> Int16 {
    scheme == .color ? Self.pairNumber(role) : 0
  }

  // MARK: Locale

  /// Sets the locale from the environment and checks that it speaks UTF-8.
  static func useEnvironmentLocale() throws(TerminalError) {
    setlocale(LC_ALL, "")
    let codeset = mizzen_codeset().map { String(cString: $0) } ?? ""
    guard codeset == "UTF-8" else { throw .notUTF8(codeset: codeset.isEmpty ? "?" : codeset) }
  }
}
