package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The console's OIDC client secret travels as a file, never as a variable in a compose file or a config
 * map: compose mounts its secret {@code oidc_client_secret} at {@code /run/secrets/oidc_client_secret},
 * Kubernetes mounts the Secret's item there, and the console's own {@code application.yml}, loaded here
 * by Spring Boot's config data machinery as the console loads it, reads that directory as a config tree.
 */
class ConsoleSecretFileTest {

    static final String SECRETS_DIR = "/run/secrets";
    static final String SECRET_FILE = "oidc_client_secret";
    private static final String CLIENT_SECRET = "duban.console.oidc.client-secret";

    @Test
    void theConsoleReadsItsClientSecretFromTheFileComposeMountsForIt(@TempDir Path secrets) throws Exception {
        // given: the compose secret, as compose mounts it: a file named after the secret
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        assertThat(compose.services().get("console").get("secrets")).asList().containsExactly(SECRET_FILE);
        Files.writeString(secrets.resolve(SECRET_FILE), "from-the-file\n");

        // when
        ConfigurableEnvironment console = consoleEnvironment(Map.of("DUBAN_SECRETS_DIR", secrets.toString()));

        // then: the trailing new line an editor leaves is dropped
        assertThat(console.getProperty(CLIENT_SECRET)).isEqualTo("from-the-file");
    }

    @Test
    void aClientSecretInTheEnvironmentWinsOverTheFileAndWithoutEitherItIsEmpty(@TempDir Path secrets) throws Exception {
        // given
        Files.writeString(secrets.resolve(SECRET_FILE), "from-the-file");

        // when
        ConfigurableEnvironment withVariable = consoleEnvironment(Map.of("DUBAN_SECRETS_DIR", secrets.toString(),
                "DUBAN_OIDC_CLIENT_SECRET", "from-the-environment"));
        ConfigurableEnvironment withNothing = consoleEnvironment(Map.of("DUBAN_SECRETS_DIR",
                secrets.resolve("absent").toString()));

        // then
        assertThat(withVariable.getProperty(CLIENT_SECRET)).isEqualTo("from-the-environment");
        assertThat(withNothing.getProperty(CLIENT_SECRET)).isEmpty();
    }

    @Test
    void byDefaultTheConsoleReadsTheDirectoryWhereComposeAndKubernetesMountSecrets() {
        // when
        ConfigurableEnvironment console = consoleEnvironment(Map.of());

        // then
        assertThat(console.getProperty("spring.config.import")).isEqualTo("optional:configtree:" + SECRETS_DIR + "/");
    }

    /** The console's configuration as it starts, with these variables and no other environment. */
    private static ConfigurableEnvironment consoleEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Map<String, Object> properties = new HashMap<>(variables);
        properties.put("spring.config.location",
                "file:" + Repository.file("console/src/main/resources/application.yml"));
        environment.getPropertySources().addFirst(new MapPropertySource("variables", properties));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }
}
