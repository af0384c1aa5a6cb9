package org.duban.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.duban.platform.testing.PlatformTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A notification-service started by hand, as a process of its own would be: several of them (one
 * after another, or side by side) can share one database — what a restart or a second instance does.
 */
public final class RunningNotification implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningNotification(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the service on a free port against {@code database}, the embedded broker and {@code extra} settings. */
    public static RunningNotification start(String database, String bootstrap, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        PlatformTestSupport.register((name, value) -> properties.put(name, value.get()), database, bootstrap);
        properties.put("server.port", "0");
        properties.putAll(extra);
        // as command-line arguments: they win over application.yml, like the environment of a real process
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationApplication.class).run(arguments);
        return new RunningNotification(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
