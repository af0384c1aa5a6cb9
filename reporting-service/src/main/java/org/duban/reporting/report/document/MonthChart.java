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
 * A bar chart by month as a PNG, drawn with plain Java2D (headless). Labels are ASCII (month numbers
 * and English series names): the machines this runs on have no CJK font, and shipping one was not
 * worth its licence check; the Chinese names are in the tables beside the charts.
 */
public final class MonthChart {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 360;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One series: its name and 12 monthly values. */
    public record Series(String name, long[] values) {
    }

    private MonthChart() {
    }

    public static byte[] png(String title, List<Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, series);
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

    private static void draw(Graphics2D g, String title, List<Series> series) {
        int left = 60;
        int right = WIDTH - 20;
        int top = 50;
        int bottom = HEIGHT - 50;
        long max = 1;
        for (Series s : series) {
            for (long value : s.values()) {
                max = Math.max(max, value);
            }
        }
        // four whole-number ticks
        max = (max + 3) / 4 * 4;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
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
        double slot = (right - left) / 12.0;
        double bar = (slot - 8) / Math.max(1, series.size());
        for (int month = 0; month < 12; month++) {
            int x0 = left + (int) (slot * month) + 4;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values()[month];
                int height = (int) ((bottom - top) * value / (double) max);
                g.setColor(COLOURS[s % COLOURS.length]);
                g.fillRect(x0 + (int) (bar * s), bottom - height, Math.max(1, (int) bar - 1), height);
            }
            g.setColor(Color.BLACK);
            String label = Integer.toString(month + 1);
            g.drawString(label, (int) (left + slot * month + slot / 2 - g.getFontMetrics().stringWidth(label) / 2.0),
                    bottom + 16);
        }
        int legendX = left;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.fillRect(legendX, HEIGHT - 22, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), legendX + 16, HEIGHT - 12);
            legendX += 30 + g.getFontMetrics().stringWidth(series.get(s).name());
        }
        g.drawString("month", right - 40, bottom + 32);
    }
}
