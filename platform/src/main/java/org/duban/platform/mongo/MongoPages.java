package org.duban.platform.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** The listing every store adapter answers alike: one page of a filter in an order, with the total it pages. */
public final class MongoPages {

    private MongoPages() {
    }

    /**
     * The documents matching {@code filter} in the order {@code sort}, the page {@code page} asks for, each read with
     * {@code read}; the total counts every match. The sort should end on a unique field (usually {@code _id}) so that
     * pages are stable.
     */
    public static <T> Page<T> page(MongoCollection<Document> collection, Bson filter, Bson sort, PageRequest page,
            Function<Document, T> read) {
        List<T> items = collection.find(filter).sort(sort).skip(page.offset()).limit(page.size())
                .map(read::apply).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments(filter));
    }
}
