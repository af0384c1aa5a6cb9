package org.duban.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The MongoDB and Kafka images of the Testcontainers tests: the same tags as compose and Kubernetes
 * (container-images.properties, which deploy/checks compares with both).
 */
public final class ContainerImages {

    private static final Properties IMAGES = load();

    private ContainerImages() {
    }

    /** e.g. {@code mongo:7.0.14} */
    public static String mongo() {
        return IMAGES.getProperty("mongo");
    }

    /** e.g. {@code apache/kafka:4.1.0} */
    public static String kafka() {
        return IMAGES.getProperty("kafka");
    }

    private static Properties load() {
        try (InputStream in = ContainerImages.class.getResourceAsStream("container-images.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
