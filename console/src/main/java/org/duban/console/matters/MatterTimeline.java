package org.duban.console.matters;

import java.util.Comparator;

import org.duban.client.reporting.api.TimelinesApi;
import org.duban.client.reporting.model.Timeline;
import org.duban.client.reporting.model.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The matter's history from the reporting service, and the check of its hash chain. The history is one
 * part of the matter's page, not the page: reporting records it from events a moment after the change
 * (a matter just registered has none yet: the service answers 404), and when the service cannot answer
 * the rest of the page still shows.
 */
@Component
class MatterTimeline {

    private static final Logger log = LoggerFactory.getLogger(MatterTimeline.class);

    private final TimelinesApi timelines;

    MatterTimeline(TimelinesApi timelines) {
        this.timelines = timelines;
    }

    TimelineView of(String caseId) {
        try {
            Timeline timeline = timelines.getTimeline(caseId);
            if (timeline.getEntries().isEmpty()) {
                return TimelineView.notRecordedYet();
            }
            return new TimelineView(
                    timeline.getEntries().stream().sorted(Comparator.comparing(TimelineEntry::getSequence)).toList(),
                    timelines.verifyTimeline(caseId), false);
        } catch (HttpClientErrorException.NotFound e) {
            return TimelineView.notRecordedYet();
        } catch (HttpClientErrorException.Forbidden | HttpServerErrorException | ResourceAccessException e) {
            log.warn("the timeline of matter {} could not be read: {}", caseId, e.getMessage());
            return TimelineView.cannotBeRead();
        }
    }
}
