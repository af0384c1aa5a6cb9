package org.duban.intake.lawyer.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.duban.intake.lawyer.Period;

/** The day ranges of the lawyers' lists: days are stored as {@code yyyy-MM-dd}, which sort as they read. */
final class LawyerQueries {

    private LawyerQueries() {
    }

    static Bson days(String field, Period period) {
        List<Bson> conditions = new ArrayList<>();
        if (period.from() != null) {
            conditions.add(gte(field, period.from().toString()));
        }
        if (period.to() != null) {
            conditions.add(lt(field, period.to().toString()));
        }
        return conditions.isEmpty() ? empty() : and(conditions);
    }
}
