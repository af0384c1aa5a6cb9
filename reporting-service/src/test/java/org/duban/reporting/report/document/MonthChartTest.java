package org.duban.reporting.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The PNG chart draws the report's Chinese words with the font it is given. */
class MonthChartTest {

    private static final List<String> INSTALLED =
            List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
    private static final List<String> MONTHS = List.of("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月",
            "10月", "11月", "12月");
    private static final long[] VALUES = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};

    @Test
    void drawsChineseLabelsAsTheirOwnGlyphsWithTheInstalledCjkFont() {
        assumeTrue(ChartFont.installed().isPresent(), "no font that displays Chinese is installed here");
        Font font = ChartFont.installed().orElseThrow();

        // when: two charts that differ only in a series name
        byte[] assignments = chart("交办", font);
        byte[] transfers = chart("转送", font);

        // then
        assertThat(assignments).isNotEqualTo(transfers);
    }

    @Test
    void aFontWithoutChineseDrawsEveryChineseLabelAsTheSameBox() {
        assumeTrue(INSTALLED.contains("DejaVu Sans"), "DejaVu Sans is not installed here");
        Font latinOnly = new Font("DejaVu Sans", Font.PLAIN, 12);

        // when
        byte[] assignments = chart("交办", latinOnly);
        byte[] transfers = chart("转送", latinOnly);

        // then: why the chart needs ChartFont (and why the previous test can tell)
        assertThat(assignments).isEqualTo(transfers);
    }

    @Test
    void isAPictureOfTheStatedSize() throws IOException {
        // when
        byte[] png = chart("交办", new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        // then
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(MonthChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(MonthChart.HEIGHT);
    }

    private static byte[] chart(String series, Font font) {
        return MonthChart.png("各月件数", MONTHS, Collections.singletonList(new MonthChart.Series(series, VALUES)),
                "月份", "件数", font);
    }
}
