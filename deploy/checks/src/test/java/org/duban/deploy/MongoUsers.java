package org.duban.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each service's own MongoDB database (its application.yml), which its own user may read and write, and only that. */
final class MongoUsers {

    private static final Pattern DATABASE = Pattern.compile("database: \\$\\{MONGODB_DATABASE:([a-z_]+)}");
    private static final Pattern INIT_SERVICE = Pattern.compile("\"([a-z-]+-service)\": \"([a-z_]+)\"");

    private MongoUsers() {
    }

    /** service → its database, from the service's configuration. */
    static Map<String, String> databases() {
        Map<String, String> databases = new LinkedHashMap<>();
        for (String service : KafkaAccess.SERVICES) {
            Matcher database = DATABASE.matcher(Repository.read(
                    Repository.file(service + "/src/main/resources/application.yml")));
            if (!database.find()) {
                throw new IllegalStateException(service + " names no database (duban.mongodb.database)");
            }
            databases.put(service, database.group(1));
        }
        return databases;
    }

    /** service → database, the users compose's mongo-init makes. */
    static Map<String, String> madeByMongoInit() {
        Map<String, String> users = new LinkedHashMap<>();
        Matcher service = INIT_SERVICE.matcher(Repository.read(Repository.file("deploy/compose/mongo-init.js")));
        while (service.find()) {
            users.put(service.group(1), service.group(2));
        }
        return users;
    }
}
