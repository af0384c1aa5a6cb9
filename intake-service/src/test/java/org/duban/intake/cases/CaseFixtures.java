package org.duban.intake.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.platform.domain.Caller;

/** Matters with known fields, registered at known instants around the office's midnights. */
public final class CaseFixtures {

    public static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    /** 2024-03-01 00:30 in the office (still 2024-02-29 in UTC). */
    public static final Instant MARCH_FIRST_EARLY = Instant.parse("2024-02-29T16:30:00Z");
    /** 2024-02-29 23:59 in the office. */
    public static final Instant FEBRUARY_LAST_LATE = Instant.parse("2024-02-29T15:59:00Z");
    /** 2024-03-02 10:00 in the office. */
    public static final Instant MARCH_SECOND = Instant.parse("2024-03-02T02:00:00Z");
    public static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");
    public static final Caller LEADER = Caller.leader("wang.qiang");

    private CaseFixtures() {
    }

    /** A matter of the office's own (本级), by letter, about urban construction, not prominent. */
    public static PetitionCase matter(String id, String title, Instant registeredAt) {
        return matter(id, new RegisterCase(title, "反映的问题", Channel.LETTER, Origin.SELF,
                Category.URBAN_RURAL_CONSTRUCTION, new Petitioner("李某", "110101199001011234", "13800000000"),
                false, false, List.of(), true, false, null, null), registeredAt);
    }

    /** A stored matter as {@code details} registered it, its query code hash {@code hash-<id>}. */
    public static PetitionCase matter(String id, RegisterCase details, Instant registeredAt) {
        return PetitionCase.restore(new PetitionCaseSnapshot(id, details, "hash-" + id, registeredAt, 0));
    }

    /** The same matter with another category, channel, origin and prominence. */
    public static PetitionCase matter(String id, String title, Instant registeredAt, Category category,
            Channel channel, Origin origin, boolean prominent) {
        RegisterCase plain = matter(id, title, registeredAt).details();
        return matter(id, new RegisterCase(title, plain.summary(), channel, origin, category, plain.petitioner(),
                prominent, false, List.of(), true, false, null, null), registeredAt);
    }

    /** A matter petitioned by {@code petitioner}. */
    public static PetitionCase matter(String id, Petitioner petitioner) {
        RegisterCase plain = matter(id, "小区加装电梯纠纷", MARCH_SECOND).details();
        return matter(id, new RegisterCase(plain.title(), plain.summary(), plain.channel(), plain.origin(),
                plain.category(), petitioner, false, false, List.of(), true, false, null, null), MARCH_SECOND);
    }

    /** A filter on text alone. */
    public static CaseFilter text(String text) {
        return new CaseFilter(text, null, null, null, null, null, null, null);
    }
}
