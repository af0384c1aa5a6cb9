package org.duban.reporting;

import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import org.duban.reporting.projection.BatchProjection;
import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.LawyerWork;
import org.duban.reporting.projection.Matters;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.SupervisionProjection;
import org.duban.reporting.projection.Units;
import org.duban.reporting.projection.mongo.MongoDailyFigures;
import org.duban.reporting.projection.mongo.MongoIssuedAssignments;
import org.duban.reporting.projection.mongo.MongoLawyerWork;
import org.duban.reporting.projection.mongo.MongoMatters;
import org.duban.reporting.projection.mongo.MongoProjectionWrites;
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
 * Wires the use cases to their Mongo stores; neither knows Spring. The stores the figures are read from are beans
 * of their own because the projection writes the same stores; those only the projection reads (its memory of issued
 * assignments and recommendations) are built with it, as the timeline's store is.
 */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

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
    LawyerWork lawyerWork(MongoDatabase database) {
        return new MongoLawyerWork(database);
    }

    @Bean
    ProjectionService projectionService(MongoDatabase database, DailyFigures figures, Matters matters, Units units,
            ZoneId officeZone) {
        return new ProjectionService(new MongoIssuedAssignments(database), figures, matters, units,
                new SupervisionProjection(figures, new MongoRecommendations(database), officeZone), officeZone);
    }

    @Bean
    LawyerProjection lawyerProjection(LawyerWork work) {
        return new LawyerProjection(work);
    }

    /** What the listener projects every batch of events with: the same projections, over a batch's stores. */
    @Bean
    BatchProjection batchProjection(MongoDatabase database, TimelineService timelines, ZoneId officeZone) {
        return new BatchProjection(new MongoProjectionWrites(database), timelines, officeZone);
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
