package org.duban.reporting.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which installed font draws the PNG charts' Chinese, and what happens when none can. */
class ChartFontTest {

    private static final List<String> INSTALLED =
            List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));

    @Test
    void takesNotoSansCjkScWhenFontsNotoCjkIsInstalled() {
        assumeTrue(INSTALLED.contains("Noto Sans CJK SC"), "fonts-noto-cjk is not installed here");

        // when
        var font = ChartFont.installed();

        // then
        assertThat(font).hasValueSatisfying(f -> {
            assertThat(f.getFamily(Locale.ROOT)).isEqualTo("Noto Sans CJK SC");
            assertThat(f.canDisplayUpTo("2023年各月交办、转送件数 督办 问责措施 12月 月份")).isEqualTo(-1);
        });
    }

    @Test
    void takesAnyOtherInstalledFamilyThatDisplaysTheLabels() {
        assumeTrue(INSTALLED.contains("Noto Serif CJK SC"), "fonts-noto-cjk is not installed here");

        // when
        var font = ChartFont.find(List.of("DejaVu Sans", "Noto Serif CJK SC"), ChartFont.SAMPLE);

        // then
        assertThat(font).hasValueSatisfying(f -> assertThat(f.getFamily(Locale.ROOT)).isEqualTo("Noto Serif CJK SC"));
    }

    @Test
    void findsNoFontAndWarnsNamingThePackageWhenNoInstalledFamilyDisplaysChinese() {
        assumeTrue(INSTALLED.contains("DejaVu Sans"), "DejaVu Sans is not installed here");
        Logger logger = (Logger) LoggerFactory.getLogger(ChartFont.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            // when: an installed family without Chinese, and one that is not installed at all
            var font = ChartFont.lookUp(List.of("DejaVu Sans", "No Such Font"));

            // then
            assertThat(font).isEmpty();
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("fonts-noto-cjk");
            });
        } finally {
            logger.detachAppender(log);
        }
    }
}
