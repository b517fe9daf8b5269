package dev.silica.cli;

/** Placeholder replaced by the picocli command tree. */
public final class SilicaCli {
  private SilicaCli() {}

  public static void main(String[] args) {}
}
