package org.duban.intake.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A petition matter (信访事项). The petitioner's identity stays inside intake: events, lists and
 * other services never carry it. The query code is kept only as a hash. {@code backlog} is 积案,
 * {@code leaderInCharge} the 包案领导 (optional), {@code repeatOfCaseId} the earlier matter of a repeat
 * petition (optional).
 */
public record PetitionCase(
        String id,
        String title,
        String summary,
        Channel channel,
        Origin origin,
        Category category,
        Petitioner petitioner,
        boolean prominent,
        boolean whistleblowing,
        List<String> accusedUnitIds,
        boolean firstTime,
        boolean backlog,
        String leaderInCharge,
        String repeatOfCaseId,
        String queryCodeHash,
        Instant registeredAt) {

    public PetitionCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(petitioner, "petitioner");
        Objects.requireNonNull(queryCodeHash, "queryCodeHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
        accusedUnitIds = List.copyOf(accusedUnitIds);
    }

    /** Whether {@code unitId} is accused by this matter: it may never handle or see it (SPEC §5). */
    public boolean accuses(String unitId) {
        return whistleblowing && accusedUnitIds.contains(unitId);
    }

    /** 来信, 来访, 网上, 电话. */
    public enum Channel { LETTER, VISIT, ONLINE, PHONE }

    /** 本级, 市交办, 省交办, 国家信访局, 中央信访联席办. */
    public enum Origin { SELF, CITY, PROVINCE, NATIONAL, CENTRAL_JOINT_OFFICE }

    /** The office's categories of matters. */
    public enum Category {
        LABOR_SOCIAL_SECURITY, REAL_ESTATE, LAND_ACQUISITION, URBAN_RURAL_CONSTRUCTION, AGRICULTURE_RURAL,
        ECOLOGY_ENVIRONMENT, EDUCATION, HEALTH, PUBLIC_SECURITY_JUSTICE, OTHER
    }

    /**
     * Who petitioned; shown only to supervisors and the handling unit, stored encrypted (ADR 0011). Its
     * {@code toString} masks every field, so a log line or an exception message that prints it gives
     * nobody away: 张*, 1101**********1234, 138****5678.
     */
    public record Petitioner(String name, String idNumber, String phone) {
        public Petitioner {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Petitioner[name=" + masked(name, 1, 0, 1) + ", idNumber=" + masked(idNumber, 4, 4, 6)
                    + ", phone=" + masked(phone, 3, 4, 4) + "]";
        }

        /**
         * The first {@code head} and last {@code tail} characters (code points) with a {@code *} for each
         * one between; a value too short to hide at least {@code hidden} characters that way is all stars.
         */
        private static String masked(String value, int head, int tail, int hidden) {
            if (value == null) {
                return null;
            }
            int[] characters = value.codePoints().toArray();
            boolean keep = characters.length - head - tail >= hidden;
            StringBuilder masked = new StringBuilder();
            for (int i = 0; i < characters.length; i++) {
                boolean shown = keep && (i < head || i >= characters.length - tail);
                masked.appendCodePoint(shown ? characters[i] : '*');
            }
            return masked.toString();
        }
    }
}
