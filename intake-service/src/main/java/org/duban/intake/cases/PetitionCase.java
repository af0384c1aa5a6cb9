package org.duban.intake.cases;

import java.time.Instant;
import java.util.Objects;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.CaseQueryCodeReissued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.platform.domain.AggregateRoot;

/**
 * A petition matter (信访事项): what was registered ({@link RegisterCase}, checked there and never changed
 * afterwards) and its query code, kept only as a hash, which a supervisor may replace. The petitioner's
 * identity stays inside intake: events, lists and other services never carry it. Each change records the
 * event that tells the other services; the store keeps both in one write.
 */
public final class PetitionCase extends AggregateRoot<DubanEvent> {

    private final String id;
    private final RegisterCase details;
    private final Instant registeredAt;
    private final long version;
    private String queryCodeHash;

    private PetitionCase(PetitionCaseSnapshot stored) {
        this.id = stored.id();
        this.details = stored.details();
        this.registeredAt = stored.registeredAt();
        this.version = stored.version();
        this.queryCodeHash = stored.queryCodeHash();
    }

    /** Registers the matter {@code details} describe, now, by {@code registrar}; its query code hashes to {@code queryCodeHash}. */
    public static PetitionCase register(String id, RegisterCase details, String queryCodeHash, Instant now,
            Actor registrar) {
        PetitionCase matter = new PetitionCase(new PetitionCaseSnapshot(id, details, queryCodeHash, now, 0));
        matter.record(new CaseRegistered(id, details.channel().name(), details.origin().name(),
                details.category().name(), details.prominent(), details.whistleblowing(), details.accusedUnitIds(),
                details.firstTime(), now, registrar, details.backlog(), details.leaderInCharge() != null,
                details.repeatOfCaseId()));
        return matter;
    }

    /** Rebuilds a stored matter. */
    public static PetitionCase restore(PetitionCaseSnapshot stored) {
        return new PetitionCase(stored);
    }

    /**
     * A new query code replaces the old one (查询码补发), which then finds nothing; the event carries no code.
     */
    public void reissueQueryCode(String newQueryCodeHash, Instant now, Actor supervisor) {
        queryCodeHash = Objects.requireNonNull(newQueryCodeHash, "newQueryCodeHash");
        record(new CaseQueryCodeReissued(id, now, supervisor));
    }

    /** Whether {@code unitId} is accused by this matter: it may never handle or see it (SPEC §5). */
    public boolean accuses(String unitId) {
        return details.whistleblowing() && details.accusedUnitIds().contains(unitId);
    }

    /** Everything the matter holds, as it is stored. */
    public PetitionCaseSnapshot snapshot() {
        return new PetitionCaseSnapshot(id, details, queryCodeHash, registeredAt, version);
    }

    public String id() {
        return id;
    }

    /** What was registered: title, summary, channel, origin, category, petitioner and the flags. */
    public RegisterCase details() {
        return details;
    }

    public String queryCodeHash() {
        return queryCodeHash;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    @Override
    public long version() {
        return version;
    }

    /** The petitioner masked (see {@link Petitioner#toString()}), the query code's hash left out. */
    @Override
    public String toString() {
        return "PetitionCase[id=" + id + ", details=" + details + ", registeredAt=" + registeredAt + "]";
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
