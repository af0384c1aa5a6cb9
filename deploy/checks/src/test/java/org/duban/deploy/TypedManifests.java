package org.duban.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Rendered manifests loaded into typed models: fabric8's Kubernetes model for the built-in kinds,
 * Strimzi's own model ({@code io.strimzi:api}) for Kafka, KafkaNodePool and KafkaTopic, and
 * {@link MongoDBCommunity} for the MongoDB operator's resource.
 *
 * <p>Unknown fields: fabric8 and Strimzi models do not fail on them but keep them in
 * {@code additionalProperties} (and a value of the wrong type too). So besides a Jackson mapper that
 * fails on unknown properties, every loaded object tree is walked and any non-empty
 * {@code additionalProperties} is reported with its path.
 */
final class TypedManifests {

    private final KubernetesSerialization serialization;
    private final List<Object> objects = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private TypedManifests() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        serialization = new KubernetesSerialization(mapper, true);
        serialization.registerKubernetesResource(Kafka.class);
        serialization.registerKubernetesResource(KafkaNodePool.class);
        serialization.registerKubernetesResource(KafkaTopic.class);
        serialization.registerKubernetesResource(KafkaUser.class);
    }

    static TypedManifests load(String multiDocumentYaml) {
        TypedManifests manifests = new TypedManifests();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(multiDocumentYaml)) {
            if (document != null) {
                manifests.add(document);
            }
        }
        return manifests;
    }

    private void add(Object document) {
        Map<?, ?> map = (Map<?, ?>) document;
        String id = map.get("kind") + " " + (map.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : "?");
        try {
            if (MongoDBCommunity.KIND.equals(map.get("kind"))) {
                objects.add(MongoDBCommunity.of(document));
                return;
            }
            KubernetesResource resource = serialization.unmarshal(serialization.asJson(document));
            if (resource instanceof GenericKubernetesResource) {
                problems.add(id + ": no typed model for " + map.get("apiVersion") + " " + map.get("kind"));
                return;
            }
            List<String> unknown = new ArrayList<>();
            walk(resource, "", unknown, new IdentityHashMap<>());
            unknown.forEach(path -> problems.add(id + ": unknown field " + path));
            objects.add(resource);
        } catch (RuntimeException e) {
            problems.add(id + ": does not load: " + rootMessage(e));
        }
    }

    List<Object> objects() {
        return objects;
    }

    List<String> problems() {
        return problems;
    }

    <T> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return ofType(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static final Set<String> SKIPPED_GETTERS = Set.of("getClass", "getAdditionalProperties",
            "getPlural", "getSingular", "getFullResourceName", "getCRDName", "getScope", "getGroup", "getVersion",
            "getNumericalAmount", "getMarkedForDeletion", "getStatus");

    private static void walk(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, unknown, seen));
            return;
        }
        String packageName = node.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.kubernetes.api.model") && !packageName.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.getName();
            try {
                if (name.equals("getAdditionalProperties")) {
                    Object additional = method.invoke(node);
                    if (additional instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> unknown.add(path + "." + key));
                    }
                } else if (name.startsWith("get") && name.length() > 3 && !SKIPPED_GETTERS.contains(name)) {
                    String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                    walk(method.invoke(node), path + "." + field, unknown, seen);
                }
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                // a computed getter that does not apply to this object; fields are what matter
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
    }
}
