package io.agentruntime.governance.engine.jvm;

import java.util.Collection;

/** The entity operators: {@code in}, {@code is}, {@code hasTag} and {@code getTag}. */
final class EntityNodes {
  private EntityNodes() {}

  /** {@code child in parent}, where the parent is an entity or a set of entities. */
  static final class In extends Node {
    private final Node child;
    private final Node parent;

    In(Node child, Node parent) {
      this.child = child;
      this.parent = parent;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = child.evaluate(request);
      Object b = parent.evaluate(request);
      if (!(a instanceof EntityUid uid)) {
        throw notAnEntity(a, b);
      }
      if (b instanceof EntityUid ancestor) {
        return request.isIn(uid, ancestor);
      }
      if (!(b instanceof Collection<?> ancestors)) {
        throw EvaluationError.typeError("set, (entity of type `any_entity_type`)", b);
      }
      // Cedar checks every element is an entity before looking for a match.
      for (Object element : ancestors) {
        if (element != null && !(element instanceof EntityUid)) {
          throw EvaluationError.typeError(CedarType.ENTITY, element);
        }
      }
      for (Object element : ancestors) {
        if (element != null && request.isIn(uid, (EntityUid) element)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code e is Type}. */
  static final class Is extends Node {
    private final Node target;
    private final String type;

    Is(Node target, String type) {
      this.target = target;
      this.type = type;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object value = target.evaluate(request);
      if (value instanceof EntityUid uid) {
        return uid.type().equals(type);
      }
      throw EvaluationError.typeError(CedarType.ENTITY, value);
    }
  }

  /** {@code e.hasTag(t)} and {@code e.getTag(t)}: no entity here has tags. */
  static final class Tag extends Node {
    private final Node target;
    private final Node tag;
    private final boolean get;

    Tag(Node target, Node tag, boolean get) {
      this.target = target;
      this.tag = tag;
      this.get = get;
    }

    @Override
    Object evaluate(JvmRequest request) {
      Object a = target.evaluate(request);
      Object b = tag.evaluate(request);
      if (!(a instanceof EntityUid uid)) {
        throw EvaluationError.typeError(CedarType.ENTITY, a);
      }
      if (!(b instanceof String name)) {
        throw EvaluationError.typeError(CedarType.STRING, b);
      }
      if (!get) {
        return false;
      }
      throw missing(request, uid, name, "tag");
    }
  }

  /** Cedar's error for {@code a in b} with a non-entity {@code a}, with its advice. */
  private static EvaluationError notAnEntity(Object a, Object b) {
    EvaluationError error = EvaluationError.typeError(CedarType.ENTITY, a);
    String advice =
        switch (Values.typeOf(b)) {
          case SET ->
              " (`in` is for checking the entity hierarchy; use `.contains()` to test set membership)";
          case RECORD ->
              " (`in` is for checking the entity hierarchy; use `has` to test if a record has a key)";
          default -> "";
        };
    return advice.isEmpty() ? error : new EvaluationError(error.getMessage() + advice);
  }

  /** The error for reading an attribute or tag of an entity, which never has one here. */
  static EvaluationError missing(JvmRequest request, EntityUid uid, String name, String kind) {
    if (!request.exists(uid)) {
      return new EvaluationError("entity `" + uid + "` does not exist");
    }
    return new EvaluationError(
        "`"
            + uid
            + "` does not have the "
            + kind
            + " `"
            + name
            + "` (`"
            + uid
            + "` does not have any "
            + kind
            + "s)");
  }
}
