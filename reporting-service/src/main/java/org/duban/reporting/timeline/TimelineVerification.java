package org.duban.reporting.timeline;

/**
 * The result of recomputing a matter's chain.
 *
 * @param firstBrokenSequence the first entry whose hash or link does not hold, or null when intact
 * @param reason              why that entry breaks the chain, or null when intact
 */
public record TimelineVerification(String caseId, long entries, Long firstBrokenSequence, String reason) {

    public boolean intact() {
        return firstBrokenSequence == null;
    }
}
