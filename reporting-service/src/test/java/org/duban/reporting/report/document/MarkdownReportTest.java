package org.duban.reporting.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The Markdown report carries its charts as pictures, or says why it cannot. */
class MarkdownReportTest {

    private static final Pattern PICTURE = Pattern.compile("(?m)^\\[chart-(\\d)]: data:image/png;base64,(\\S+)$");

    @Test
    void carriesBothMonthlyChartsAsPngPicturesDefinedAtTheEnd() throws Exception {
        assumeTrue(ChartFont.installed().isPresent(), "no font that displays Chinese is installed here");

        // when
        String markdown = new String(MarkdownReport.render(ReportFixtures.aYear()), StandardCharsets.UTF_8);

        // then
        assertThat(markdown).contains("## 月度情况", "| 12月 | 22 | 12 | 0 | 0 |",
                "## 图表\n\n![图1 各月交办、转送件数][chart-1]\n\n![图2 各月督办、问责措施件数][chart-2]\n\n统计口径：");
        Matcher pictures = PICTURE.matcher(markdown);
        int found = 0;
        while (pictures.find()) {
            found++;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pictures.group(2))));
            assertThat(image.getWidth()).isEqualTo(MonthChart.WIDTH);
        }
        assertThat(found).isEqualTo(2);
        assertThat(markdown.indexOf("[chart-1]: ")).isGreaterThan(markdown.indexOf("统计口径"));
    }

    @Test
    void saysWhyThereAreNoChartsWhenNoInstalledFontDisplaysChinese() {
        // when
        String markdown = new String(MarkdownReport.render(ReportFixtures.aYear(), Optional.empty()),
                StandardCharsets.UTF_8);

        // then
        assertThat(markdown).contains("## 图表\n\n" + MarkdownReport.NO_CHARTS).contains("fonts-noto-cjk")
                .doesNotContain("data:image");
        assertThat(markdown).contains("## 月度情况", "| 12月 | 22 | 12 | 0 | 0 |");
    }
}
