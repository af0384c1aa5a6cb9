package org.duban.reporting.statistics;

/** 问责措施 issued in the period, by kind: 通报, 书面检查, 约谈, 挂牌督办, 责令限期整改. */
public record MeasureCounts(long notice, long writtenSelfReview, long interview, long listedSupervision,
        long rectificationOrder) {

    public long total() {
        return notice + writtenSelfReview + interview + listedSupervision + rectificationOrder;
    }

    public static MeasureCounts none() {
        return new MeasureCounts(0, 0, 0, 0, 0);
    }
}
