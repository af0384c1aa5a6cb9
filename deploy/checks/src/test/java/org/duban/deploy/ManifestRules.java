package org.duban.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** What every rendered overlay must satisfy; each broken rule is one sentence. */
final class ManifestRules {

    static final Set<String> APPLICATIONS = Set.of("gateway", "intake-service", "supervision-service",
            "notification-service", "reporting-service", "console");
    static final Set<String> TOPICS = Set.of("duban.intake.events", "duban.supervision.events",
            "duban.notification.events", "duban.intake-service.dlt", "duban.supervision-service.dlt",
            "duban.notification-service.dlt", "duban.reporting-service.dlt");
    /** Secrets made outside the manifests: by the cluster's operator (README "Deploy") or by the MongoDB operator. */
    static final Set<String> EXTERNAL_SECRETS = Set.of("duban-jwt", "duban-mongo-passwords", "duban-tls",
            "duban-console-oidc", "duban-query-code-key", "duban-field-keys");

    /** How big the stateful parts must be in an overlay, and the paths its Ingress sends to the gateway (if any). */
    record Expected(int kafkaBrokers, int replication, int minInSync, int mongoMembers, Set<String> ingressPaths) {
    }

    private ManifestRules() {
    }

    static List<String> problems(TypedManifests manifests, Expected expected) {
        List<String> problems = new ArrayList<>(manifests.problems());
        List<Deployment> deployments = manifests.ofType(Deployment.class);
        if (!deployments.stream().map(d -> d.getMetadata().getName()).toList().containsAll(APPLICATIONS)) {
            problems.add("not every application has a Deployment: " + deployments.stream()
                    .map(d -> d.getMetadata().getName()).toList());
        }
        for (Deployment deployment : deployments) {
            deploymentProblems(manifests, deployment, problems);
        }
        problems.addAll(NetworkRules.problems(manifests, expected.ingressPaths()));
        kafkaProblems(manifests, expected, problems);
        mongoProblems(manifests, expected, problems);
        CredentialRules.problems(manifests, problems);
        return problems;
    }

