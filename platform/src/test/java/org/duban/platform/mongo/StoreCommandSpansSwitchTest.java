package org.duban.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import io.micrometer.tracing.Tracer;
import org.duban.platform.testing.RecordingTracing;
import org.duban.platform.tracing.StoreCommandSpans;
import org.duban.platform.tracing.TracingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class StoreCommandSpansSwitchTest {

    private final MongoConfiguration configuration = new MongoConfiguration();

    @Test
    void theDriverGetsTheSpanListenerOnlyWhenStoreCommandSpansAreOnAndTracingIsThere() {
        StaticListableBeanFactory withTracer = new StaticListableBeanFactory();
        withTracer.addBean("tracer", new RecordingTracing().tracer());
        StaticListableBeanFactory withoutTracer = new StaticListableBeanFactory();

        assertThat(listenersWith(true, withTracer)).singleElement().isInstanceOf(StoreCommandSpans.class);
        assertThat(listenersWith(false, withTracer)).isEmpty();
        assertThat(listenersWith(true, withoutTracer)).isEmpty();
    }

    private List<CommandListener> listenersWith(boolean on, StaticListableBeanFactory beans) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        configuration.storeCommandSpans(new TracingProperties(on), beans.getBeanProvider(Tracer.class))
                .customize(builder);
        return builder.build().getCommandListeners();
    }
}
