package io.agentruntime.governance.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The packages of one module as ArchUnit slices: each package directly below {@code root} is a
 * slice with its subpackages, and {@code root} itself is one too (which {@code
 * slices().matching("root.(*)..")} would leave out), so a cycle through the root package counts.
 */
public final class PackageSlices implements SliceAssignment {

  private final String root;

  private PackageSlices(String root) {
    this.root = root;
  }

  /** The packages under {@code root}, e.g. {@code io.agentruntime.runtime}. */
  public static PackageSlices of(String root) {
    return new PackageSlices(root);
  }

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (name.equals(root)) {
      return SliceIdentifier.of(root);
    }
    if (!name.startsWith(root + ".")) {
      return SliceIdentifier.ignore();
    }
    return SliceIdentifier.of(root + "." + name.substring(root.length() + 1).split("\\.")[0]);
  }

  @Override
  public String getDescription() {
    return "the packages of " + root;
  }
}
