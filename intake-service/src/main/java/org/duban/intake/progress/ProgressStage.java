package org.duban.intake.progress;

/**
 * The stages of a matter a petitioner may follow with the query code (办理进度): 登记 (received), 交办 or 转送
 * to a kind of body, 受理, 延期, 办结报告, 办结.
 */
public enum ProgressStage {
    /** 已登记: the office received and registered the matter. */
    REGISTERED,
    /** 已交办: assigned to a body, which must report a result. */
    ASSIGNED,
    /** 已转送: transferred to the body with authority over it. */
    TRANSFERRED,
    /** 已受理: the body accepted it and told the petitioner in writing. */
    ACCEPTED,
    /** 已延期: the deadline was extended. */
    EXTENDED,
    /** 已报送办结报告: the body reported its result. */
    REPORTED,
    /** 已办结: concluded. */
    CONCLUDED
}
