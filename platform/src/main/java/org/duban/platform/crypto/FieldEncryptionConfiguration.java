package org.duban.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Field encryption for a service that stores personal data or secrets (ADR 0011); a service imports it.
 * The keyset is read at start-up: without a readable, valid keyset the service does not start. Once the
 * service is ready, {@link FieldReencryption} goes through its {@link ReencryptableDocuments} in the
 * background.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FieldKeysProperties.class)
public class FieldEncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldEncryptionConfiguration.class);
    private static final String HOW_TO_MAKE_ONE = "Make one with deploy/make-field-keyset.sh <file> (or `tinkey "
            + "create-keyset --key-template AES256_GCM --out-format json`); ./duban start makes "
            + "data/keys/field-keys/<service>.json itself. Never replace a keyset in use: rotate it (ADR 0011).";

    @Bean
    FieldCipher fieldCipher(FieldKeysProperties properties) {
        FieldCipher cipher = read(properties.location());
        log.info("Field keyset {}: {} enabled keys, primary key {}", properties.location(), cipher.keyIds().size(),
                cipher.primaryKeyId());
        return cipher;
    }

    @Bean
    ReencryptionAtStart fieldReencryptionAtStart(ObjectProvider<ReencryptableDocuments> documents, FieldCipher cipher) {
        return new ReencryptionAtStart(() -> new FieldReencryption(documents.orderedStream().toList()), cipher);
    }

    /** The cipher of the keyset at {@code location}, or a start-up failure that says what to do. */
    static FieldCipher read(Resource location) {
        String json;
        if (location == null) {
            throw new IllegalStateException("No field keyset is set (DUBAN_FIELD_KEYS_LOCATION): this service encrypts "
                    + "personal data and secrets with it and does not start without it. " + HOW_TO_MAKE_ONE);
        }
        try (InputStream in = location.getInputStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The field keyset " + location + " (DUBAN_FIELD_KEYS_LOCATION) cannot be "
                    + "read: this service encrypts personal data and secrets with it and does not start without it. "
                    + HOW_TO_MAKE_ONE, e);
        }
        try {
            return FieldCipher.fromJsonKeyset(json);
        } catch (FieldKeysUnusable e) {
            throw new IllegalStateException("The field keyset " + location + " (DUBAN_FIELD_KEYS_LOCATION) is unusable: "
                    + e.getMessage() + ". " + HOW_TO_MAKE_ONE, e);
        }
    }

    /** Runs the re-encryption once, in the background, when the service is ready; stops with the service. */
    static final class ReencryptionAtStart implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

        private final Supplier<FieldReencryption> reencryption;
        private final FieldCipher cipher;
        private volatile Thread worker;

        ReencryptionAtStart(Supplier<FieldReencryption> reencryption, FieldCipher cipher) {
            this.reencryption = reencryption;
            this.cipher = cipher;
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            if (worker != null) {
                return;
            }
            worker = new Thread(this::run, "field-reencryption");
            worker.setDaemon(true);
            worker.start();
        }

        private void run() {
            try {
                List<FieldReencryption.Outcome> outcomes = reencryption.get().run();
                for (FieldReencryption.Outcome outcome : outcomes) {
                    if (outcome.remaining() == 0) {
                        log.info("Field keys: every encrypted field of {} is under the primary key {} ({} documents "
                                + "written again now)", outcome.collection(), cipher.primaryKeyId(), outcome.rewritten());
                    } else if (outcome.remaining() > 0) {
                        log.warn("Field keys: {} documents of {} are not yet under the primary key {} ({} written again "
                                + "now, {} failed); the next start tries again. Keep every key of the keyset until "
                                + "none is left", outcome.remaining(), outcome.collection(), cipher.primaryKeyId(),
                                outcome.rewritten(), outcome.failed());
                    }
                }
            } catch (RuntimeException e) {
                log.error("Field keys: writing encrypted fields again under the primary key {} failed; the next start "
                        + "tries again", cipher.primaryKeyId(), e);
            }
        }

        @Override
        public void destroy() throws InterruptedException {
            Thread running = worker;
            if (running != null) {
                running.interrupt();
                running.join(5_000);
            }
        }
    }
}
