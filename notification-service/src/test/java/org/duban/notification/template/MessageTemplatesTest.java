package org.duban.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.notification.routing.RoutingRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplatesTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private final MessageTemplates templates = new MessageTemplates(new TemplateSource(null), OFFICE);

    @Test
    void titlesAnAssignmentWithItsMatter() {
        // when
        RenderedMessage message = render(issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false));

        // then
        assertThat(message.title()).isEqualTo("新交办事项：case-1");
        assertThat(message.body()).contains("交办").contains("case-1").contains("asg-1").doesNotContain("转送");
    }

    @Test
    void showsDeadlinesInTheOfficeTimeZoneToTheMinute() {
        // given: 16:00 UTC is already the next day, midnight, in Shanghai
        AssignmentIssued issued = issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:59Z", false);

        // when
        RenderedMessage message = render(issued);

        // then
        assertThat(message.body())
                .contains("请于 2026-03-17 00:00 前签收")
                .contains("请于 2026-05-01 09:30 前办结并报送办结报告")
                .doesNotContain("16:00");
    }

    @Test
    void saysTransferAndItsHandlingDeadlineForATransfer() {
        // when
        RenderedMessage message = render(issued("TRANSFER", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false));

        // then
        assertThat(message.title()).isEqualTo("新转送事项：case-1");
        assertThat(message.body()).contains("转送").contains("办理期限至 2026-05-01 09:30").doesNotContain("办结报告");
    }

    @Test
    void marksAProminentMatter() {
        // when
        RenderedMessage prominent = render(issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", true));
        RenderedMessage ordinary = render(issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false));

        // then
        assertThat(prominent.body()).contains("突出信访问题");
        assertThat(ordinary.body()).doesNotContain("突出信访问题");
    }

    @Test
    void rendersOnlyEventTypesThatHaveATemplate() {
        // when / then
        assertThat(templates.render(new AssignmentAccepted("asg-1", "case-1", "unit-1", Instant.EPOCH, Instant.EPOCH,
                true, SUPERVISOR))).isEmpty();
    }

    @Test
    void everyRoutedEventTypeHasATemplateThatFillsEveryPlaceholder() throws Exception {
        for (String type : new RoutingRules().routedEventTypes()) {
            // given
            EventType eventType = EventCatalog.byName(type).orElseThrow();
            DubanEvent sample = sample(eventType.recordType());

            // when
            RenderedMessage message = templates.render(sample).orElseThrow(() -> new AssertionError("no template: " + type));

            // then
            assertThat(message.title() + message.body()).as(type).doesNotContain("{{").doesNotContain("}}")
                    .doesNotContain("null");
        }
    }

    @Test
    void anEditedTemplateInTheOfficeDirectoryAppliesToTheNextMessageWithoutARestart(@TempDir Path directory)
            throws IOException {
        // given
        MessageTemplates edited = new MessageTemplates(new TemplateSource(directory), OFFICE);
        AssignmentIssued issued = issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false);
        RenderedMessage before = edited.render(issued).orElseThrow();

        // when
        Files.writeString(directory.resolve(AssignmentIssued.TYPE + ".properties"),
                "title=请签收：{{caseId}}\nbody={{kind}}，{{category}}类，签收期限 {{acceptanceDueAt}}。\n",
                StandardCharsets.UTF_8);
        RenderedMessage after = edited.render(issued).orElseThrow();

        // then
        assertThat(before.title()).isEqualTo("新交办事项：case-1");
        assertThat(after.title()).isEqualTo("请签收：case-1");
        assertThat(after.body()).isEqualTo("交办，房地产类，签收期限 2026-03-17 00:00。");
    }

    private RenderedMessage render(DubanEvent event) {
        return templates.render(event).orElseThrow();
    }

    private static AssignmentIssued issued(String kind, String acceptanceDueAt, String dueAt, boolean prominent) {
        return new AssignmentIssued("asg-1", "case-1", "unit-1", kind, "REAL_ESTATE", prominent,
                Instant.parse("2026-03-02T01:30:00Z"), Instant.parse(acceptanceDueAt), Instant.parse(dueAt), SUPERVISOR);
    }

    /** A sample of any event record: every string "x-<name>", every time one instant, flags true, counts 1. */
    private static DubanEvent sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        List<Object> values = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> componentType = components[i].getType();
            types[i] = componentType;
            values.add(componentType == String.class ? "x-" + components[i].getName()
                    : componentType == Instant.class ? Instant.parse("2026-03-02T01:30:00Z")
                    : componentType == boolean.class ? Boolean.TRUE
                    : componentType == int.class ? 1
                    : componentType == Integer.class ? 1
                    : componentType == Actor.class ? SUPERVISOR
                    : componentType == List.class ? List.of()
                    : null);
        }
        return (DubanEvent) type.getDeclaredConstructor(types).newInstance(values.toArray());
    }
}
