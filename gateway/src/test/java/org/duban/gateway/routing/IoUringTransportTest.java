package org.duban.gateway.routing;

import java.net.http.HttpResponse;

import io.netty.channel.uring.IoUring;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IoUringTransportTest extends RunningGateway {

    @Test
    void servesAndForwardsOnIoUringWhereTheKernelAllowsIt() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring is not available here: " + IoUring.unavailabilityCause());

        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/units", supervisorToken());

        // then: Reactor Netty's event loops, the public port's and the forwarder's, are io_uring's
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("reactor-http-io_uring-"))
                .noneMatch(name -> name.startsWith("reactor-http-epoll-") || name.startsWith("reactor-http-nio-"));
    }
}
