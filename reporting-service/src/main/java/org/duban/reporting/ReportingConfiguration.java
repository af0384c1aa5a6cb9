package org.duban.reporting;

import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.IssuedAssignments;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.LawyerWork;
import org.duban.reporting.projection.Matters;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.Recommendations;
import org.duban.reporting.projection.SupervisionProjection;
import org.duban.reporting.projection.Units;
import org.duban.reporting.projection.mongo.MongoDailyFigures;
import org.duban.reporting.projection.mongo.MongoIssuedAssignments;
import org.duban.reporting.projection.mongo.MongoLawyerWork;
import org.duban.reporting.projection.mongo.MongoMatters;
import org.duban.reporting.projection.mongo.MongoRecommendations;
import org.duban.reporting.projection.mongo.MongoUnits;
import org.duban.reporting.report.AnnualReportService;
import org.duban.reporting.scorecard.ScoreWeights;
import org.duban.reporting.scorecard.ScorecardService;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.mongo.MongoTimelines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the use cases to their Mongo stores; neither knows Spring. The projection's stores are beans of their
 * own because the figures are read from the same stores the projection writes.
 */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    IssuedAssignments issuedAssignments(MongoDatabase database) {
        return new MongoIssuedAssignments(database);
    }

    @Bean
    DailyFigures dailyFigures(MongoDatabase database) {
        return new MongoDailyFigures(database);
    }

    @Bean
    Matters matters(MongoDatabase database) {
        return new MongoMatters(database);
    }

    @Bean
    Units units(MongoDatabase database) {
        return new MongoUnits(database);
    }

    @Bean
    Recommendations recommendations(MongoDatabase database) {
        return new MongoRecommendations(database);
    }

    @Bean
    LawyerWork lawyerWork(MongoDatabase database) {
        return new MongoLawyerWork(database);
    }

    @Bean
    ProjectionService projectionService(IssuedAssignments assignments, DailyFigures figures, Matters matters,
            Units units, Recommendations recommendations, ZoneId officeZone) {
        return new ProjectionService(assignments, figures, matters, units,
                new SupervisionProjection(figures, recommendations, officeZone), officeZone);
    }

    @Bean
    LawyerProjection lawyerProjection(LawyerWork work) {
        return new LawyerProjection(work);
    }

    @Bean
    StatisticsService statisticsService(DailyFigures figures, Matters matters, LawyerWork lawyers,
            ReportingProperties properties) {
        return new StatisticsService(figures, matters, lawyers, properties.repeatWindow());
    }

    @Bean
    ScorecardService scorecardService(StatisticsService statistics, Units units, ReportingProperties properties) {
        ReportingProperties.Weights w = properties.weights();
        return new ScorecardService(statistics, units, new ScoreWeights(w.onTimeCompletion(), w.timelyAcceptance(),
                w.satisfaction(), w.overdue(), w.sendBacks(), w.supervisionOrders(), w.measures()));
    }

    @Bean
    AnnualReportService annualReportService(StatisticsService statistics, ScorecardService scorecards,
            DailyFigures figures) {
        return new AnnualReportService(statistics, scorecards, figures);
    }

    @Bean
    TimelineService timelineService(MongoDatabase database) {
        return new TimelineService(new MongoTimelines(database));
    }
}
