package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link LawyerWork} in maps, keyed by id like the store. */
public final class InMemoryLawyerWork implements LawyerWork {

    private record Session(LocalDate heldOn, int visitors) {
    }

    private record Participation(String caseId, String kind, LocalDate on) {
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Participation> participations = new LinkedHashMap<>();

    @Override
    public synchronized void dutySession(String sessionId, LocalDate heldOn, int visitorsReceived) {
        sessions.put(sessionId, new Session(heldOn, visitorsReceived));
    }

    @Override
    public synchronized void participation(String participationId, String caseId, String kind,
            LocalDate participatedOn) {
        participations.put(participationId, new Participation(caseId, kind, participatedOn));
    }

    @Override
    public synchronized LawyerTotals totals(LocalDate from, LocalDate to) {
        long held = sessions.values().stream().filter(s -> in(s.heldOn(), from, to)).count();
        long visitors = sessions.values().stream().filter(s -> in(s.heldOn(), from, to)).mapToLong(Session::visitors)
                .sum();
        return new LawyerTotals(held, visitors, matters("MEDIATION", from, to), matters("LEGAL_OPINION", from, to));
    }

    private long matters(String kind, LocalDate from, LocalDate to) {
        return participations.values().stream().filter(p -> p.kind().equals(kind) && in(p.on(), from, to))
                .map(Participation::caseId).distinct().count();
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && day.isBefore(to);
    }
}
