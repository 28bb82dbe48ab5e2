package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.store.CedarFileParser;
import io.agentruntime.governance.store.FilePolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the policies of {@code .cedar} files and directories named on the command line, with the
 * ids and errors of {@link FilePolicyStore}: a directory contributes its own {@code *.cedar} files
 * (not those of subdirectories) in name order, and an id defined twice is an error.
 */
final class PolicyFiles {
  private static final String EXTENSION = ".cedar";

  private final CedarFileParser parser = new CedarFileParser();

  /**
   * Every policy of {@code paths}, in the order given (directories in file name order).
   *
   * @throws InvalidPolicyFilesException naming the path, file and line at fault, or when the paths
   *     hold no policy at all (a push with {@code --prune} would otherwise empty the set)
   */
  List<PolicyDocument> read(List<Path> paths) throws InvalidPolicyFilesException {
    List<PolicyDocument> policies = new ArrayList<>();
    Map<String, Path> owners = new HashMap<>();
    for (Path file : files(paths)) {
      for (PolicyDocument policy : parse(file)) {
        if (policy.id().isBlank()) {
          throw new InvalidPolicyFilesException(file + ": @id must not be empty");
        }
        Path earlier = owners.putIfAbsent(policy.id(), file);
        if (earlier != null) {
          throw new InvalidPolicyFilesException(
              "policy id '" + policy.id() + "' is defined in both " + earlier + " and " + file);
        }
        policies.add(policy);
      }
    }
    if (policies.isEmpty()) {
      throw new InvalidPolicyFilesException("no policies in " + describe(paths));
    }
    return policies;
  }

  private List<PolicyDocument> parse(Path file) throws InvalidPolicyFilesException {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - EXTENSION.length());
    try {
      return parser.parse(Files.readString(file, StandardCharsets.UTF_8), stem, file.toString());
    } catch (IOException e) {
      throw new InvalidPolicyFilesException(file + ": cannot read: " + e.getMessage());
    } catch (PolicyStoreException e) {
      throw new InvalidPolicyFilesException(e.getMessage());
    }
  }

  /** The files to read, each once, keyed by real location so that overlapping paths count once. */
  private static List<Path> files(List<Path> paths) throws InvalidPolicyFilesException {
    Map<Path, Path> files = new LinkedHashMap<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Path file : cedarFilesIn(path)) {
          files.putIfAbsent(file.toAbsolutePath().normalize(), file);
        }
      } else if (!Files.isRegularFile(path)) {
        throw new InvalidPolicyFilesException(path + ": no such file or directory");
      } else if (!path.getFileName().toString().endsWith(EXTENSION)) {
        throw new InvalidPolicyFilesException(path + ": not a " + EXTENSION + " file");
      } else {
        files.putIfAbsent(path.toAbsolutePath().normalize(), path);
      }
    }
    return List.copyOf(files.values());
  }

  private static List<Path> cedarFilesIn(Path directory) throws InvalidPolicyFilesException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidPolicyFilesException(directory + ": cannot list: " + e.getMessage());
    }
  }

  private static String describe(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
