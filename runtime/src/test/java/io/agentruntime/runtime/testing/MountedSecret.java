package io.agentruntime.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Secret volume laid out and updated as the kubelet's atomic writer does: each version of the
 * keys in a directory of its own ({@code ..<version>/}), the symlink {@code ..data} to the current
 * one, and each key a symlink through it ({@code <key> -> ..data/<key>}). An update writes a new
 * version's directory, points a new symlink at it and renames that over {@code ..data}: a reader
 * sees the old file or the new one, never a half-written one.
 */
public final class MountedSecret {

  private static final String DATA = "..data";

  private final Path dir;
  private final String key;
  private final AtomicInteger versions = new AtomicInteger();

  private MountedSecret(Path dir, String key) {
    this.dir = dir;
    this.key = key;
  }

  /** Mounts {@code key} holding {@code value} in {@code dir}. */
  public static MountedSecret mount(Path dir, String key, String value) throws IOException {
    Files.createDirectories(dir);
    MountedSecret secret = new MountedSecret(dir, key);
    Files.createSymbolicLink(dir.resolve(DATA), secret.writeVersion(value).getFileName());
    Files.createSymbolicLink(dir.resolve(key), Path.of(DATA, key));
    return secret;
  }

  /** The path a container reads the key at. */
  public Path file() {
    return dir.resolve(key);
  }

  /** Replaces the key's value as the kubelet does when the Secret changes. */
  public void update(String value) throws IOException {
    Path old = current();
    Path next = writeVersion(value);
    Path link = Files.createSymbolicLink(dir.resolve(DATA + "_tmp"), next.getFileName());
    Files.move(link, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
    if (Files.exists(old)) {
      delete(old);
    }
  }

  /** Removes the current version's files: the key's symlink then leads nowhere. */
  public void breakLink() throws IOException {
    delete(current());
  }

  private Path current() throws IOException {
    return dir.resolve(Files.readSymbolicLink(dir.resolve(DATA)));
  }

  private Path writeVersion(String value) throws IOException {
    Path version = Files.createDirectory(dir.resolve(".." + versions.incrementAndGet()));
    Files.writeString(version.resolve(key), value);
    return version;
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
