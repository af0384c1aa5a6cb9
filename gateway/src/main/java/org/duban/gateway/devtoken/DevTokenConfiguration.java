package org.duban.gateway.devtoken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.duban.gateway.security.TokenProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.converter.RsaKeyConverters;

/** The dev-token issuer exists in the {@code local} profile only; it fails the start if its key is missing. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevTokenConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(DevTokenProperties properties, TokenProperties accepted) {
        try (InputStream pem = properties.privateKeyLocation().getInputStream()) {
            return new DevTokenIssuer(RsaKeyConverters.pkcs8().convert(pem), accepted.acceptedAudience(), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dev-token private key at "
                    + properties.privateKeyLocation(), e);
        }
    }
}
