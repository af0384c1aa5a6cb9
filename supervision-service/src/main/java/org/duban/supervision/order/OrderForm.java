package org.duban.supervision.order;

/** How the office supervises: 电话督办, 发函督办, 实地督办, 挂牌督办. */
public enum OrderForm {
    PHONE, LETTER, ON_SITE, LISTED
}
