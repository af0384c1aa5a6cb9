package org.duban.platform.architecture.petitions.reminder.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.duban.platform.architecture.petitions.reminder.Reminders;

public class MongoReminders implements Reminders {

    private final List<Document> documents = new ArrayList<>();

    @Override
    public void remindAbout(String subjectId, Instant from) {
        documents.add(new Document("subjectId", subjectId).append("from", from));
    }
}
