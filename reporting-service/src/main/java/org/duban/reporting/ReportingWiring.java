package org.duban.reporting;

import java.time.ZoneId;

import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.IssuedAssignments;
import org.duban.reporting.projection.LawyerProjection;
import org.duban.reporting.projection.LawyerWork;
import org.duban.reporting.projection.Matters;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.projection.Recommendations;
import org.duban.reporting.projection.SupervisionProjection;
import org.duban.reporting.projection.Units;
import org.duban.reporting.report.AnnualReportService;
import org.duban.reporting.scorecard.ScoreWeights;
import org.duban.reporting.scorecard.ScorecardService;
import org.duban.reporting.statistics.StatisticsService;
import org.duban.reporting.timeline.TimelineService;
import org.duban.reporting.timeline.Timelines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; this is where they meet their adapters. */
@Configuration(proxyBeanMethods = false)
class ReportingWiring {

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
    TimelineService timelineService(Timelines timelines) {
        return new TimelineService(timelines);
    }

    @Bean
    StatisticsService statisticsService(DailyFigures figures, Matters matters, LawyerWork lawyers,
            ReportingProperties properties) {
        return new StatisticsService(figures, matters, lawyers, properties.repeatWindow());
    }
}
