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

    private static final ClassLoader LOADER = FailingBulkWrites.class.getClassLoader();

    private FailingBulkWrites() {
    }

    /**
     * The database, whose bulk writes (of more than one write) store their first half and then fail — also through a
     * collection taken with another write or read concern.
     */
    public static MongoDatabase failingHalfWay(MongoDatabase database) {
        return (MongoDatabase) Proxy.newProxyInstance(LOADER, new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    return method.getName().equals("getCollection") ? failingHalfWay(collection(result)) : result;
                });
    }

    private static MongoCollection<Document> failingHalfWay(MongoCollection<Document> collection) {
        @SuppressWarnings("unchecked")
        MongoCollection<Document> failing = (MongoCollection<Document>) Proxy.newProxyInstance(LOADER,
                new Class<?>[] {MongoCollection.class}, (p, m, a) -> {
                    if (m.getName().equals("bulkWrite")) {
                        @SuppressWarnings("unchecked")
                        List<WriteModel<Document>> writes = (List<WriteModel<Document>>) a[0];
                        assertThat(writes).hasSizeGreaterThan(1);
                        collection.bulkWrite(writes.subList(0, writes.size() / 2),
                                new BulkWriteOptions().ordered(false));
                        throw new MongoException("simulated failure half way through a bulk write");
                    }
                    Object result = invoke(collection, m, a);
                    // withWriteConcern, withReadConcern, …: the same collection, failing the same way
                    return m.getReturnType() == MongoCollection.class ? failingHalfWay(collection(result)) : result;
                });
        return failing;
    }

    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> collection(Object collection) {
        return (MongoCollection<Document>) collection;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
