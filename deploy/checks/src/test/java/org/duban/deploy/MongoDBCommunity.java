package org.duban.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code MongoDBCommunity} resource (mongodbcommunity.mongodb.com/v1), for the fields Duban sets.
 *
 * <p>There is no published Java model of this CRD, so these records are one, written from the
 * operator's CRD schema ({@code config/crd/bases/mongodbcommunity.mongodb.com_mongodbcommunity.yaml}):
 * field names and the fields it marks required. Loaded with unknown properties failing, a misspelt or
 * invented field is an error, as a typed fabric8 model would make it; the free-form parts the schema
 * itself leaves open ({@code additionalMongodConfig}, {@code statefulSet.spec}, marked
 * x-kubernetes-preserve-unknown-fields) are maps here too.
 */
record MongoDBCommunity(String apiVersion, String kind, Map<String, Object> metadata, Spec spec) {

    static final String API_VERSION = "mongodbcommunity.mongodb.com/v1";
    static final String KIND = "MongoDBCommunity";
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    MongoDBCommunity {
        if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
            throw new IllegalArgumentException("not a " + API_VERSION + " " + KIND + ": " + apiVersion + " " + kind);
        }
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    static MongoDBCommunity of(Object document) {
        return STRICT.convertValue(document, MongoDBCommunity.class);
    }

    record Spec(Integer members, Integer arbiters, String type, String version, String featureCompatibilityVersion,
            Security security, List<User> users, Map<String, Object> additionalMongodConfig,
            StatefulSet statefulSet, List<Map<String, String>> replicaSetHorizons) {
        Spec {
            Objects.requireNonNull(security, "spec.security is required");
            Objects.requireNonNull(users, "spec.users is required");
            Objects.requireNonNull(version, "spec.version is required");
            if (!"ReplicaSet".equals(type)) {
                throw new IllegalArgumentException("spec.type must be ReplicaSet, not " + type);
            }
        }
    }

    record Security(Authentication authentication, Tls tls, List<Map<String, Object>> roles) {
    }

    record Authentication(List<String> modes, Boolean ignoreUnknownUsers) {
        Authentication {
            Objects.requireNonNull(modes, "spec.security.authentication.modes is required");
            for (String mode : modes) {
                if (!List.of("SCRAM", "SCRAM-SHA-256", "SCRAM-SHA-1").contains(mode)) {
                    throw new IllegalArgumentException("unknown authentication mode " + mode);
                }
            }
        }
    }

    record Tls(boolean enabled, Boolean optional, Map<String, String> certificateKeySecretRef,
            Map<String, String> caConfigMapRef) {
    }

    record User(String name, String db, SecretKeyRef passwordSecretRef, List<Role> roles,
            String scramCredentialsSecretName, String connectionStringSecretName) {
        User {
            Objects.requireNonNull(name, "users[].name is required");
            Objects.requireNonNull(passwordSecretRef, "users[].passwordSecretRef is required");
            Objects.requireNonNull(roles, "users[].roles is required");
            Objects.requireNonNull(scramCredentialsSecretName, "users[].scramCredentialsSecretName is required");
        }

        /** The secret the operator writes the user's connection strings into. */
        String connectionStringSecret(String resourceName) {
            return connectionStringSecretName != null ? connectionStringSecretName
                    : resourceName + "-" + (db == null ? "admin" : db) + "-" + name;
        }
    }

    record SecretKeyRef(String name, String key) {
        SecretKeyRef {
            Objects.requireNonNull(name, "passwordSecretRef.name is required");
        }
    }

    record Role(String name, String db) {
        Role {
            Objects.requireNonNull(name, "role name is required");
            Objects.requireNonNull(db, "role db is required");
        }
    }

    record StatefulSet(Map<String, Object> spec) {
        StatefulSet {
            Objects.requireNonNull(spec, "statefulSet.spec is required");
        }
    }
}
