package org.duban.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Compares the variables a deployment sets for each application with the ones it reads. */
final class EnvironmentCrossCheck {

    private final Map<String, ApplicationSettings> settings = new HashMap<>();

    /** Every variable the compose file sets for Duban's applications, by application. */
    static Map<String, Set<String>> setBy(ComposeFile compose) {
        Map<String, Set<String>> set = new LinkedHashMap<>();
        compose.services().forEach((name, service) -> {
            if (ManifestRules.APPLICATIONS.contains(name)) {
                set.computeIfAbsent(name, key -> new TreeSet<>()).addAll(ComposeFile.environment(service).keySet());
            }
        });
        return set;
    }

    /** Every variable the rendered manifests set for Duban's applications (env and envFrom config maps). */
    static Map<String, Set<String>> setBy(TypedManifests manifests) {
        Map<String, Set<String>> set = new LinkedHashMap<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            Set<String> names = set.computeIfAbsent(deployment.getMetadata().getName(), key -> new TreeSet<>());
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).forEach(v -> names.add(v.getName()));
                for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                    if (source.getConfigMapRef() != null) {
                        manifests.ofType(ConfigMap.class).stream()
                                .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                                .forEach(map -> names.addAll(map.getData().keySet()));
                    }
                }
            }
        }
        return set;
    }

    /** "application: VARIABLE" for each variable set that the application does not read. */
    List<String> unread(String where, Map<String, Set<String>> setByApplication) {
        List<String> unread = new ArrayList<>();
        setByApplication.forEach((application, variables) -> {
            ApplicationSettings reads = settings.computeIfAbsent(application, ApplicationSettings::of);
            for (String variable : variables) {
                if (!reads.reads(variable)) {
                    unread.add(where + " " + application + ": " + variable);
                }
            }
        });
        return unread;
    }
}
