package org.duban.intake.cases.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.cases.CaseFilter;
import org.duban.intake.cases.CaseQuery;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCaseSnapshot;
import org.duban.intake.cases.PetitionCases;
import org.duban.intake.cases.RegisterCase;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.mongo.MongoPages;

/**
 * Collection {@code cases}. A list is one query on the collection: equality on the enumerations and
 * the flag, {@code _id $in} for named matters, a range on {@code registeredAt} (the newest-first
 * index serves both the range and the order) and, for a text, an unanchored case-insensitive
 * {@code $regex} on the title whose pattern is the text with every pattern metacharacter escaped, so
 * nothing in it acts as pattern syntax (the same on MongoDB's PCRE and the Mongo-wire store's Java
 * patterns). The petitioner's fields are encrypted ({@link PetitionerFields}, ADR 0011).
 */
public final class MongoPetitionCases implements PetitionCases {

    static final String COLLECTION = "cases";
    private static final String METACHARACTERS = "\\^$.|?*+()[]{}-#";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PendingEvents events;
    private final PetitionerFields petitioner;

    public MongoPetitionCases(MongoDatabase database, AggregateWriter writer, PendingEvents events, FieldCipher cipher) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        this.events = events;
        this.petitioner = new PetitionerFields(cipher);
        // the petitioner's look-up by query code, and the newest-first list
        collection.createIndex(Indexes.ascending("queryCodeHash"), new IndexOptions().unique(true).name("query_code"));
        collection.createIndex(Indexes.descending("registeredAt"), new IndexOptions().name("newest_first"));
    }

    @Override
    public void add(PetitionCase petitionCase) {
        writer.insert(collection, toDocument(petitionCase),
                events.of(petitionCase.id(), petitionCase.recordedEvents()));
    }

    @Override
    public Optional<PetitionCase> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(this::fromDocument);
    }

    @Override
    public Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash) {
        return Optional.ofNullable(collection.find(eq("queryCodeHash", queryCodeHash)).first())
                .map(this::fromDocument);
    }

    /** Writes the query code hash only: nothing else of a matter changes, the petitioner's ciphertext stays. */
    @Override
    public void update(PetitionCase petitionCase) {
        writer.update(collection, petitionCase.id(), petitionCase.version(),
                new Document("queryCodeHash", petitionCase.queryCodeHash()),
                events.of(petitionCase.id(), petitionCase.recordedEvents()));
    }

    @Override
    public Page<PetitionCase> list(CaseQuery query, PageRequest page) {
        Bson filter = filterOf(query);
        return MongoPages.page(collection, filter,
                Sorts.orderBy(Sorts.descending("registeredAt"), Sorts.ascending("_id")), page, this::fromDocument);
    }

    @Override
    public Map<String, String> titles(Collection<String> ids) {
        Map<String, String> titles = new HashMap<>();
        collection.find(in("_id", List.copyOf(ids))).projection(Projections.include("title"))
                .forEach(document -> titles.put(document.getString("_id"), document.getString("title")));
        return titles;
    }

    static Bson filterOf(CaseQuery query) {
        CaseFilter filter = query.filter();
        List<Bson> conditions = new ArrayList<>();
        if (filter.text() != null) {
            conditions.add(or(regex("title", literal(filter.text()), "i"), eq("_id", filter.text())));
        }
        if (!filter.ids().isEmpty()) {
            conditions.add(in("_id", filter.ids()));
        }
        if (filter.category() != null) {
            conditions.add(eq("category", filter.category().name()));
        }
        if (filter.channel() != null) {
            conditions.add(eq("channel", filter.channel().name()));
        }
        if (filter.origin() != null) {
            conditions.add(eq("origin", filter.origin().name()));
        }
        if (filter.prominent() != null) {
            conditions.add(eq("prominent", filter.prominent()));
        }
        if (query.registeredFrom() != null) {
            conditions.add(gte("registeredAt", Date.from(query.registeredFrom())));
        }
        if (query.registeredTo() != null) {
            conditions.add(lt("registeredAt", Date.from(query.registeredTo())));
        }
        return conditions.isEmpty() ? new Document() : and(conditions);
    }

    /**
     * A pattern matching {@code text} literally: each pattern metacharacter is escaped with a
     * backslash, which both PCRE (MongoDB) and Java (the Mongo-wire store) read as the character itself.
     */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            if (METACHARACTERS.indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    Document toDocument(PetitionCase petitionCase) {
        PetitionCaseSnapshot state = petitionCase.snapshot();
        RegisterCase details = state.details();
        return new Document("_id", state.id())
                .append("title", details.title())
                .append("summary", details.summary())
                .append("channel", details.channel().name())
                .append("origin", details.origin().name())
                .append("category", details.category().name())
                .append(PetitionerFields.FIELD, petitioner.toDocument(state.id(), details.petitioner()))
                .append("prominent", details.prominent())
                .append("whistleblowing", details.whistleblowing())
                .append("accusedUnitIds", details.accusedUnitIds())
                .append("firstTime", details.firstTime())
                .append("backlog", details.backlog())
                .append("leaderInCharge", details.leaderInCharge())
                .append("repeatOfCaseId", details.repeatOfCaseId())
                .append("queryCodeHash", state.queryCodeHash())
                .append("registeredAt", Date.from(state.registeredAt()));
    }

    PetitionCase fromDocument(Document document) {
        String id = document.getString("_id");
        return PetitionCase.restore(new PetitionCaseSnapshot(id, new RegisterCase(
                document.getString("title"),
                document.getString("summary"),
                Channel.valueOf(document.getString("channel")),
                Origin.valueOf(document.getString("origin")),
                Category.valueOf(document.getString("category")),
                petitioner.fromDocument(id, document.get(PetitionerFields.FIELD, Document.class)),
                document.getBoolean("prominent"),
                document.getBoolean("whistleblowing"),
                document.getList("accusedUnitIds", String.class, List.of()),
                document.getBoolean("firstTime"),
                document.getBoolean("backlog", false),
                document.getString("leaderInCharge"),
                document.getString("repeatOfCaseId")),
                document.getString("queryCodeHash"),
                document.getDate("registeredAt").toInstant(),
                document.getLong(AggregateWriter.VERSION)));
    }
}
