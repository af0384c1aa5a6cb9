package org.duban.notification.delivery;

/** PENDING while attempts remain; DELIVERED once taken; FAILED when the schedule ran out (kept for redelivery). */
public enum DeliveryStatus { PENDING, DELIVERED, FAILED }
