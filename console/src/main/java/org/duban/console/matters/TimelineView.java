package org.duban.console.matters;

import java.util.List;

import org.duban.client.reporting.model.TimelineEntry;
import org.duban.client.reporting.model.TimelineVerification;

/**
 * The matter's history (办理轨迹), oldest first, with the check of its hash chain.
 *
 * @param entries      oldest first; empty when nothing is recorded yet or it cannot be read now
 * @param verification the recomputed chain; null when there is nothing to check
 * @param unavailable  the history could not be read now (the reporting service did not answer)
 */
record TimelineView(List<TimelineEntry> entries, TimelineVerification verification, boolean unavailable) {

    static TimelineView notRecordedYet() {
        return new TimelineView(List.of(), null, false);
    }

    static TimelineView cannotBeRead() {
        return new TimelineView(List.of(), null, true);
    }

    public boolean intact() {
        return verification != null && Boolean.TRUE.equals(verification.getIntact());
    }

    /** The number of the first entry whose hash or link does not hold; null when the chain holds. */
    public Long firstBroken() {
        return verification == null || intact() ? null : verification.getFirstBrokenSequence();
    }

    public boolean broken(TimelineEntry entry) {
        Long first = firstBroken();
        return first != null && entry.getSequence() != null && entry.getSequence() >= first;
    }
}
