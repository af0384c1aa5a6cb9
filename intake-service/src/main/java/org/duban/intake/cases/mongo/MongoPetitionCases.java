package org.duban.intake.cases.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.intake.cases.PetitionCases;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.AggregateWriter;

/** Collection {@code cases}. */
public final class MongoPetitionCases implements PetitionCases {

    static final String COLLECTION = "cases";

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;

    public MongoPetitionCases(MongoDatabase database, AggregateWriter writer) {
        this.collection = database.getCollection(COLLECTION);
        this.writer = writer;
        // the petitioner's look-up by query code, and the newest-first list
        collection.createIndex(Indexes.ascending("queryCodeHash"), new IndexOptions().unique(true).name("query_code"));
        collection.createIndex(Indexes.descending("registeredAt"), new IndexOptions().name("newest_first"));
    }

    @Override
    public void add(PetitionCase petitionCase, List<PendingEvent> events) {
        writer.insert(collection, toDocument(petitionCase), events);
    }

    @Override
    public Optional<PetitionCase> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MongoPetitionCases::fromDocument);
    }

    @Override
    public Optional<PetitionCase> findByQueryCodeHash(String queryCodeHash) {
        return Optional.ofNullable(collection.find(eq("queryCodeHash", queryCodeHash)).first())
                .map(MongoPetitionCases::fromDocument);
    }

    @Override
    public Page<PetitionCase> list(PageRequest page) {
        List<PetitionCase> items = collection.find()
                .sort(Sorts.orderBy(Sorts.descending("registeredAt"), Sorts.ascending("_id")))
                .skip(page.offset()).limit(page.size())
                .map(MongoPetitionCases::fromDocument).into(new ArrayList<>());
        return new Page<>(items, page, collection.countDocuments());
    }

    static Document toDocument(PetitionCase petitionCase) {
        Petitioner petitioner = petitionCase.petitioner();
        return new Document("_id", petitionCase.id())
                .append("title", petitionCase.title())
                .append("summary", petitionCase.summary())
                .append("channel", petitionCase.channel().name())
                .append("origin", petitionCase.origin().name())
                .append("category", petitionCase.category().name())
                .append("petitioner", new Document("name", petitioner.name())
                        .append("idNumber", petitioner.idNumber())
                        .append("phone", petitioner.phone()))
                .append("prominent", petitionCase.prominent())
                .append("whistleblowing", petitionCase.whistleblowing())
                .append("accusedUnitIds", petitionCase.accusedUnitIds())
                .append("firstTime", petitionCase.firstTime())
                .append("backlog", petitionCase.backlog())
                .append("leaderInCharge", petitionCase.leaderInCharge())
                .append("repeatOfCaseId", petitionCase.repeatOfCaseId())
                .append("queryCodeHash", petitionCase.queryCodeHash())
                .append("registeredAt", Date.from(petitionCase.registeredAt()));
    }

    static PetitionCase fromDocument(Document document) {
        Document petitioner = document.get("petitioner", Document.class);
        return new PetitionCase(
                document.getString("_id"),
                document.getString("title"),
                document.getString("summary"),
                Channel.valueOf(document.getString("channel")),
                Origin.valueOf(document.getString("origin")),
                Category.valueOf(document.getString("category")),
                new Petitioner(petitioner.getString("name"), petitioner.getString("idNumber"),
                        petitioner.getString("phone")),
                document.getBoolean("prominent"),
                document.getBoolean("whistleblowing"),
                document.getList("accusedUnitIds", String.class, List.of()),
                document.getBoolean("firstTime"),
                document.getBoolean("backlog", false),
                document.getString("leaderInCharge"),
                document.getString("repeatOfCaseId"),
                document.getString("queryCodeHash"),
                document.getDate("registeredAt").toInstant());
    }
}
