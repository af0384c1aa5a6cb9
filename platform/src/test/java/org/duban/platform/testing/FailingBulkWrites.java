package org.duban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/** A database that fails as a store can between its writes, for the tests of what consumes a poll at a time. */
public final class FailingBulkWrites {

    private FailingBulkWrites() {
    }

    /** The database, whose bulk writes (of more than one write) store their first half and then fail. */
    public static MongoDatabase failingHalfWay(MongoDatabase database) {
        ClassLoader loader = FailingBulkWrites.class.getClassLoader();
        return (MongoDatabase) Proxy.newProxyInstance(loader, new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    if (!method.getName().equals("getCollection")) {
                        return result;
                    }
                    @SuppressWarnings("unchecked")
                    MongoCollection<Document> collection = (MongoCollection<Document>) result;
                    return Proxy.newProxyInstance(loader, new Class<?>[] {MongoCollection.class}, (p, m, a) -> {
                        if (m.getName().equals("bulkWrite")) {
                            @SuppressWarnings("unchecked")
                            List<WriteModel<Document>> writes = (List<WriteModel<Document>>) a[0];
                            assertThat(writes).hasSizeGreaterThan(1);
                            collection.bulkWrite(writes.subList(0, writes.size() / 2),
                                    new BulkWriteOptions().ordered(false));
                            throw new MongoException("simulated failure half way through a bulk write");
                        }
                        return invoke(collection, m, a);
                    });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
