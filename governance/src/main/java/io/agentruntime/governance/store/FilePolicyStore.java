package io.agentruntime.governance.store;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Policies from the {@code *.cedar} files of one directory (not its subdirectories), read in file
 * name order; the embedded default store.
 *
 * <p>The version is a process-local counter that starts at 1 and moves by one whenever the
 * directory's content fingerprint (file names and contents) changes. Hashing the contents rather
 * than trusting modification times catches edits that keep a file's size and timestamp.
 */
public final class FilePolicyStore implements PolicyStore {
  private static final String EXTENSION = ".cedar";

  private final Path directory;
  private final CedarFileParser parser = new CedarFileParser();
  private String fingerprint;
  private long version;

  public FilePolicyStore(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  @Override
  public synchronized PolicySetSnapshot load() throws PolicyStoreException {
    Map<Path, String> files = read();
    long loadedVersion = versionOf(files);
    List<PolicyDocument> policies = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      Path path = file.getKey();
      String name = path.getFileName().toString();
      String stem = name.substring(0, name.length() - EXTENSION.length());
      for (PolicyDocument policy : parser.parse(file.getValue(), stem, path.toString())) {
        Path earlier = owners.putIfAbsent(policy.id(), path);
        if (earlier != null) {
          throw new PolicyStoreException(
              "policy id '" + policy.id() + "' is defined in both " + earlier + " and " + path);
        }
        policies.add(policy);
      }
    }
    return new PolicySetSnapshot(loadedVersion, policies);
  }

  @Override
  public synchronized long currentVersion() throws PolicyStoreException {
    return versionOf(read());
  }

  @Override
  public String describe() {
    return "file:" + directory;
  }

  private long versionOf(Map<Path, String> files) {
    String current = fingerprint(files);
    if (!current.equals(fingerprint)) {
      fingerprint = current;
      version++;
    }
    return version;
  }

  /** The directory's policy files, sorted by name, with their contents. */
  private Map<Path, String> read() throws PolicyStoreException {
    if (!Files.isDirectory(directory)) {
      throw new PolicyStoreException("policy directory " + directory + " does not exist");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      List<Path> paths =
          entries
              .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
      Map<Path, String> files = new LinkedHashMap<>();
      for (Path path : paths) {
        files.put(path, Files.readString(path, StandardCharsets.UTF_8));
      }
      return files;
    } catch (IOException e) {
      throw new PolicyStoreException("cannot read policy directory " + directory + ": " + e, e);
    }
  }

  private static String fingerprint(Map<Path, String> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<Path, String> file : files.entrySet()) {
        digest.update(file.getKey().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(file.getValue().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