    private static void deploymentProblems(TypedManifests manifests, Deployment deployment, List<String> problems) {
        String name = "Deployment " + deployment.getMetadata().getName();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            String where = name + " container " + container.getName();
            Images.unpinned(container.getImage()).ifPresent(why -> problems.add(where + ": " + why));
            probeProblem(container, container.getStartupProbe(), "/actuator/health/liveness").ifPresent(why ->
                    problems.add(where + ": startup probe " + why));
            probeProblem(container, container.getLivenessProbe(), "/actuator/health/liveness").ifPresent(why ->
                    problems.add(where + ": liveness probe " + why));
            probeProblem(container, container.getReadinessProbe(), "/actuator/health/readiness").ifPresent(why ->
                    problems.add(where + ": readiness probe " + why));
            managementPortProblems(deployment, container, where, problems);
            if (container.getResources() == null || container.getResources().getRequests() == null
                    || !container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                    || container.getResources().getLimits() == null
                    || !container.getResources().getLimits().containsKey("memory")) {
                problems.add(where + ": needs cpu and memory requests and a memory limit");
            }
            for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                if (source.getConfigMapRef() != null && manifests.ofType(ConfigMap.class).stream()
                        .noneMatch(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))) {
                    problems.add(where + ": config map " + source.getConfigMapRef().getName() + " is not rendered");
                }
            }
            for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    String secret = variable.getValueFrom().getSecretKeyRef().getName();
                    if (!knownSecret(manifests, secret)) {
                        problems.add(where + ": " + variable.getName() + " reads secret " + secret
                                + ", which nothing makes");
                    }
                }
            }
        }
        for (Volume volume : Objects.requireNonNullElse(deployment.getSpec().getTemplate().getSpec().getVolumes(),
                List.<Volume>of())) {
            if (volume.getSecret() != null && !knownSecret(manifests, volume.getSecret().getSecretName())) {
                problems.add(name + ": volume " + volume.getName() + " mounts secret " + volume.getSecret().getSecretName()
                        + ", which nothing makes");
            }
        }
        var podSecurity = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
        if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
            problems.add(name + ": pods must run as non-root");
        }
        ReplicaRules.problems(manifests, deployment, problems);
    }

    private static boolean knownSecret(TypedManifests manifests, String secret) {
        if (EXTERNAL_SECRETS.contains(secret)
                || manifests.ofType(Secret.class).stream().anyMatch(s -> s.getMetadata().getName().equals(secret))) {
            return true;
        }
        // Strimzi writes a Secret for each KafkaUser (named after it) and the cluster CA's certificate
        boolean strimzi = manifests.ofType(KafkaUser.class).stream().anyMatch(user -> user.getMetadata().getName().equals(secret))
                || manifests.ofType(Kafka.class).stream()
                        .anyMatch(kafka -> (kafka.getMetadata().getName() + "-cluster-ca-cert").equals(secret));
        return strimzi || manifests.ofType(MongoDBCommunity.class).stream().anyMatch(mongo -> mongo.spec().users().stream()
                .anyMatch(user -> user.connectionStringSecret((String) mongo.metadata().get("name")).equals(secret)));
    }

    private static java.util.Optional<String> probeProblem(Container container, Probe probe, String path) {
        if (probe == null) {
            return java.util.Optional.of("missing");
        }
        if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            return java.util.Optional.of("must ask " + path);
        }
        if (!Integer.valueOf(NetworkRules.MANAGEMENT).equals(portNumber(container, probe.getHttpGet().getPort()))) {
            return java.util.Optional.of("must ask the management port " + NetworkRules.MANAGEMENT + ", not "
                    + probe.getHttpGet().getPort().getValue());
        }
        return java.util.Optional.empty();
    }

    /** A container port given by number or by name. */
    private static Integer portNumber(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of()).stream()
                .filter(declared -> port.getStrVal().equals(declared.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    /**
     * Health, metrics and info on the management port: the container declares it, Prometheus is told to
     * scrape it, no Service publishes it, and the application is not told another one.
     */
    private static void managementPortProblems(Deployment deployment, Container container, String where,
            List<String> problems) {
        if (!Integer.valueOf(NetworkRules.MANAGEMENT).equals(portNumber(container, new IntOrString("management")))) {
            problems.add(where + ": must declare the port management (" + NetworkRules.MANAGEMENT + ")");
        }
        Map<String, String> annotations = Objects.requireNonNullElse(
                deployment.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of());
        if (!String.valueOf(NetworkRules.MANAGEMENT).equals(annotations.get("prometheus.io/port"))
                || !"/actuator/prometheus".equals(annotations.get("prometheus.io/path"))) {
            problems.add(where + ": Prometheus must scrape /actuator/prometheus on the management port "
                    + NetworkRules.MANAGEMENT + " (prometheus.io/port, prometheus.io/path)");
        }
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        boolean matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.<String, String>of())
                .entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        boolean matchExpressions = Objects.requireNonNullElse(selector.getMatchExpressions(),
                List.<io.fabric8.kubernetes.api.model.LabelSelectorRequirement>of()).stream().allMatch(requirement -> {
                    String value = labels.get(requirement.getKey());
                    return switch (requirement.getOperator()) {
                        case "In" -> value != null && requirement.getValues().contains(value);
                        case "NotIn" -> value == null || !requirement.getValues().contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> false;
                    };
                });
        return matchLabels && matchExpressions;
    }

    private static void kafkaProblems(TypedManifests manifests, Expected expected, List<String> problems) {
        List<Kafka> clusters = manifests.ofType(Kafka.class);
        if (clusters.size() != 1) {
            problems.add("expected one Strimzi Kafka, found " + clusters.size());
            return;
        }
        Kafka kafka = clusters.get(0);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        if (!String.valueOf(expected.minInSync()).equals(String.valueOf(config.get("min.insync.replicas")))) {
            problems.add("Kafka: min.insync.replicas must be " + expected.minInSync());
        }
        if (!String.valueOf(expected.replication()).equals(String.valueOf(config.get("default.replication.factor")))) {
            problems.add("Kafka: default.replication.factor must be " + expected.replication());
        }
        int brokers = manifests.ofType(KafkaNodePool.class).stream()
                .filter(pool -> kafka.getMetadata().getName().equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        if (brokers != expected.kafkaBrokers()) {
            problems.add("Kafka: " + brokers + " brokers in node pools, expected " + expected.kafkaBrokers());
        }
        List<KafkaTopic> topics = manifests.ofType(KafkaTopic.class);
        if (!topics.stream().map(topic -> topic.getSpec().getTopicName()).toList().containsAll(TOPICS)) {
            problems.add("KafkaTopics: expected " + TOPICS);
        }
        for (KafkaTopic topic : topics) {
            if (topic.getSpec().getReplicas() != expected.replication()) {
                problems.add("KafkaTopic " + topic.getSpec().getTopicName() + ": replicas must be " + expected.replication());
            }
            if (!"-1".equals(String.valueOf(topic.getSpec().getConfig().get("retention.ms")))) {
                problems.add("KafkaTopic " + topic.getSpec().getTopicName() + ": retention.ms must be -1 (kept forever)");
            }
        }
    }

    private static void mongoProblems(TypedManifests manifests, Expected expected, List<String> problems) {
        List<MongoDBCommunity> sets = manifests.ofType(MongoDBCommunity.class);
        if (sets.size() != 1) {
            problems.add("expected one MongoDBCommunity, found " + sets.size());
        } else if (!Integer.valueOf(expected.mongoMembers()).equals(sets.get(0).spec().members())) {
            problems.add("MongoDBCommunity: members must be " + expected.mongoMembers());
        }
    }
}
