package org.duban.contracts.access;

/**
 * Who may call an operation: the values of the {@code x-duban-roles} extension every operation of the
 * OpenAPI documents carries. What everyone else gets follows from them ({@link OperationAccess#expected}):
 * a caller without a usable token gets 401, an office role or a unit the operation is not for gets 403, and
 * a unit asking for another unit's object gets 404, exactly like a missing one (existence is not revealed).
 */
public enum Access {

    /** Anyone, without a token (a token that is sent must still be valid). Stands alone. */
    PUBLIC("anyone, without a token"),
    /** 督查督办科 staff (role {@code SUPERVISOR}), on any unit's objects. */
    SUPERVISOR("a supervisor (督查督办科), on any unit's objects"),
    /** The office's leaders (role {@code LEADER}): reading only, never the petitioner's identity. */
    LEADER("a leader (领导), reading, never the petitioner's identity"),
    /** Any unit (role {@code UNIT} with its {@code unitId}); the answer holds only that unit's own objects. */
    ANY_UNIT("any unit; the answer holds only its own objects"),
    /** The unit the object named in the path belongs to; another unit gets 404. Needs a path parameter. */
    OWNING_UNIT("the unit the object in the path belongs to"),
    /**
     * A supervisor, on an object of the office's own inbox; on an object in a unit's inbox a supervisor gets
     * 404 like a missing one. Needs a path parameter; never beside {@link #SUPERVISOR}.
     */
    OFFICE_INBOX("a supervisor, on the office inbox's own objects");

    /** The name of the extension in the OpenAPI documents. */
    public static final String EXTENSION = "x-duban-roles";

    private final String meaning;

    Access(String meaning) {
        this.meaning = meaning;
    }

    /** What the value means, in a sentence fragment (rendered in docs/api-access.md). */
    public String meaning() {
        return meaning;
    }
}
