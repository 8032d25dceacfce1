/// The program's name and version, as sent in `User-Agent` and shown by `--version`.
public enum MizzenVersion {
  public static let string = "0.1.0"
  public static let userAgent = "mizzen/\(string)"
}
