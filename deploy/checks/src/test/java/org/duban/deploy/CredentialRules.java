package org.duban.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationTls;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * Each service signs in to Kafka and MongoDB as a user of its own, over TLS to Kafka, allowed its own
 * topics, group and database only: Strimzi listeners, KafkaUsers, MongoDB users and what each Deployment
 * reads. Each broken rule is one sentence.
 */
final class CredentialRules {

    private static final String SECRETS_DIR = "/run/secrets";
    private static final String KAFKA_PASSWORD = "kafka_password";
    /** The Secret with one field keyset per service that stores personal data or secrets (ADR 0011). */
    static final String FIELD_KEYS_SECRET = "duban-field-keys";
    static final Set<String> FIELD_KEY_HOLDERS = Set.of("intake-service", "notification-service");
    private static final String FIELD_KEYS_LOCATION = "DUBAN_FIELD_KEYS_LOCATION";

    private CredentialRules() {
    }

    static void problems(TypedManifests manifests, List<String> problems) {
        List<Kafka> clusters = manifests.ofType(Kafka.class);
        Set<String> kafkaClients = new TreeSet<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            Map<String, String> environment = NetworkRules.environment(manifests, deployment);
            if (environment.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                kafkaClients.add(deployment.getMetadata().getName());
                kafkaClientProblems(manifests, deployment, environment, problems);
            }
            mongoClientProblems(manifests, deployment, problems);
            fieldKeyProblems(deployment, environment, problems);
        }
        if (clusters.size() == 1) {
            listenerProblems(manifests, clusters.get(0), kafkaClients, problems);
        }
        kafkaUserProblems(manifests, problems);
        mongoUserProblems(manifests, problems);
    }

    /** Every listener: TLS, a sign-in, and a network policy that lets in exactly the services that use Kafka. */
    private static void listenerProblems(TypedManifests manifests, Kafka kafka, Set<String> clients, List<String> problems) {
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            problems.add("Kafka: must authorize with ACLs (authorization type simple)");
        }
        if (kafka.getSpec().getEntityOperator() == null || kafka.getSpec().getEntityOperator().getUserOperator() == null) {
            problems.add("Kafka: needs the user operator (entityOperator.userOperator) for its KafkaUsers");
        }
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            String name = "Kafka listener " + listener.getName();
            if (!listener.isTls()) {
                problems.add(name + ": must use TLS");
            }
            if (!(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)
                    && !(listener.getAuth() instanceof KafkaListenerAuthenticationTls)) {
                problems.add(name + ": must make clients sign in (authentication scram-sha-512 or tls)");
            }
            List<NetworkPolicyPeer> peers = Objects.requireNonNullElse(listener.getNetworkPolicyPeers(), List.of());
            Set<String> admitted = new TreeSet<>();
            for (Deployment deployment : manifests.ofType(Deployment.class)) {
                Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
                if (peers.stream().anyMatch(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                        && ManifestRules.selects(peer.getPodSelector(), labels))) {
                    admitted.add(deployment.getMetadata().getName());
                }
            }
            if (peers.isEmpty() || peers.stream().anyMatch(peer -> peer.getPodSelector() == null)) {
                problems.add(name + ": networkPolicyPeers must name the pods that may connect (each a podSelector)");
            } else if (!admitted.equals(clients)) {
                problems.add(name + ": networkPolicyPeers let in " + admitted + ", but the Kafka clients are " + clients);
            }
        }
    }

    /** A Kafka client: SASL over TLS, its own KafkaUser's password as a file, the cluster CA as its trust. */
    private static void kafkaClientProblems(TypedManifests manifests, Deployment deployment,
            Map<String, String> environment, List<String> problems) {
        String app = deployment.getMetadata().getName();
        if (!"SASL_SSL".equals(environment.get("DUBAN_KAFKA_SECURITY_PROTOCOL"))) {
            problems.add(app + ": must reach Kafka with SASL_SSL (DUBAN_KAFKA_SECURITY_PROTOCOL), not "
                    + environment.getOrDefault("DUBAN_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"));
        }
        if (!environment.getOrDefault("SPRING_CONFIG_IMPORT", "").contains("configtree:" + SECRETS_DIR + "/")) {
            problems.add(app + ": must read " + SECRETS_DIR + " as a config tree (SPRING_CONFIG_IMPORT)");
        }
        boolean ownPassword = mountedItems(deployment, SECRETS_DIR).stream().anyMatch(item ->
                item.secret().equals(app) && item.path().equals(KAFKA_PASSWORD) && item.key().equals("password")
                        && manifests.ofType(KafkaUser.class).stream().anyMatch(user -> user.getMetadata().getName().equals(app)));
        if (!ownPassword) {
            problems.add(app + ": must mount the password of its own KafkaUser " + app + " as " + SECRETS_DIR + "/"
                    + KAFKA_PASSWORD);
        }
        String trustStore = environment.getOrDefault("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "");
        String directory = trustStore.startsWith("file:") ? trustStore.substring(5, Math.max(5, trustStore.lastIndexOf('/'))) : "";
        boolean trustsTheCluster = "PEM".equals(environment.get("SPRING_KAFKA_SSL_TRUSTSTORETYPE"))
                && mountedItems(deployment, directory).stream().anyMatch(item -> item.secret().endsWith("-cluster-ca-cert")
                        && trustStore.endsWith("/" + item.path()));
        if (!trustsTheCluster) {
            problems.add(app + ": must trust Kafka's cluster CA (SPRING_KAFKA_SSL_TRUSTSTORETYPE PEM, "
                    + "SPRING_KAFKA_SSL_TRUSTSTORELOCATION a file mounted from <cluster>-cluster-ca-cert)");
        }
    }

    /** A service with a database reads the connection string of its own MongoDB user. */
    private static void mongoClientProblems(TypedManifests manifests, Deployment deployment, List<String> problems) {
        String app = deployment.getMetadata().getName();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                if (!variable.getName().equals("MONGODB_URI")) {
                    continue;
                }
                String secret = variable.getValueFrom() == null || variable.getValueFrom().getSecretKeyRef() == null ? null
                        : variable.getValueFrom().getSecretKeyRef().getName();
                boolean own = secret != null && manifests.ofType(MongoDBCommunity.class).stream().anyMatch(mongo ->
                        mongo.spec().users().stream().anyMatch(user -> user.name().equals(app)
                                && user.connectionStringSecret((String) mongo.metadata().get("name")).equals(secret)));
                if (!own) {
                    problems.add(app + ": MONGODB_URI must be the connection string of its own MongoDB user " + app
                            + ", not " + (secret == null ? "a value" : "secret " + secret));
                }
            }
        }
    }

    /**
     * intake-service and notification-service read their own field keyset — the item of duban-field-keys named
     * after them, mounted as a file — and no application mounts another's, or one it has no use for.
     */
    private static void fieldKeyProblems(Deployment deployment, Map<String, String> environment, List<String> problems) {
        String app = deployment.getMetadata().getName();
        var pod = deployment.getSpec().getTemplate().getSpec();
        for (Volume volume : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
            if (volume.getSecret() == null || !FIELD_KEYS_SECRET.equals(volume.getSecret().getSecretName())) {
                continue;
            }
            List<KeyToPath> items = Objects.requireNonNullElse(volume.getSecret().getItems(), List.of());
            if (!FIELD_KEY_HOLDERS.contains(app)) {
                problems.add(app + ": mounts a field keyset (" + FIELD_KEYS_SECRET + ") it has no use for");
            } else if (items.isEmpty() || items.stream().anyMatch(item -> !item.getKey().equals(app))) {
                problems.add(app + ": mounts " + (items.isEmpty() ? "every service's field keyset"
                        : "the field keyset of " + items.stream().map(KeyToPath::getKey).filter(key -> !key.equals(app))
                                .findFirst().orElseThrow()) + "; each service reads only its own");
            }
        }
        if (FIELD_KEY_HOLDERS.contains(app)) {
            String location = environment.getOrDefault(FIELD_KEYS_LOCATION, "");
            boolean own = false;
            for (Container container : pod.getContainers()) {
                for (VolumeMount mount : Objects.requireNonNullElse(container.getVolumeMounts(), List.<VolumeMount>of())) {
                    own |= mountedItems(deployment, mount.getMountPath()).stream().anyMatch(item ->
                            item.secret().equals(FIELD_KEYS_SECRET) && item.key().equals(app)
                                    && location.equals("file:" + mount.getMountPath() + "/" + item.path()));
                }
            }
            if (!own) {
                problems.add(app + ": must read its own field keyset (" + FIELD_KEYS_LOCATION + " the file of item " + app
                        + " of Secret " + FIELD_KEYS_SECRET + "), not " + (location.isEmpty() ? "none" : location));
            }
        }
    }

    /** The KafkaUsers grant exactly deploy/compose/kafka-access.txt, as compose does. */
    private static void kafkaUserProblems(TypedManifests manifests, List<String> problems) {
        Set<KafkaAccess.Grant> granted = new TreeSet<>(java.util.Comparator.comparing(KafkaAccess.Grant::toString));
        for (KafkaUser user : manifests.ofType(KafkaUser.class)) {
            String name = user.getMetadata().getName();
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
                problems.add("KafkaUser " + name + ": needs simple authorization with its ACLs");
                continue;
            }
            for (AclRule rule : simple.getAcls()) {
                String type = rule.getResource() instanceof AclRuleTopicResource ? "topic"
                        : rule.getResource() instanceof AclRuleGroupResource ? "group" : rule.getResource().getType();
                String resource = rule.getResource() instanceof AclRuleTopicResource topic ? topic.getName()
                        : rule.getResource() instanceof AclRuleGroupResource group ? group.getName() : "*";
                List<String> operations = new ArrayList<>();
                Objects.requireNonNullElse(rule.getOperations(), List.<io.strimzi.api.kafka.model.user.acl.AclOperation>of())
                        .forEach(operation -> operations.add(capitalized(operation.toValue())));
                granted.add(KafkaAccess.grant(name, type, resource, operations));
            }
        }
        Set<KafkaAccess.Grant> table = KafkaAccess.table();
        for (KafkaAccess.Grant grant : table) {
            if (!granted.contains(grant)) {
                problems.add("KafkaUsers: missing " + grant + " (" + KafkaAccess.FILE + ")");
            }
        }
        for (KafkaAccess.Grant grant : granted) {
            if (!table.contains(grant)) {
                problems.add("KafkaUsers: grant " + grant + " beyond " + KafkaAccess.FILE);
            }
        }
    }

    /** One MongoDB user per service, readWrite on its own database only, each with a password of its own. */
    private static void mongoUserProblems(TypedManifests manifests, List<String> problems) {
        Map<String, String> databases = MongoUsers.databases();
        for (MongoDBCommunity mongo : manifests.ofType(MongoDBCommunity.class)) {
            Map<String, String> roles = new LinkedHashMap<>();
            Map<String, String> passwordOwner = new LinkedHashMap<>();
            for (MongoDBCommunity.User user : mongo.spec().users()) {
                roles.put(user.name(), user.roles().stream().map(role -> role.name() + "@" + role.db()).sorted()
                        .reduce((a, b) -> a + "," + b).orElse(""));
                String other = passwordOwner.putIfAbsent(user.passwordSecretRef().name() + "/" + user.passwordSecretRef().key(),
                        user.name());
                if (other != null) {
                    problems.add("MongoDBCommunity user " + user.name() + ": shares its password with " + other);
                }
            }
            Map<String, String> expected = new LinkedHashMap<>();
            databases.forEach((service, database) -> expected.put(service, "readWrite@" + database));
            if (!roles.equals(expected)) {
                problems.add("MongoDBCommunity: users must be one per service with readWrite on its own database only "
                        + expected + ", not " + roles);
            }
        }
    }

    private record MountedItem(String secret, String key, String path) {
    }

    /** The secret items a deployment mounts in a directory. */
    private static List<MountedItem> mountedItems(Deployment deployment, String directory) {
        List<MountedItem> items = new ArrayList<>();
        var pod = deployment.getSpec().getTemplate().getSpec();
        for (Container container : pod.getContainers()) {
            for (VolumeMount mount : Objects.requireNonNullElse(container.getVolumeMounts(), List.<VolumeMount>of())) {
                if (!mount.getMountPath().equals(directory)) {
                    continue;
                }
                for (Volume volume : Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of())) {
                    if (volume.getName().equals(mount.getName()) && volume.getSecret() != null) {
                        for (KeyToPath item : Objects.requireNonNullElse(volume.getSecret().getItems(), List.<KeyToPath>of())) {
                            items.add(new MountedItem(volume.getSecret().getSecretName(), item.getKey(), item.getPath()));
                        }
                    }
                }
            }
        }
        return items;
    }

    private static String capitalized(String operation) {
        return operation.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + operation.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
