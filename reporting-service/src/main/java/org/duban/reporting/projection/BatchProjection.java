package org.duban.reporting.projection;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.duban.platform.domain.EventNotHandled;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.TimelineService.RecordedEvent;

/**
 * Projects a batch of events — counters, matter facts, lawyers' work and each matter's timeline — as the
 * projections do one event at a time ({@link ProjectionService}, {@link SupervisionProjection},
 * {@link LawyerProjection}, {@link TimelineService#record}), in the batch's order, but writes their effects together:
 * the counters' increments summed per counter document, the matters' facts and the timelines' entries in one bulk
 * write each ({@link ProjectionWrites}). Every effect stays idempotent on its own, so a batch handed over again
 * (after a crash, whether before, during or after its writes) counts each event once.
 */
public final class BatchProjection {

    private final ProjectionWrites writes;
    private final TimelineService timelines;
    private final ZoneId officeZone;

    public BatchProjection(ProjectionWrites writes, TimelineService timelines, ZoneId officeZone) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.timelines = Objects.requireNonNull(timelines, "timelines");
        this.officeZone = Objects.requireNonNull(officeZone, "officeZone");
    }

    /**
     * Projects the events in their order.
     *
     * @throws EventNotHandled  when one could not be projected (an assignment never seen issued, …): the events
     *                          before it are written first, so the batch can go on from that one
     */
    public void project(List<RecordedEvent> events) {
        ProjectionWrites.Batch batch = writes.begin();
        SupervisionProjection supervision = new SupervisionProjection(batch.figures(), batch.recommendations(),
                officeZone);
        ProjectionService projection = new ProjectionService(batch.assignments(), batch.figures(), batch.matters(),
                batch.units(), supervision, officeZone);
        LawyerProjection lawyers = new LawyerProjection(batch.lawyers());
        List<RecordedEvent> projected = new ArrayList<>();
        RuntimeException failure = null;
        for (RecordedEvent event : events) {
            try {
                projection.apply(event.event());
                lawyers.apply(event.event());
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
            projected.add(event);
        }
        batch.write();
        timelines.recordAll(projected);
        if (failure != null) {
            throw new EventNotHandled(projected.size(), failure);
        }
    }
}
