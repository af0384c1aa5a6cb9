package org.duban.notification.delivery;

/** How a delivery travels. */
public enum Channel { WEBHOOK, EMAIL }
