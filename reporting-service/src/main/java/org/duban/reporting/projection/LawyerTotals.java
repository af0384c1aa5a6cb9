package org.duban.reporting.projection;

/**
 * Lawyers' part in the office's work in a period (律师参与, SPEC §6), office-wide.
 *
 * @param dutySessions        duty sessions held (律师坐班接访, 次)
 * @param visitorsReceived    people received at them (接待群众, 人次)
 * @param mediationMatters    matters a lawyer helped mediate (参与调解, 件), each matter once
 * @param legalOpinionMatters matters a lawyer gave a legal opinion on (法律意见, 件), each matter once
 */
public record LawyerTotals(long dutySessions, long visitorsReceived, long mediationMatters, long legalOpinionMatters) {

    public static LawyerTotals none() {
        return new LawyerTotals(0, 0, 0, 0);
    }

    /** Whether any lawyer took part at all: the report speaks of lawyers only then. */
    public boolean any() {
        return dutySessions > 0 || mediationMatters > 0 || legalOpinionMatters > 0;
    }
}
