/// The local Braze-compatible server (SPEC §7).
public enum BrazeSandboxInfo {
  public static let name = "mizzen-sandbox"
}
