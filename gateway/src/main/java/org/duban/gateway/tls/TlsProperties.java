package org.duban.gateway.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's public port with TLS ({@code duban.gateway.tls.*}).
 *
 * @param port        where it listens (compose: 8443, published); none = no TLS port (./duban; Kubernetes,
 *                    where the Ingress terminates TLS)
 * @param certificate the certificate chain, PEM (a {@code file:} location)
 * @param privateKey  its private key, PEM (a {@code file:} location)
 */
@ConfigurationProperties("duban.gateway.tls")
record TlsProperties(Integer port, String certificate, String privateKey) {

    TlsProperties {
        if (port != null && (isBlank(certificate) || isBlank(privateKey))) {
            throw new IllegalArgumentException("duban.gateway.tls.port is set (DUBAN_GATEWAY_TLS_PORT), so the gateway "
                    + "needs its certificate and key: DUBAN_GATEWAY_TLS_CERTIFICATE_LOCATION and "
                    + "DUBAN_GATEWAY_TLS_PRIVATE_KEY_LOCATION");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
