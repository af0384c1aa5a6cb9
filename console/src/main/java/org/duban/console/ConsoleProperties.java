package org.duban.console;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings ({@code duban.console.*}).
 *
 * @param gatewayUrl     where the console reaches the platform's API (the gateway)
 * @param officeZone     the office's time zone: every time is shown, and every typed time read, in it
 * @param boardRefresh   how often the board refreshes its lines by itself
 * @param connectTimeout how long a call to the gateway may take to connect
 * @param readTimeout    how long a call to the gateway may wait for its answer
 * @param reportTimeout  how long the download of an annual report (DOCX, XLSX) may take
 */
@ConfigurationProperties("duban.console")
public record ConsoleProperties(URI gatewayUrl, ZoneId officeZone, Duration boardRefresh, Duration connectTimeout,
        Duration readTimeout, Duration reportTimeout) {

    public ConsoleProperties {
        Objects.requireNonNull(gatewayUrl, "duban.console.gateway-url");
        Objects.requireNonNull(officeZone, "duban.console.office-zone");
        requirePositive(boardRefresh, "duban.console.board-refresh");
        requirePositive(connectTimeout, "duban.console.connect-timeout");
        requirePositive(readTimeout, "duban.console.read-timeout");
        requirePositive(reportTimeout, "duban.console.report-timeout");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + duration);
        }
    }
}
