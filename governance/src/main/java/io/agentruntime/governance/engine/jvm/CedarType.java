package io.agentruntime.governance.engine.jvm;

/** The types of Cedar values, named as Cedar's error messages name them. */
enum CedarType {
  BOOL("bool"),
  LONG("long"),
  STRING("string"),
  ENTITY("(entity of type `any_entity_type`)"),
  SET("set"),
  RECORD("record"),
  DECIMAL("decimal"),
  IPADDR("ipaddr"),
  DATETIME("datetime"),
  DURATION("duration");

  private final String displayName;

  CedarType(String displayName) {
    this.displayName = displayName;
  }

  /** The type of {@code value} as an error message shows it. */
  static String describe(Object value) {
    if (value instanceof EntityUid uid) {
      return "(entity of type `" + uid.type() + "`)";
    }
    return Values.typeOf(value).displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
