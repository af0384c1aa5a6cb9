package org.duban.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://intake-service:8443", "intake-service:8080", "http://intake-service:8080?x=1"})
    void refusesAServiceAddressThatIsNotPlainHttpAtStart(String address) {
        assertThatThrownBy(() -> routes(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duban.gateway.routes.intake-service.uri must be http://host[:port][/path]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://intake-service:8080", "http://intake-service:8080/", "http://intake-service"})
    void takesAPlainHttpAddressWithOrWithoutPortAndSlash(String address) {
        Routes routes = routes(address);
        try {
            assertThat(routes.find("/api/v1/units/7").route().base()).isEmpty();
        } finally {
            routes.destroy();
        }
    }

    private static Routes routes(String address) {
        RoutingProperties properties = new RoutingProperties(Duration.ofSeconds(10), Duration.ofSeconds(2), "(?!)",
                new RoutingProperties.Pool(200, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10)),
                Map.of("intake-service", new RoutingProperties.RouteSettings(URI.create(address),
                        List.of("/api/v1/units/**"), null)));
        return new Routes(properties, CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults());
    }
}
