package org.duban.console.inbox;

import java.util.List;

import org.duban.console.web.PageView;

/**
 * One page of the office inbox.
 *
 * @param unreadOnly only messages not acknowledged yet are shown
 * @param unread     how many messages are not acknowledged yet, whatever the page shows
 */
record InboxView(boolean unreadOnly, long unread, List<InboxLine> lines, PageView page) {
}
