package org.duban.gateway.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of four healthy fake services and a fake console, with the test key pair. Test
 * classes extending it without further configuration share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningGateway {

    protected static final FakeService INTAKE = FakeService.start("intake-service");
    protected static final FakeService SUPERVISION = FakeService.start("supervision-service");
    protected static final FakeService NOTIFICATION = FakeService.start("notification-service");
    protected static final FakeService REPORTING = FakeService.start("reporting-service");
    protected static final FakeService CONSOLE = FakeService.start("console");

    @LocalServerPort
    private int port;

    protected GatewayClient gateway;

    /** The same gateway over a plain socket, for requests {@link GatewayClient} cannot send. */
    protected RawHttp raw;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URL", INTAKE::url);
        registry.add("SUPERVISION_URL", SUPERVISION::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("REPORTING_URL", REPORTING::url);
        registry.add("CONSOLE_URL", CONSOLE::url);
        TokenFixtures.register(registry);
        registry.add("DUBAN_JWT_PRIVATE_KEY_LOCATION", TokenFixtures::privateKeyLocation);
    }

    @BeforeEach
    void connectToFreshServices() {
        INTAKE.reset();
        SUPERVISION.reset();
        NOTIFICATION.reset();
        REPORTING.reset();
        CONSOLE.reset();
        gateway = new GatewayClient(port);
        raw = new RawHttp(port);
    }

    protected static FakeService service(String name) {
        return switch (name) {
            case "intake-service" -> INTAKE;
            case "supervision-service" -> SUPERVISION;
            case "notification-service" -> NOTIFICATION;
            case "reporting-service" -> REPORTING;
            case "console" -> CONSOLE;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
