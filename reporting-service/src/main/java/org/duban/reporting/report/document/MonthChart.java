package org.duban.reporting.report.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A clustered bar chart by month as a PNG, drawn with plain Java2D (headless), for the outputs that
 * hold pictures rather than charts (the Markdown report). Every label is drawn with the font it is
 * given, which must display Chinese ({@link ChartFont}): title, series names, months and axis titles
 * are the report's own words.
 */
final class MonthChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 360;
    /** The same colours as the native charts' series. */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One series: its name and one value per category. */
    record Series(String name, long[] values) {
    }

    private MonthChart() {
    }

    static byte[] png(String title, List<String> categories, List<Series> series, String categoryAxis,
            String valueAxis, Font font) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, categories, series, categoryAxis, valueAxis, font);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void draw(Graphics2D g, String title, List<String> categories, List<Series> series,
            String categoryAxis, String valueAxis, Font font) {
        int left = 64;
        int right = WIDTH - 20;
        int top = 50;
        int bottom = HEIGHT - 70;
        long max = 1;
        for (Series s : series) {
            for (long value : s.values()) {
                max = Math.max(max, value);
            }
        }
        // four whole-number ticks
        max = (max + 3) / 4 * 4;
        g.setColor(Color.BLACK);
        g.setFont(font.deriveFont(Font.BOLD, 16f));
        centred(g, title, WIDTH / 2.0, 28);
        g.setFont(font.deriveFont(Font.PLAIN, 12f));
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int tick = 0; tick <= 4; tick++) {
            long value = max * tick / 4;
            int y = bottom - (int) ((bottom - top) * value / (double) max);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(Long.toString(value), left - 8 - g.getFontMetrics().stringWidth(Long.toString(value)), y + 4);
        }
        verticalLabel(g, valueAxis, 18, (top + bottom) / 2.0);
        double slot = (right - left) / (double) Math.max(1, categories.size());
        double bar = (slot - 8) / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            int x0 = left + (int) (slot * c) + 4;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values()[c];
                int height = (int) ((bottom - top) * value / (double) max);
                g.setColor(COLOURS[s % COLOURS.length]);
                g.fillRect(x0 + (int) (bar * s), bottom - height, Math.max(1, (int) bar - 1), height);
            }
            g.setColor(Color.BLACK);
            centred(g, categories.get(c), left + slot * c + slot / 2, bottom + 16);
        }
        centred(g, categoryAxis, (left + right) / 2.0, bottom + 34);
        legend(g, series, HEIGHT - 12);
    }

    private static void legend(Graphics2D g, List<Series> series, int baseline) {
        int width = 0;
        for (Series s : series) {
            width += 16 + g.getFontMetrics().stringWidth(s.name()) + 20;
        }
        int x = (WIDTH - width) / 2;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.fillRect(x, baseline - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), x + 16, baseline);
            x += 16 + g.getFontMetrics().stringWidth(series.get(s).name()) + 20;
        }
    }

    private static void centred(Graphics2D g, String text, double x, int baseline) {
        g.drawString(text, (int) (x - g.getFontMetrics().stringWidth(text) / 2.0), baseline);
    }

    /** Chinese axis titles read top to bottom, one character under the other, as in the office's charts. */
    private static void verticalLabel(Graphics2D g, String text, int x, double middle) {
        int line = g.getFontMetrics().getHeight();
        int y = (int) (middle - line * text.length() / 2.0) + g.getFontMetrics().getAscent();
        for (int i = 0; i < text.length(); i++) {
            String character = text.substring(i, i + 1);
            g.drawString(character, x - g.getFontMetrics().stringWidth(character) / 2, y + line * i);
        }
    }
}
