package org.duban.reporting.report.document;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font the PNG charts draw their Chinese labels with, found among the fonts installed where the
 * service runs: Noto Sans CJK SC (Debian's {@code fonts-noto-cjk}) or another known Simplified Chinese
 * sans font first, else any installed family that displays the labels. Looked up once per process.
 * When none is installed the charts have no readable picture: the service says so once in its log,
 * naming the package to install, and the Markdown report says so where its charts would be.
 */
final class ChartFont {

    /** Text every chart label is made of: the test that a font can draw them. */
    static final String SAMPLE = "图各月交办转送督办问责措施件数份年0123456789、";
    static final String MISSING = "no installed font displays Chinese (install the Debian package fonts-noto-cjk, "
            + "or any font covering Simplified Chinese, and restart): the Markdown report carries no chart pictures; "
            + "the DOCX and XLSX charts are unaffected (the office application draws them)";
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
            "SimHei", "Noto Sans CJK TC", "Noto Sans CJK JP");
    private static final List<String> LOGICAL = List.of(Font.DIALOG, Font.DIALOG_INPUT, Font.MONOSPACED,
            Font.SANS_SERIF, Font.SERIF);
    private static final Logger log = LoggerFactory.getLogger(ChartFont.class);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartFont() {
    }

    /** The installed font for the charts, if any (looked up, and a missing one logged, once). */
    static Optional<Font> installed() {
        return Installed.FONT;
    }

    /** Looks the font up among these installed families; logs a warning naming the package when none fits. */
    static Optional<Font> lookUp(Collection<String> families) {
        Optional<Font> font = find(families, SAMPLE);
        if (font.isEmpty()) {
            log.warn(MISSING);
        } else {
            log.info("the PNG charts draw their labels with {}", font.get().getFamily(Locale.ROOT));
        }
        return font;
    }

    /**
     * The first installed family that displays all of the text: a preferred one, else any other, else
     * a logical font (Java's SansSerif etc., which may borrow glyphs from other fonts).
     */
    static Optional<Font> find(Collection<String> families, String text) {
        Stream<String> others = families.stream().filter(family -> !PREFERRED.contains(family)).sorted();
        Stream<String> candidates = Stream.of(PREFERRED.stream().filter(families::contains),
                others.filter(family -> !LOGICAL.contains(family)),
                LOGICAL.stream().filter(families::contains)).flatMap(family -> family);
        return candidates.map(family -> new Font(family, Font.PLAIN, 12))
                // a family that is not installed comes back as the logical Dialog font: not this family
                .filter(font -> families.contains(font.getFamily(Locale.ROOT)))
                .filter(font -> font.canDisplayUpTo(text) == -1)
                .findFirst();
    }

    private static final class Installed {
        static final Optional<Font> FONT = lookUp(List.of(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)));
    }
}
