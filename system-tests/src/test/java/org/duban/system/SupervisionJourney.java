package org.duban.system;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.duban.client.ApiClient;
import org.duban.client.ApiException;
import org.duban.client.DubanApiClient;
import org.duban.client.api.MeasuresApi;
import org.duban.client.api.SupervisionsApi;
import org.duban.client.model.CloseSupervisionOrderRequest;
import org.duban.client.model.IssueMeasureRequest;
import org.duban.client.model.Measure;
import org.duban.client.model.MeasureKind;
import org.duban.client.model.MeasureRecordRequest;
import org.duban.client.model.MeasureSubmissionRequest;
import org.duban.client.model.OpenSupervisionOrderRequest;
import org.duban.client.model.SupervisionForm;
import org.duban.client.model.SupervisionOrder;
import org.duban.client.model.SupervisionResponseRequest;
import org.duban.client.model.SupervisionTrigger;

/**
 * Supervision orders and accountability measures through the gateway with the generated client, as
 * a supervisor and as a unit (PlatformIT, @Order 10).
 */
final class SupervisionJourney {

    private final String gatewayUrl;

    SupervisionJourney(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    SupervisionOrder openOrder(String supervisorToken, String assignmentId) {
        return orders(supervisorToken).openSupervisionOrder(new OpenSupervisionOrderRequest()
                .assignmentId(assignmentId).trigger(SupervisionTrigger.DELAYING).form(SupervisionForm.LETTER)
                .note("拖延办理，请说明情况"), UUID.randomUUID().toString());
    }

    SupervisionOrder respond(String unitToken, String orderId) {
        return orders(unitToken).respondToSupervisionOrder(orderId,
                new SupervisionResponseRequest().text("已督促承办人，本周内办结"));
    }

    SupervisionOrder close(String supervisorToken, String orderId) {
        return orders(supervisorToken).closeSupervisionOrder(orderId, new CloseSupervisionOrderRequest().note("已落实"));
    }

    Measure orderSelfReview(String supervisorToken, String unitId, String orderId) {
        return measures(supervisorToken).issueMeasure(new IssueMeasureRequest().kind(MeasureKind.WRITTEN_SELF_REVIEW)
                .unitId(unitId).supervisionId(orderId).reason("推诿拖延")
                .dueAt(OffsetDateTime.now().plusDays(7)), UUID.randomUUID().toString());
    }

    Measure submit(String unitToken, String measureId) {
        return measures(unitToken).submitMeasure(measureId, new MeasureSubmissionRequest().text("书面检查：……"));
    }

    Measure scheduleInterview(String supervisorToken, String unitId) {
        return measures(supervisorToken).issueMeasure(new IssueMeasureRequest().kind(MeasureKind.INTERVIEW)
                .unitId(unitId).reason("多次超期").scheduledAt(OffsetDateTime.now().plusDays(1)),
                UUID.randomUUID().toString());
    }

    Measure recordInterview(String supervisorToken, String measureId) {
        return measures(supervisorToken).recordMeasure(measureId, new MeasureRecordRequest()
                .heldAt(OffsetDateTime.now().minusMinutes(1)).minutes("约谈纪要：……"));
    }

    /** The HTTP status of reading an order, 200 when it answers. */
    int statusOfOrder(String token, String orderId) {
        try {
            orders(token).getSupervisionOrder(orderId);
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    /** The HTTP status of reading a measure, 200 when it answers. */
    int statusOfMeasure(String token, String measureId) {
        try {
            measures(token).getMeasure(measureId);
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    int ordersVisibleTo(String token, String unitId) {
        return orders(token).listSupervisionOrders(unitId, null, null, 0, 50).getItems().size();
    }

    private SupervisionsApi orders(String token) {
        return new SupervisionsApi(client(token));
    }

    private MeasuresApi measures(String token) {
        return new MeasuresApi(client(token));
    }

    private ApiClient client(String token) {
        return new DubanApiClient(gatewayUrl).setBearerToken(token);
    }
}
